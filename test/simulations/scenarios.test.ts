/**
 * Scenarios (MODEL.md §7.1) and the pin of today's results: a plan or call without the new options
 * must give exactly the results it gave before scenarios, flexibility levers, digital visibility and
 * CO2e were added (the UI builds on them). The pinned figures were recorded for seed 42, 2,000
 * customers, 52 weeks, before any of the §7 code existed, and re-recorded once, deliberately, when the
 * stocking points started to re-plan σ at each review from their active customers (MODEL.md §4.3): a
 * change of the base model, not of the §7 options, so "no options = the base model" still holds.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCompany } from '../../simulations/company/generate';
import { simulate } from '../../simulations/simulate/simulate';
import { baselinePlan, validatePlan } from '../../simulations/strategy/plan';
import { totalsJson } from '../../simulations/cli';
import type { Plan, SimulationResult } from '../../simulations/types';

const ROOT = join(__dirname, '../..');
const company = generateCompany(42, { customers: 2000 });
const loadPlan = (name: string): Plan => (name === 'baseline' ? baselinePlan() : validatePlan(JSON.parse(readFileSync(join(ROOT, `simulations/plans/${name}.json`), 'utf8'))));
/** weighted checksum of a per-customer or per-week array, to the cent */
const fp = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * ((i % 7) + 1);
  return Math.round(s * 100) / 100;
};
function fingerprint(r: SimulationResult) {
  const { co2eTonnes: _ignored, ...totals } = totalsJson(r.totals) as ReturnType<typeof totalsJson> & { co2eTonnes?: number };
  return {
    totals,
    profitFp: fp(r.customers.profit),
    satFp: fp(r.customers.satisfaction),
    weeklyCostFp: fp(r.weekly.cost),
    weeklyFillFp: Math.round(fp(r.weekly.fillRate) * 1e6) / 1e6,
    inv: Math.round((r.inventory?.averageValue ?? 0) * 100) / 100,
  };
}

describe('results without the new options are unchanged (pinned before §7 existed)', () => {
  it('baseline, rules and geography plans give the recorded figures for seed 42', () => {
    expect(fingerprint(simulate(company, loadPlan('baseline'), { seed: 42 }))).toEqual({
      totals: { revenue: 934214771.6, cost: { total: 881289592.91, production: 768215304.64, setup: 1286250, holding: 37202062.21, transport: 5960578.99, duties: 7026886.73, service: 53969469.74, orderHandling: 1138878.6, obsolescence: 6490162, complexity: 0 }, profit: 52925178.68, lostMargin: 12394908.31, otif: 0.631463, fillRate: 0.958502, satisfaction: 70.3144, churnRate: 0.159 },
      profitFp: 205714026.71, satFp: 561082.58, weeklyCostFp: 3406033817.69, weeklyFillFp: 192.49, inv: 45521239.21,
    });
    expect(fingerprint(simulate(company, loadPlan('rules'), { seed: 42 }))).toEqual({
      totals: { revenue: 969038758.58, cost: { total: 915290366.69, production: 796749047.77, setup: 2056250, holding: 36783149.37, transport: 6348756.77, duties: 7142679.64, service: 57704583.81, orderHandling: 1279432.32, obsolescence: 6043967.35, complexity: 1182499.66 }, profit: 53748391.89, lostMargin: 11288684.83, otif: 0.679599, fillRate: 0.960708, satisfaction: 72.7434, churnRate: 0.152 },
      profitFp: 208366875.78, satFp: 580473.5, weeklyCostFp: 3541101824.8, weeklyFillFp: 193.12, inv: 44426565.6,
    });
    expect(fingerprint(simulate(company, loadPlan('geography'), { seed: 42 }))).toEqual({
      totals: { revenue: 969552173.79, cost: { total: 922848111.33, production: 798342327.43, setup: 1448000, holding: 41348988.28, transport: 5542451.74, duties: 8198591.38, service: 55630784.01, orderHandling: 1143370.13, obsolescence: 10957098.42, complexity: 236499.93 }, profit: 46704062.46, lostMargin: 12207640.44, otif: 0.692044, fillRate: 0.952716, satisfaction: 74.2862, churnRate: 0.1235 },
      profitFp: 184891669.56, satFp: 594459.34, weeklyCostFp: 3568756799.8, weeklyFillFp: 191.32, inv: 49251692.07,
    });
  });
});

import { EngineError } from '../../simulations/errors';
import { COST_KEYS } from '../../simulations/simulate/simulate';
import { SCENARIOS, SCENARIO_KEYS, resolveScenario, demandMultipliers, readerWeek } from '../../simulations/simulate/scenarios';
import type { ScenarioSpec } from '../../simulations/types';

