// Running the engine for a lab state: per-segment baselines, chart data, no NaN, speed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGY } from '../../simulations/strategy/levers';
import { LENSES } from '../../src/lib/lab/lenses';
import { behaviourPoints, clampCustomers, getBaseline, getCompany, lifecycleSeries, needsPoints, outcomeFigures, paretoData, regionRows, runLab } from '../../src/lib/lab/run';
import { defaultState } from '../../src/lib/lab/state';

function allFinite(o: unknown): boolean {
  if (typeof o === 'number') return Number.isFinite(o);
  if (Array.isArray(o)) return o.every(allFinite);
  if (o && typeof o === 'object') return Object.values(o).every(allFinite);
  return true;
}

describe('runLab', () => {
  for (const lens of LENSES) {
    it(`${lens}: segment baselines add up to the baseline totals and every figure is finite`, () => {
      const r = runLab(defaultState(lens, 3), 500);
      const base = r.baseline.totals;
      const sum = (f: (s: (typeof r.segments)[number]) => number) => r.segments.reduce((a, s) => a + f(s), 0);
      expect(sum((s) => s.base.revenue)).toBeCloseTo(base.revenue, 0);
      expect(sum((s) => s.base.cost)).toBeCloseTo(base.cost.total, 0);
      expect(sum((s) => s.customers)).toBe(500);
      expect(allFinite(outcomeFigures(r.result))).toBe(true);
      expect(allFinite(r.segments.map((s) => [s.costPerCustomer, s.costShare, s.orderCostShare, s.profitPerCustomer, s.base]))).toBe(true);
    });
  }

  it('caches the company and baseline per seed and size, and re-uses them', () => {
    expect(getCompany(11, 200)).toBe(getCompany(11, 200));
    expect(getBaseline(11, 200)).toBe(getBaseline(11, 200));
    expect(getCompany(11, 200)).not.toBe(getCompany(12, 200));
  });

  it('a strategy change changes the result of its segment only in strategy, not in membership', () => {
    const s = defaultState('lifecycle', 42);
    const a = runLab(s, 500);
    const b = runLab({ ...s, strategies: { new: { ...DEFAULT_STRATEGY, supplyChain: 'responsive' } } }, 500);
    expect(b.segmentation).toBe(a.segmentation);
    expect(b.result.totals.cost.total).not.toBe(a.result.totals.cost.total);
  });

  it('unknown customer counts fall back to 2,000', () => {
    expect(clampCustomers(123)).toBe(2000);
    expect(clampCustomers(500)).toBe(500);
    expect(clampCustomers('500')).toBe(2000);
  });

  it('chart data has the shapes the charts expect', () => {
    const r = runLab(defaultState('needs', 42), 500);
    const pts = needsPoints(r.company, r.segmentation);
    expect(pts).toHaveLength(500);
    expect(Math.max(...pts.map((p) => p.segment))).toBeLessThan(r.segmentation.segments.length);
    const b = behaviourPoints(r.company);
    expect(b.every((p) => p.group >= 0 && p.group < 4 && p.x > 0 && p.y > 0)).toBe(true);
    const p = paretoData(r, 50);
    expect(p.cumulativeCustomers).toHaveLength(51);
    expect(p.cumulativeRevenue[0]).toBe(0);
    expect(p.cumulativeRevenue[50]).toBeCloseTo(1, 12);
    for (let i = 1; i <= 50; i++) expect(p.cumulativeRevenue[i]).toBeGreaterThanOrEqual(p.cumulativeRevenue[i - 1]);
    expect(p.top20RevenueShare).toBeGreaterThan(0.5);
    const rows = regionRows(r, 'en');
    expect(rows).toHaveLength(8);
    expect(rows.reduce((a, x) => a + x.customers, 0)).toBe(500);
    const lc = lifecycleSeries(r.company, 'en', 'Mature');
    expect(lc.series.length).toBe(5);
    expect(lc.series.every((s) => s.values.length === 52 && s.values.every((v) => Number.isFinite(v) && v >= 0))).toBe(true);
    // a launch dilutes the other new products' share: the Tab 11 launches in week 10
    const air = lc.series.find((s) => s.key === 'airbook-14')!;
    expect(air.values[11]).toBeLessThan(air.values[9]);
  });

  it('one control change at 2,000 customers stays near one frame (measured, reported)', () => {
    const s = defaultState('value', 42);
    runLab(s, 2000); // warm caches and JIT
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = runLab({ ...s, strategies: { A: { ...DEFAULT_STRATEGY, serviceLevel: 0.9 + i * 0.01 } } }, 2000);
      times.push(r.ms);
    }
    times.sort((a, b) => a - b);
    console.log(`engine time per strategy change (2,000 customers, 52 weeks): median ${times[2].toFixed(1)} ms`);
    expect(times[2]).toBeLessThan(250); // generous bound for a shared CI machine; the figure is what matters
  });
});
