import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import BehaviourScatter from '../../../src/components/charts/BehaviourScatter.svelte';
import { countMarkers } from '../../../src/components/charts/scales';
import { expectLabelledSvg, expectNoBadNumbers, openTable, tableCells } from './helpers';

const groups = [
  { key: 'direct', name: 'Direct sales' },
  { key: 'portal', name: 'Online portal' },
  { key: 'distributor', name: 'Distributor' },
  { key: 'edi', name: 'EDI' },
];
const base = { groups, title: 'Order behaviour', xLabel: 'Orders per year', yLabel: 'Average order value' };

describe('BehaviourScatter', () => {
  it('draws one path per group with one marker per drawable point on log axes', () => {
    const points = Array.from({ length: 1200 }, (_, i) => ({
      x: 2 + (i % 150),
      y: 50 * 10 ** ((i % 97) / 25),
      group: i % 4,
    }));
    const { container } = render(BehaviourScatter, { ...base, lang: 'en', points });
    const paths = [...container.querySelectorAll('path.series')];
    expect(paths.map((p) => countMarkers(p.getAttribute('d')))).toEqual([300, 300, 300, 300]);
    expect(paths.map((p) => p.getAttribute('data-group'))).toEqual(['direct', 'portal', 'distributor', 'edi']);
    // log axis ticks in short locale currency
    const ticks = [...container.querySelectorAll('svg text')].map((t) => t.textContent ?? '');
    expect(ticks).toContain('$1K');
    expect(ticks).toContain('$100K');
    expectLabelledSvg(container, base.title);
    expectNoBadNumbers(container);
  });

  it('counts and explains the points a log axis cannot show', () => {
    const points = [
      { x: 10, y: 1000, group: 0 },
      { x: 0, y: 1000, group: 0 },
      { x: 12, y: -5, group: 1 },
      { x: 40, y: 200, group: 1 },
    ];
    const { container } = render(BehaviourScatter, { ...base, lang: 'en', points });
    expect([...container.querySelectorAll('path.series')].map((p) => countMarkers(p.getAttribute('d')))).toEqual([1, 1]);
    const summary = screen.getByTestId('chart-summary').textContent ?? '';
    expect(summary).toContain('Online portal orders most often (median 40 orders a year)');
    expect(summary).toContain('Direct sales places the largest orders (median $1,000 per order)');
    expect(summary).toContain('2 customers with no orders or no order value cannot be shown');
    expectNoBadNumbers(container);
  });

  it('tables medians per group in US dollars, formatted per locale', async () => {
    const points = [
      { x: 12, y: 2500, group: 0 },
      { x: 24, y: 3500, group: 0 },
      { x: 150, y: 120.5, group: 3 },
    ];
    const { unmount } = render(BehaviourScatter, { ...base, lang: 'en', points });
    let cells = tableCells(await openTable());
    expect(cells[0]).toEqual(['Group', 'Customers', 'Median Orders per year', 'Median Average order value']);
    expect(cells[1]).toEqual(['Direct sales', '2', '18', '$3,000']);
    expect(cells[4]).toEqual(['EDI', '1', '150', '$121']);
    unmount();
    render(BehaviourScatter, { ...base, lang: 'zh-cn', xLabel: '年订单数', yLabel: '平均订单金额', points: points.map((p) => ({ ...p, y: p.y * 1000 })) });
    cells = tableCells(await openTable('显示数据表', '隐藏数据表'));
    expect(cells[0]).toEqual(['分组', '客户数', '年订单数（中位数）', '平均订单金额（中位数）']);
    expect(cells[1][3]).toBe('US$3,000,000');
    expect(screen.getByTestId('chart-summary').textContent).toContain('下单最频繁');
  });

  it('shows the empty state, not NaN, when nothing can be drawn', () => {
    const { container } = render(BehaviourScatter, {
      ...base,
      lang: 'en',
      points: [{ x: Number.NaN, y: 0, group: 0 }, { x: 0, y: 0, group: 9 }],
    });
    expect(screen.getByTestId('chart-empty')).toBeTruthy();
    expect(container.querySelector('svg')).toBeNull();
    expectNoBadNumbers(container);
  });
});
