import { describe, expect, it } from 'vitest';
import { generateCompany } from '../../../simulations/company/generate';
import { simulate } from '../../../simulations/simulate/simulate';
import { baselinePlan } from '../../../simulations/strategy/plan';
import type { Plan, ScenarioKey, SegmentStrategy, SimulationResult } from '../../../simulations/types';
import { DEFAULT_STRATEGY } from '../../../simulations/strategy/levers';
import { baselineSlices, debrief, weeklyProfit, MAX_COSTS, MAX_SEGMENTS, type DebriefItem, type ScenarioItem, type SegmentItem } from '../../../src/lib/capstone/debrief';
import { debriefLines, signedMoney, signedPoints } from '../../../src/lib/capstone/debrief-text';

const company = generateCompany(42, { customers: 600 });
const strategies: Record<string, SegmentStrategy> = {
  'key-accounts': { ...DEFAULT_STRATEGY, service: 'premium', serviceLevel: 0.98 },
  'fast-track': { ...DEFAULT_STRATEGY, supplyChain: 'responsive', delivery: 'priority' },
};
const plan: Plan = { segmentation: { method: 'rules' }, strategies: { '*': {}, ...strategies } };
const cache = new Map<ScenarioKey, { result: SimulationResult; baseline: SimulationResult }>();
function runs(scenario: ScenarioKey) {
  let hit = cache.get(scenario);
  if (!hit) {
    hit = { result: simulate(company, plan, { scenario }), baseline: simulate(company, baselinePlan(), { scenario }) };
    cache.set(scenario, hit);
  }
  return hit;
}
const byId = <T extends DebriefItem['id']>(items: DebriefItem[], id: T) => items.filter((i) => i.id === id) as Extract<DebriefItem, { id: T }>[];