function thrown(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected an EngineError');
}

const small = generateCompany(7, { customers: 400 });
const rules = loadPlan('rules');

describe('scenario presets and validation', () => {
  it('lists the five presets with bilingual names and resolves their defaults', () => {
    expect(SCENARIO_KEYS).toEqual(['none', 'demand-shock', 'tariff-rise', 'new-product-launch', 'demand-shift']);
    for (const k of SCENARIO_KEYS) {
      expect(SCENARIOS[k].name.en.length).toBeGreaterThan(0);
      expect(SCENARIOS[k].name['zh-cn'].length).toBeGreaterThan(0);
      expect(resolveScenario(k)).toEqual(resolveScenario({ key: k }));
    }
    expect(resolveScenario(undefined)).toEqual({ key: 'none' });
    expect(resolveScenario('tariff-rise')).toEqual({ key: 'tariff-rise', week: 13, points: 15, region: 'north-america' });
    expect(resolveScenario('demand-shock')).toEqual({ key: 'demand-shock', week: 20, change: 0.4, productClass: 'new', region: 'all' });
    expect(resolveScenario({ key: 'demand-shift', params: { dimension: 'region' } })).toMatchObject({ from: 'europe', to: 'sea', share: 0.3 });
    expect(resolveScenario({ key: 'demand-shock', params: { change: -0.3, productClass: 'all' } })).toMatchObject({ change: -0.3, productClass: 'all', week: 20 });
  });

  it("each preset's description names its start week as a reader counts it (1-based, as on the charts), in both languages", () => {
    expect(readerWeek(0)).toBe(1);
    for (const k of SCENARIO_KEYS.slice(1)) {
      const week = SCENARIOS[k].defaults.week as number;
      expect(Number(/week (\d+)/.exec(SCENARIOS[k].description.en)?.[1]), `${k} en`).toBe(readerWeek(week));
      expect(Number(/第 (\d+) 周/.exec(SCENARIOS[k].description['zh-cn'])?.[1]), `${k} zh-cn`).toBe(readerWeek(week));
    }
    // and the run agrees: the first week the default tariff rise changes cost is the week its text names
    const base = simulate(small, rules, { weeks: 30 });
    const hit = simulate(small, rules, { weeks: 30, scenario: 'tariff-rise' });
    const first = Array.from(hit.weekly.cost).findIndex((c, t) => c !== base.weekly.cost[t]);
    expect(first).toBe(SCENARIOS['tariff-rise'].defaults.week);
    expect(SCENARIOS['tariff-rise'].description.en).toContain(`week ${readerWeek(first)},`);
  });

  it.each([
    ['storm', 'scenario.key'],
    [{ key: 'bogus' }, 'scenario.key'],
    [{ key: 'demand-shock', extra: 1 }, 'scenario.extra'],
    [{ key: 'demand-shock', params: { week: 300 } }, 'scenario.params.week'],
    [{ key: 'demand-shock', params: { week: 3.5 } }, 'scenario.params.week'],
    [{ key: 'demand-shock', params: { change: 5 } }, 'scenario.params.change'],
    [{ key: 'demand-shock', params: { change: Number.NaN } }, 'scenario.params.change'],
    [{ key: 'demand-shock', params: { productClass: 'old' } }, 'scenario.params.productClass'],
    [{ key: 'demand-shock', params: { points: 5 } }, 'scenario.params.points'],
    [{ key: 'tariff-rise', params: { points: -1 } }, 'scenario.params.points'],
    [{ key: 'tariff-rise', params: { region: 'mars' } }, 'scenario.params.region'],
    [{ key: 'new-product-launch', params: { forecastError: 3 } }, 'scenario.params.forecastError'],
    [{ key: 'demand-shift', params: { share: 0.95 } }, 'scenario.params.share'],
    [{ key: 'demand-shift', params: { from: 'new', to: 'new' } }, 'scenario.params.to'],
    [{ key: 'demand-shift', params: { dimension: 'region', from: 'europe', to: 'mature' } }, 'scenario.params.to'],
    [{ key: 'none', params: { week: 3 } }, 'scenario.params.week'],
    [42, 'scenario'],
  ])('rejects %j naming %s', (spec, field) => {
    const e = thrown(() => resolveScenario(spec));
    expect(e.field).toBe(field);
    expect(e.allowed.length).toBeGreaterThan(0);
    // simulate() validates the same way
    expect(thrown(() => simulate(small, baselinePlan(), { weeks: 4, scenario: spec as ScenarioSpec })).field).toBe(field);
  });

  it('a demand shift keeps the planned total volume: the receiving side grows by share × μ_from ÷ μ_to', () => {
    const mean = new Float64Array([10, 30, 20, 10]); // region 0: new 10, mature 30; region 1: new 20, mature 10
    const m = demandMultipliers(resolveScenario({ key: 'demand-shift', params: { week: 1, share: 0.5 } }), 3, ['a', 'b'], mean) as Float64Array;
    expect(Array.from(m.slice(0, 4))).toEqual([1, 1, 1, 1]); // week 0 untouched
    const w1 = m.slice(4, 8);
    const before = 10 + 30 + 20 + 10;
    const after = 10 * w1[0] + 30 * w1[1] + 20 * w1[2] + 10 * w1[3];
    expect(after).toBeCloseTo(before, 10);
    expect(w1[1]).toBeCloseTo(0.5, 12); // mature halves
    expect(demandMultipliers(resolveScenario('tariff-rise'), 3, ['a'], mean)).toBeNull();
  });
});

