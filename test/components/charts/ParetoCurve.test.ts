import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import ParetoCurve from '../../../src/components/charts/ParetoCurve.svelte';
import { cleanCurve, peakOf, shareReaching, valueAt } from '../../../src/components/charts/pareto';
import { expectLabelledSvg, expectNoBadNumbers, openTable, tableCells } from './helpers';

/** 1,000 customers whose revenue falls off as a power law; profit of the worst 30 % is negative. */
function curves(n = 1000) {
  const revenue = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** 0.9);
  const profit = Array.from({ length: n }, (_, i) => (i < 700 ? 1 / (i + 1) ** 0.7 : -0.012));
  const cum = (v: number[]) => {
    const total = v.reduce((s, x) => s + x, 0);
    let acc = 0;
    return v.map((x) => (acc += x) / total);
  };
  return {
    cumulativeCustomers: revenue.map((_, i) => (i + 1) / n),
    cumulativeRevenue: cum(revenue),
    cumulativeProfit: cum(profit),
  };
}
const base = { title: 'Who brings the money', xLabel: 'Share of customers', yLabel: 'Cumulative share' };

describe('pareto helpers', () => {
  it('cleans, interpolates and reads thresholds across', () => {
    const c = cleanCurve([0.5, 0.25, 1, Number.NaN], [0.9, 0.6, 1, 0.5]);
    expect(c).toEqual([{ x: 0, y: 0 }, { x: 0.25, y: 0.6 }, { x: 0.5, y: 0.9 }, { x: 1, y: 1 }]);
    expect(valueAt(c, 0.375)).toBeCloseTo(0.75, 10);
    expect(shareReaching(c, 0.8)).toBeCloseTo(0.25 + (0.25 * 2) / 3, 10);
    expect(shareReaching(c, 1.2)).toBeNaN();
    expect(peakOf(cleanCurve([0.5, 1], [1.3, 1]))).toEqual({ x: 0.5, y: 1.3 });
    expect(cleanCurve([], [])).toEqual([]);
  });
});

describe('ParetoCurve', () => {
  it('draws the Pareto curve, the whale curve above 100 %, the diagonal and one marker per threshold', () => {
    const data = curves();
    const { container } = render(ParetoCurve, {
      ...base,
      lang: 'en',
      ...data,
      thresholds: [{ share: 0.8, label: 'A' }, { share: 0.95, label: 'B' }, { share: Number.NaN, label: 'bad' }],
    });
    expect(container.querySelectorAll('path.series')).toHaveLength(2);
    expect(container.querySelector('path.revenue')?.getAttribute('d')?.split('L')).toHaveLength(1001);
    expect(container.querySelectorAll('path.threshold')).toHaveLength(2);
    const labels = [...container.querySelectorAll('text.threshold-label')].map((t) => t.textContent);
    expect(labels[0]).toMatch(/^A · \d+%$/);
    // the whale curve peaks above 100 %: the y axis reaches beyond it
    const ticks = [...container.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(ticks).toContain('120%');
    const summary = screen.getByTestId('chart-summary').textContent ?? '';
    expect(summary).toMatch(/^The top 20% of customers bring \d+% of revenue, and cumulative profit peaks at 1\d\d% of the total/);
    expectLabelledSvg(container, base.title);
    expectNoBadNumbers(container);
  });

  it('tables every tenth of the customers plus the thresholds, per locale', async () => {
    const xs = [0.1, 0.2, 0.5, 1];
    const ys = [0.5, 0.8, 0.95, 1];
    const { unmount } = render(ParetoCurve, { ...base, lang: 'en', cumulativeCustomers: xs, cumulativeRevenue: ys, thresholds: [{ share: 0.8, label: 'A' }] });
    let cells = tableCells(await openTable());
    expect(cells[0]).toEqual(['Share of customers', 'Cumulative share of revenue', 'Threshold']);
    expect(cells).toHaveLength(1 + 10 + 1);
    expect(cells[1]).toEqual(['10%', '50.0%', '']);
    expect(cells[2]).toEqual(['20%', '80.0%', '']);
    expect(cells[3]).toEqual(['20.0%', '80.0%', 'A']);
    expect(cells[4]).toEqual(['30%', '85.0%', '']);
    expect(screen.queryByText('Profit (whale curve)')).toBeNull();
    unmount();
    render(ParetoCurve, { ...base, lang: 'zh-cn', cumulativeCustomers: xs, cumulativeRevenue: ys, cumulativeProfit: [0.7, 1.1, 1.05, 1] });
    cells = tableCells(await openTable('显示数据表', '隐藏数据表'));
    expect(cells[0]).toEqual(['客户占比', '累计收入占比', '累计利润占比', '分界线']);
    expect(cells[2]).toEqual(['20%', '80.0%', '110.0%', '']);
    expect(screen.getByTestId('chart-summary').textContent).toBe(
      '前 20% 的客户贡献了 80% 的收入；按利润从高到低累加，到前 20% 的客户时累计利润达到峰值，为总利润的 110%。',
    );
  });

  it('reads thresholds given as shares of customers up to the curve', () => {
    const { container } = render(ParetoCurve, {
      ...base,
      lang: 'en',
      cumulativeCustomers: [0.1, 0.2, 0.5, 1],
      cumulativeRevenue: [0.5, 0.8, 0.95, 1],
      thresholds: [{ share: 0.2, label: 'Top 20 %' }],
      thresholdAxis: 'customers',
    });
    expect([...container.querySelectorAll('text.threshold-label')].map((t) => t.textContent)).toEqual(['Top 20 % · 20%']);
    const circle = container.querySelector('.thresholds circle');
    const revenue = container.querySelector('path.revenue')?.getAttribute('d') ?? '';
    // the marker sits on the revenue curve's third vertex (x = 20 %, y = 80 %)
    const third = revenue.split('L')[2];
    expect(`${circle?.getAttribute('cx')},${circle?.getAttribute('cy')}`).toBe(third);
  });

  it('shows the empty state for empty or unusable curves', () => {
    const { container } = render(ParetoCurve, {
      ...base,
      lang: 'en',
      cumulativeCustomers: [Number.NaN, 0.5],
      cumulativeRevenue: [0.2],
    });
    expect(screen.getByTestId('chart-empty').textContent).toContain('No data to show');
    expectNoBadNumbers(container);
  });
});