describe('debrief', () => {
  it('weekly profit is revenue minus cost and sums to the total profit', () => {
    const { result } = runs('none');
    const p = weeklyProfit(result);
    expect(p.length).toBe(52);
    expect(p[10]).toBeCloseTo(result.weekly.revenue[10] - result.weekly.cost[10], 6);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(result.totals.profit, -1);
  });

  it('baseline slices of the baseline itself give back its totals', () => {
    const { baseline } = runs('none');
    const [all] = baselineSlices(baseline, baseline);
    expect(all.customers).toBe(600);
    expect(all.profit).toBeCloseTo(baseline.totals.profit, 0);
    expect(all.satisfaction).toBeCloseTo(baseline.totals.satisfaction, 9);
    expect(all.churnRate).toBeCloseTo(baseline.totals.churnRate, 12);
  });

  it('per-segment deltas compare with the baseline on the same customers, and they add up to the total delta', () => {
    const { result, baseline } = runs('none');
    const items = debrief({ result, baseline, scenario: 'none', strategies });
    const overall = byId(items, 'overall')[0];
    expect(overall.profitDelta).toBeCloseTo(result.totals.profit - baseline.totals.profit, 6);
    const slices = baselineSlices(result, baseline);
    const sumOfAll = result.segments.reduce((acc, s, i) => acc + (s.profit - slices[i].profit), 0);
    expect(sumOfAll).toBeCloseTo(overall.profitDelta, -1);
    const segs = byId(items, 'segment');
    expect(segs.length).toBe(MAX_SEGMENTS);
    // largest absolute profit effect first
    for (let i = 1; i < segs.length; i++) expect(Math.abs(segs[i - 1].profitDelta)).toBeGreaterThanOrEqual(Math.abs(segs[i].profitDelta));
    const fast = segs.find((s) => s.key === 'fast-track') as SegmentItem;
    expect(fast.changed).toEqual([
      { lever: 'supplyChain', value: 'responsive' },
      { lever: 'delivery', value: 'priority' },
    ]);
    // a responsive chain with priority delivery raises the fast-track customers' satisfaction
    expect(fast.satisfactionDelta).toBeGreaterThan(2);
  });

  it('lists the cost drivers that moved most, largest first, at most MAX_COSTS', () => {
    const { result, baseline } = runs('none');
    const costs = byId(debrief({ result, baseline, scenario: 'none', strategies }), 'cost');
    expect(costs.length).toBe(MAX_COSTS);
    for (const c of costs) expect(c.delta).toBeCloseTo(result.totals.cost[c.key] - baseline.totals.cost[c.key], 6);
    for (let i = 1; i < costs.length; i++) expect(Math.abs(costs[i - 1].delta)).toBeGreaterThanOrEqual(Math.abs(costs[i].delta));
    // premium service for the key accounts (and more volume sold) moves the service cost
    expect(costs.map((c) => c.key)).toContain('service');
    expect(new Set(costs.map((c) => c.key)).size).toBe(costs.length);
  });

  it('the same plan as the baseline gives the verdict "same" with zero deltas and no scenario item', () => {
    const { baseline } = runs('none');
    const items = debrief({ result: baseline, baseline, scenario: 'none', strategies: {} });
    const overall = byId(items, 'overall')[0];
    expect(overall.verdict).toBe('same');
    expect(overall.profitDelta).toBe(0);
    expect(byId(items, 'cost')).toEqual([]);
    expect(byId(items, 'noScenario').length).toBe(1);
    expect(byId(items, 'scenario').length).toBe(0);
  });

  it('reports how a scenario hit after its start week, for the plan and the baseline', () => {
    const { result, baseline } = runs('tariff-rise');
    const sc = byId(debrief({ result, baseline, scenario: 'tariff-rise', strategies }), 'scenario')[0] as ScenarioItem;
    expect(sc.key).toBe('tariff-rise');
    expect(sc.week).toBe(13);
    // the sentence counts weeks from 1 like the charts and the preset's description (engine week 13 = week 14)
    expect(debriefLines('en', [sc])[0].text).toMatch(/^Tariff rise from week 14:/);
    expect(debriefLines('zh-cn', [sc])[0].text).toMatch(/^关税上调从第 14 周开始：/);
    expect(sc.window).toBe(8);
    // higher duties on North American sales cut weekly profit after the start, for both plans
    expect(sc.profitChange).toBeLessThan(0);
    expect(sc.baseProfitChange).toBeLessThan(0);
    expect(sc.minFill).toBeGreaterThan(0);
    expect(sc.minFill).toBeLessThanOrEqual(1);
    expect(sc.minFillWeeksAfter).toBeGreaterThanOrEqual(1);
    expect(sc.minFillWeeksAfter).toBeLessThanOrEqual(13);
    const calm = byId(debrief({ ...runs('none'), scenario: 'none', strategies }), 'overall')[0];
    const hit = byId(debrief({ result, baseline, scenario: 'tariff-rise', strategies }), 'overall')[0];
    expect(hit.profit).toBeLessThan(calm.profit);
  });

  it('a demand shock on new products: the fill rate dips after week 20', () => {
    const { result, baseline } = runs('demand-shock');
    const sc = byId(debrief({ result, baseline, scenario: 'demand-shock', strategies }), 'scenario')[0] as ScenarioItem;
    expect(sc.week).toBe(20);
    let before = 1;
    for (let t = 0; t < 20; t++) before = Math.min(before, result.weekly.fillRate[t]);
    expect(sc.minFill).toBeLessThan(before);
  });

  it('turns every item into a sentence without NaN, undefined or unfilled placeholders, in both languages', () => {
    for (const scenario of ['none', 'demand-shock', 'tariff-rise'] as const) {
      const { result, baseline } = runs(scenario);
      const items = debrief({ result, baseline, scenario, strategies });
      for (const lang of ['en', 'zh-cn'] as const) {
        const lines = debriefLines(lang, items);
        expect(lines.length).toBe(items.length);
        for (const l of lines) {
          expect(l.text).not.toMatch(/NaN|undefined|Infinity|\{\w+\}/);
          expect(l.text.length).toBeGreaterThan(10);
        }
      }
    }
    const en = debriefLines('en', debrief({ ...runs('none'), scenario: 'none', strategies }));
    expect(en.find((l) => l.id === 'segment' && l.text.startsWith('Fast track'))?.text).toContain('responsive chain, priority delivery');
  });

  it('signed formats: minus sign, plus sign, no sign for zero', () => {
    expect(signedMoney('en', 1_250_000)).toBe('+$1.3M');
    expect(signedMoney('en', -480_000)).toMatch(/^−\$480(\.0)?K$/);
    expect(signedMoney('en', 0)).toMatch(/^\$0(\.0)?$/);
    expect(signedPoints('en', -1.26)).toBe('−1.3');
    expect(signedPoints('zh-cn', 0.01)).toBe('0.0');
    expect(signedMoney('en', Number.NaN)).toBe('–');
  });
});

describe('capstone figures', () => {
  it('the capstone cost keys are the engine COST_KEYS, and the figures match the lab runner', async () => {
    const { COST_KEYS } = await import('../../../simulations/simulate/simulate');
    const { CAPSTONE_COST_KEYS, outcomeFigures } = await import('../../../src/lib/capstone/figures');
    const lab = await import('../../../src/lib/lab/run');
    expect([...CAPSTONE_COST_KEYS]).toEqual([...COST_KEYS]);
    const { result } = runs('none');
    expect(outcomeFigures(result)).toEqual(lab.outcomeFigures(result));
  });
});