describe('scenarios in the simulation', () => {
  it('scenario none and a zero digital improvement give exactly the result without options', () => {
    const a = simulate(small, rules, { weeks: 26 });
    const b = simulate(small, rules, { weeks: 26, scenario: 'none', digital: { forecastImprovement: 0 } });
    const c = simulate(small, rules, { weeks: 26, scenario: { key: 'none' } });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.meta).not.toHaveProperty('scenario');
  });

  it('is deterministic and identical to the base run before its start week (common random numbers)', () => {
    for (const key of SCENARIO_KEYS.slice(1)) {
      const spec: ScenarioSpec = { key, params: { week: 10 } };
      const a = simulate(small, rules, { weeks: 30, scenario: spec });
      const b = simulate(small, rules, { weeks: 30, scenario: spec });
      expect(b).toEqual(a);
      expect(a.meta?.scenario).toBe(key);
      const base = simulate(small, rules, { weeks: 30 });
      // a launch at week 10 changes pre-launch production orders, so only compare the demand side there
      const same = key === 'new-product-launch' ? [] : ['revenue', 'fillRate', 'satisfaction'];
      for (const k of same) {
        const s = k as 'revenue' | 'fillRate' | 'satisfaction';
        expect(Array.from(a.weekly[s].slice(0, 10))).toEqual(Array.from(base.weekly[s].slice(0, 10)));
      }
      // from the start week on the scenario bites (a tariff rise changes cost, not revenue)
      const bite = key === 'tariff-rise' ? 'cost' : 'revenue';
      expect(Array.from(a.weekly[bite].slice(10))).not.toEqual(Array.from(base.weekly[bite].slice(10)));
      if (key === 'tariff-rise') expect(Array.from(a.weekly.cost.slice(0, 10))).toEqual(Array.from(base.weekly.cost.slice(0, 10)));
    }
  });

  it('invariants hold in every scenario: no NaN, nothing negative, segments sum to totals (incl. CO2e)', () => {
    const flexRules: Plan = { ...rules, strategies: { ...rules.strategies, 'fast-track': { supplyChain: 'responsive', capacityBuffer: 0.3, postponement: true }, core: { dualSourcing: true, fulfilment: 'regional' } } };
    for (const [key, p] of SCENARIO_KEYS.flatMap((k) => [[k, rules], [k, flexRules]] as const)) {
      const r = simulate(small, p, { weeks: 40, scenario: key, digital: { forecastImprovement: 0.2 } });
      // every cost lands in some week: Σ weekly cost = total cost
      expect(Array.from(r.weekly.cost).reduce((a, x) => a + x, 0)).toBeCloseTo(r.totals.cost.total, 0);
      const t = r.totals;
      for (const k of COST_KEYS) {
        expect(Number.isFinite(t.cost[k]), `${key} ${k}`).toBe(true);
        expect(t.cost[k]).toBeGreaterThanOrEqual(0);
        expect(r.segments.reduce((a, s) => a + s.cost[k], 0)).toBeCloseTo(t.cost[k], 2);
      }
      for (const k of ['revenue', 'profit', 'lostMargin', 'co2eTonnes'] as const) {
        expect(Number.isFinite(t[k] as number)).toBe(true);
        expect(r.segments.reduce((a, s) => a + (s[k] as number), 0)).toBeCloseTo(t[k] as number, 3);
      }
      expect(t.co2eTonnes).toBeGreaterThan(0);
      expect(t.fillRate).toBeGreaterThan(0);
      expect(t.fillRate).toBeLessThanOrEqual(1);
      const costSum = Array.from(r.customers.costToServe).reduce((a, x) => a + x, 0);
      expect(costSum).toBeCloseTo(t.cost.total, -1);
      for (const x of r.weekly.cost) expect(Number.isFinite(x)).toBe(true);
    }
  });

  it('a bigger tariff rise costs more duties, only in that region, and nothing else changes', () => {
    const base = simulate(company, baselinePlan(), { seed: 42 });
    let prev = -1;
    for (const points of [0, 5, 15, 25]) {
      const r = simulate(company, baselinePlan(), { seed: 42, scenario: { key: 'tariff-rise', params: { points } } });
      expect(r.totals.cost.duties).toBeGreaterThan(prev);
      if (points === 0) expect(r.totals.cost.duties).toBe(base.totals.cost.duties);
      prev = r.totals.cost.duties;
      expect(r.totals.revenue).toBe(base.totals.revenue);
      expect(r.totals.fillRate).toBe(base.totals.fillRate);
    }
    // a rise in a region with no customers of the plan's segment changes no duty of the others
    const geo = { name: 'geo', segmentation: { method: 'geography' as const }, strategies: { '*': {} } };
    const g0 = simulate(company, geo, { seed: 42 });
    const g1 = simulate(company, geo, { seed: 42, scenario: 'tariff-rise' });
    for (let s = 0; s < g0.segments.length; s++) {
      const d0 = g0.segments[s].cost.duties;
      const d1 = g1.segments[s].cost.duties;
      if (g0.segments[s].key === 'north-america' || g0.segments[s].key === 'intl-america' || d1 !== d0) expect(d1).toBeGreaterThanOrEqual(d0);
    }
    expect(g1.segments.filter((s, i) => s.cost.duties !== g0.segments[i].cost.duties).length).toBeGreaterThanOrEqual(1);
  });

  it('a positive demand shock raises revenue and lowers the fill rate of the rigid baseline; a negative one lowers revenue', () => {
    const base = simulate(company, baselinePlan(), { seed: 42 }).totals;
    const up = simulate(company, baselinePlan(), { seed: 42, scenario: 'demand-shock' }).totals;
    const down = simulate(company, baselinePlan(), { seed: 42, scenario: { key: 'demand-shock', params: { change: -0.3, productClass: 'all' } } }).totals;
    expect(up.revenue).toBeGreaterThan(base.revenue);
    expect(up.fillRate).toBeLessThan(base.fillRate - 0.02);
    expect(down.revenue).toBeLessThan(base.revenue * 0.85);
  });

  it('a new product launch with a high forecast error costs the rigid baseline fill rate', () => {
    const base = simulate(company, baselinePlan(), { seed: 42 }).totals;
    const launch = simulate(company, baselinePlan(), { seed: 42, scenario: 'new-product-launch' }).totals;
    expect(launch.fillRate).toBeLessThan(base.fillRate);
    expect(launch.cost.obsolescence).toBeGreaterThan(base.cost.obsolescence);
  });
});

