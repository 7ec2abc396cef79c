import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import NeedsScatter from '../../../src/components/charts/NeedsScatter.svelte';
import { countMarkers } from '../../../src/components/charts/scales';
import { expectLabelledSvg, expectNoBadNumbers, openTable, tableCells } from './helpers';

const segments = [
  { key: 'price', name: 'Price-driven' },
  { key: 'speed', name: 'Speed-driven' },
  { key: 'service', name: 'Service-driven' },
];

/** 2,000 deterministic points: segment 0 price-sensitive and patient, 1 urgent, 2 in between. */
function makePoints(n = 2000) {
  return Array.from({ length: n }, (_, i) => {
    const segment = i % 3;
    const t = ((i * 7919) % 1000) / 1000;
    const x = segment === 0 ? 0.7 + 0.3 * t : segment === 1 ? 0.1 + 0.4 * t : 0.3 + 0.4 * t;
    const y = segment === 0 ? 20 + 60 * t : segment === 1 ? 1 + 3 * t : 5 + 10 * t;
    return { x, y, segment };
  });
}

const base = { segments, xLabel: 'Price sensitivity', yLabel: 'Required lead time (days)', title: 'Needs of 2,000 customers' };

describe('NeedsScatter', () => {
  it('draws one path per segment holding one marker per point, each with its own shape and palette colour', () => {
    const points = makePoints();
    const { container } = render(NeedsScatter, { ...base, lang: 'en', points });
    const paths = [...container.querySelectorAll('path.series')] as SVGPathElement[];
    expect(paths).toHaveLength(3);
    const counts = paths.map((p) => countMarkers(p.getAttribute('d')));
    expect(counts).toEqual([667, 667, 666]);
    expect(new Set(paths.map((p) => p.style.fill)).size).toBe(3);
    for (const p of paths) expect(p.style.fill).toMatch(/^var\(--chart-[1-8]\)$/);
    // shapes differ: the circle uses arcs, the square does not
    expect(paths[0].getAttribute('d')).toContain('a');
    expect(paths[1].getAttribute('d')).not.toContain('a');
    expectLabelledSvg(container, base.title);
    expectNoBadNumbers(container);
  });

  it('summarises the most price-sensitive and the most urgent segment in a polite live region', () => {
    render(NeedsScatter, { ...base, lang: 'en', points: makePoints(300) });
    const summary = screen.getByTestId('chart-summary');
    expect(summary.getAttribute('aria-live')).toBe('polite');
    expect(summary.textContent).toContain('300 customers in 3 segments');
    expect(summary.textContent).toContain('Price-driven is the most price-sensitive');
    expect(summary.textContent).toContain('Speed-driven needs the fastest delivery');
  });

  it('leaves out points it cannot draw and never writes NaN', () => {
    const points = [
      { x: 0.5, y: 10, segment: 0 },
      { x: Number.NaN, y: 10, segment: 0 },
      { x: 0.4, y: Number.POSITIVE_INFINITY, segment: 1 },
      { x: 0.4, y: 0, segment: 1 },
      { x: 0.4, y: 3, segment: 7 },
      { x: 0.2, y: 3, segment: 1 },
    ];
    const { container } = render(NeedsScatter, { ...base, lang: 'en', points });
    const counts = [...container.querySelectorAll('path.series')].map((p) => countMarkers(p.getAttribute('d')));
    expect(counts).toEqual([1, 1]);
    expectNoBadNumbers(container);
  });

  it('tables counts and medians per segment, formatted per locale', async () => {
    const points = [
      { x: 0.8, y: 30, segment: 0 },
      { x: 0.9, y: 40, segment: 0 },
      { x: 0.25, y: 1.5, segment: 1 },
    ];
    const { unmount } = render(NeedsScatter, { ...base, lang: 'en', points });
    let cells = tableCells(await openTable());
    expect(cells[0]).toEqual(['Segment', 'Customers', 'Median Price sensitivity', 'Median Required lead time (days)']);
    expect(cells[1]).toEqual(['Price-driven', '2', '0.85', '35 days']);
    expect(cells[2]).toEqual(['Speed-driven', '1', '0.25', '1.5 days']);
    expect(cells[3]).toEqual(['Service-driven', '0', '–', '–']);
    unmount();

    const zhSegments = [
      { key: 'price', name: '价格导向型' },
      { key: 'speed', name: '速度导向型' },
      { key: 'service', name: '服务导向型' },
    ];
    render(NeedsScatter, { ...base, segments: zhSegments, lang: 'zh-cn', title: '需求', points });
    cells = tableCells(await openTable('显示数据表', '隐藏数据表'));
    expect(cells[0][0]).toBe('细分群体');
    expect(cells[1]).toEqual(['价格导向型', '2', '0.85', '35 天']);
    expect(screen.getByTestId('chart-summary').textContent).toContain('共 3 位客户');
  });

  it('shows a translated empty state for no points or no segments', () => {
    const { container, unmount } = render(NeedsScatter, { ...base, lang: 'en', points: [] });
    expect(screen.getByTestId('chart-empty').textContent).toContain('No data to show');
    expect(container.querySelector('svg')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expectNoBadNumbers(container);
    unmount();
    const r = render(NeedsScatter, { ...base, segments: [], lang: 'zh-cn', points: makePoints(10) });
    expect(screen.getByTestId('chart-empty').textContent).toContain('暂时没有可显示的数据');
    expectNoBadNumbers(r.container);
  });
});
