import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import LifecycleCurves from '../../../src/components/charts/LifecycleCurves.svelte';
import { expectLabelledSvg, expectNoBadNumbers, openTable, tableCells } from './helpers';

const weeks = 52;
const newDemand = Array.from({ length: weeks }, (_, i) => Math.round(1000 * Math.exp(-((i + 1 - 14) ** 2) / 60)));
const matureDemand = Array.from({ length: weeks }, () => 500);
const base = { weeks, title: 'Weekly demand', xLabel: 'Week', yLabel: 'Units per week' };

describe('LifecycleCurves', () => {
  it('draws one line per series with distinct colours and dash patterns', () => {
    const series = [
      { key: 'new', name: 'New products', values: newDemand },
      { key: 'mature', name: 'Mature products', values: matureDemand },
      { key: 'third', name: 'Third', values: matureDemand.map((v) => v / 2) },
    ];
    const { container } = render(LifecycleCurves, { ...base, lang: 'en', series });
    const paths = [...container.querySelectorAll('path.series')] as SVGPathElement[];
    expect(paths).toHaveLength(3);
    expect(paths[0].getAttribute('d')?.split('L')).toHaveLength(weeks);
    expect(new Set(paths.map((p) => p.getAttribute('stroke-dasharray'))).size).toBe(3);
    expect(new Set(paths.map((p) => p.style.stroke)).size).toBe(3);
    expect(screen.getByTestId('chart-summary').textContent).toBe(
      'Over 52 weeks, New products peaks at 1,000 in week 14; Mature products peaks at 500 in week 1; Third peaks at 250 in week 1.',
    );
    expectLabelledSvg(container, base.title);
    expectNoBadNumbers(container);
  });

  it('leaves a gap for a missing week and ignores values past the horizon', () => {
    const values = Array.from({ length: 60 }, (_, i) => (i === 9 ? Number.NaN : 100 + i));
    const { container } = render(LifecycleCurves, { ...base, lang: 'en', series: [{ key: 'a', name: 'A', values }] });
    const d = container.querySelector('path.series')?.getAttribute('d') ?? '';
    expect(d.split('M')).toHaveLength(3); // two runs: weeks 1-9 and 11-52
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(51);
    expectNoBadNumbers(container);
  });

  it('tables the values week by week, formatted per locale and yFormat', async () => {
    const series = [
      { key: 'new', name: 'New', values: [0.915, 0.9, 0.875] },
      { key: 'mature', name: 'Mature', values: [0.98, 0.99] },
    ];
    const { unmount } = render(LifecycleCurves, { ...base, weeks: 3, lang: 'en', yFormat: 'percent', series });
    let cells = tableCells(await openTable());
    expect(cells).toEqual([
      ['Week', 'New', 'Mature'],
      ['1', '91.5%', '98.0%'],
      ['2', '90.0%', '99.0%'],
      ['3', '87.5%', '–'],
    ]);
    unmount();
    render(LifecycleCurves, {
      ...base,
      weeks: 2,
      lang: 'zh-cn',
      yFormat: 'currency',
      series: [{ key: 'rev', name: '收入', values: [1234567, 2345678] }],
    });
    cells = tableCells(await openTable('显示数据表', '隐藏数据表'));
    expect(cells).toEqual([
      ['周次', '收入'],
      ['1', 'US$1,234,567'],
      ['2', 'US$2,345,678'],
    ]);
    expect(screen.getByTestId('chart-summary').textContent).toBe('在 2 周内，收入在第 2 周达到峰值 US$2,345,678。');
  });

  it('shows the empty state when no week has a value', () => {
    const { container } = render(LifecycleCurves, {
      ...base,
      lang: 'en',
      series: [{ key: 'a', name: 'A', values: [Number.NaN, Number.POSITIVE_INFINITY] }],
    });
    expect(screen.getByTestId('chart-empty')).toBeTruthy();
    expectNoBadNumbers(container);
    const r2 = render(LifecycleCurves, { ...base, weeks: 0, lang: 'en', series: [] });
    expect(r2.container.querySelector('[data-testid="chart-empty"]')).not.toBeNull();
  });
});
