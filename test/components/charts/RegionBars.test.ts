import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen } from '@testing-library/svelte';
import RegionBars from '../../../src/components/charts/RegionBars.svelte';
import { expectLabelledSvg, expectNoBadNumbers, installResizeObserverStub, openTable, tableCells } from './helpers';

// ChartFrame measures its width with a ResizeObserver only (never a forced layout): driven here
const observer = installResizeObserverStub();

const regions = [
  { key: 'east', name: 'East China', customers: 640, costToServe: 312_000, satisfaction: 81.5, international: false, distanceKm: 90, dutyRate: 0 },
  { key: 'west', name: 'West China', customers: 180, costToServe: 268_500, satisfaction: 72, international: false, distanceKm: 1950, dutyRate: 0 },
  { key: 'eu', name: 'Europe', customers: 150, costToServe: 1_254_321, satisfaction: 66.25, international: true, distanceKm: 19400, dutyRate: 0.035 },
];

describe('RegionBars', () => {
  it('draws one bar per region, hatched and labelled "International" abroad', () => {
    const { container } = render(RegionBars, { lang: 'en', regions, metric: 'costToServe', title: 'Cost to serve by region' });
    const bars = [...container.querySelectorAll('rect.bar')] as SVGRectElement[];
    expect(bars).toHaveLength(3);
    expect(bars.map((b) => b.classList.contains('international'))).toEqual([false, false, true]);
    expect(bars[2].style.fill).toMatch(/^url\(#.+-hatch\)$/);
    expect(bars[0].style.fill).toMatch(/^var\(--chart-\d\)$/);
    // widths are proportional to the values
    const w = bars.map((b) => Number(b.getAttribute('width')));
    expect(w[2]).toBeGreaterThan(w[0]);
    expect(w[0] / w[2]).toBeCloseTo(312_000 / 1_254_321, 1);
    const text = container.querySelector('svg')?.textContent ?? '';
    expect(text).toContain('International · 19,400 km · Import duty 3.5%');
    expect(text).toContain('$1.3M');
    expect(screen.getByTestId('chart-summary').textContent).toBe(
      'Cost to serve is highest in Europe ($1,254,321) and lowest in West China ($268,500).',
    );
    expectLabelledSvg(container, 'Cost to serve by region');
    expectNoBadNumbers(container);
  });

  it('switches metric, and a region with a non-finite value gets no bar', () => {
    const withBad = [...regions, { ...regions[0], key: 'x', name: 'Nowhere', satisfaction: Number.NaN }];
    const { container } = render(RegionBars, { lang: 'en', regions: withBad, metric: 'satisfaction', title: 'Satisfaction' });
    expect(container.querySelectorAll('rect.bar')).toHaveLength(3);
    expect(screen.getByTestId('chart-summary').textContent).toBe(
      'Satisfaction (0–100) is highest in East China (81.5) and lowest in Europe (66.3).',
    );
    expectNoBadNumbers(container);
  });

  it('tables every figure per region, formatted per locale', async () => {
    const { unmount } = render(RegionBars, { lang: 'en', regions, metric: 'customers', title: 'Customers by region' });
    let cells = tableCells(await openTable());
    expect(cells[0]).toEqual(['Region', 'Market', 'Customers', 'Cost to serve', 'Satisfaction (0–100)', 'Distance from Suzhou DC', 'Import duty']);
    expect(cells[3]).toEqual(['Europe', 'International', '150', '$1,254,321', '66.3', '19,400 km', '3.5%']);
    unmount();
    const zh = regions.map((r, i) => ({ ...r, name: ['华东', '华西', '欧洲'][i] }));
    render(RegionBars, { lang: 'zh-cn', regions: zh, metric: 'costToServe', title: '各区域服务成本' });
    cells = tableCells(await openTable('显示数据表', '隐藏数据表'));
    expect(cells[0][0]).toBe('区域');
    expect(cells[3]).toEqual(['欧洲', '海外', '150', 'US$1,254,321', '66.3', '19,400 公里', '3.5%']);
    expect(screen.getByTestId('chart-summary').textContent).toBe('服务成本最高的是欧洲（US$1,254,321），最低的是华西（US$268,500）。');
  });

  it('fits a phone: the viewBox follows the measured width and the detail moves to its own line', () => {
    const { container } = render(RegionBars, { lang: 'en', regions, metric: 'customers', title: 'Customers' });
    expect(container.querySelector('svg[role="img"]')?.getAttribute('viewBox')).toMatch(/^0 0 640 /); // not measured yet
    observer.resize(343);
    flushSync();
    expect(container.querySelector('svg[role="img"]')?.getAttribute('viewBox')).toMatch(/^0 0 343 /);
    expect(container.querySelectorAll('text.row-detail')).toHaveLength(3);
    expect(container.querySelector('text.row-name')?.textContent?.trim()).toBe('East China');
  });

  it('shows the empty state for no regions', () => {
    const { container } = render(RegionBars, { lang: 'en', regions: [], metric: 'customers', title: 'Customers' });
    expect(screen.getByTestId('chart-empty')).toBeTruthy();
    expect(container.querySelector('svg')).toBeNull();
    expectNoBadNumbers(container);
  });
});