describe('digital visibility (options.digital)', () => {
  it('raises the fill rate and cuts holding cost; its IT cost lands under orderHandling', () => {
    const base = simulate(company, baselinePlan(), { seed: 42, scenario: 'new-product-launch' }).totals;
    let prevFill = base.fillRate;
    let prevOh = base.cost.orderHandling;
    for (const f of [0.1, 0.3, 0.5]) {
      const t = simulate(company, baselinePlan(), { seed: 42, scenario: 'new-product-launch', digital: { forecastImprovement: f } }).totals;
      expect(t.fillRate).toBeGreaterThan(prevFill);
      expect(t.cost.orderHandling).toBeGreaterThan(prevOh);
      expect(t.cost.holding).toBeLessThan(base.cost.holding);
      prevFill = t.fillRate;
      prevOh = t.cost.orderHandling;
    }
    // f × (fixed + per customer × n) per year, 52 weeks
    const t3 = simulate(company, baselinePlan(), { seed: 42, digital: { forecastImprovement: 0.3 } }).totals;
    const b = simulate(company, baselinePlan(), { seed: 42 }).totals;
    expect(t3.cost.orderHandling - b.cost.orderHandling).toBeCloseTo(0.3 * (1_000_000 + 250 * 2000), 0);
  });

  it.each([
    [{ forecastImprovement: 0.6 }, 'options.digital.forecastImprovement'],
    [{ forecastImprovement: -0.1 }, 'options.digital.forecastImprovement'],
    [{}, 'options.digital.forecastImprovement'],
    [{ forecastImprovement: 0.2, crm: true }, 'options.digital.crm'],
    ['lots', 'options.digital'],
  ])('rejects digital %j', (digital, field) => {
    expect(thrown(() => simulate(small, baselinePlan(), { weeks: 2, digital: digital as { forecastImprovement: number } })).field).toBe(field);
  });
});
