import { describe, expect, it } from 'vitest';
import { EngineError } from '../../simulations/errors';
import { generateCompany } from '../../simulations/company/generate';
import { segment } from '../../simulations/segmentation/index';
import { baselinePlan } from '../../simulations/strategy/plan';
import { DemandStream, inverseNormal, normalCdf } from '../../simulations/simulate/normal';
import {
  economicReviewWeeks,
  newsvendorRatio,
  newsvendorZ,
  orderUpToLevel,
  pooledSigma,
  safetyFactor,
  safetyStock,
  separateSigma,
} from '../../simulations/simulate/inventory';
import { DEFAULT_PARAMS, freightPerKg, resolveParams, transitDays } from '../../simulations/simulate/params';
import {
  baseWeeklyHazard,
  churnHazard,
  customisationUtility,
  leadTimeUtility,
  otifUtility,
  priceUtility,
  serviceUtility,
  updateSatisfaction,
} from '../../simulations/simulate/satisfaction';
import { COST_KEYS, simulate, simulateSteps } from '../../simulations/simulate/simulate';

function thrown(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected an EngineError');
}

describe('normal distribution helpers', () => {
  it('inverse normal matches textbook z values (calibration §10)', () => {
    expect(inverseNormal(0.95)).toBeCloseTo(1.6449, 4);
    expect(inverseNormal(0.5)).toBeCloseTo(0, 8);
    expect(inverseNormal(0.999)).toBeCloseTo(3.0902, 3);
    expect(inverseNormal(0.025)).toBeCloseTo(-1.96, 3);
    expect(normalCdf(1.65)).toBeCloseTo(0.9505, 4);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });

  it('inverse normal is finite and monotone even at the edges', () => {
    let prev = -Infinity;
    for (const p of [0, 1e-15, 1e-6, 0.01, 0.3, 0.7, 0.99, 1 - 1e-9, 1]) {
      const z = inverseNormal(p);
      expect(Number.isFinite(z)).toBe(true);
      expect(z).toBeGreaterThanOrEqual(prev);
      prev = z;
    }
    expect(inverseNormal(Number.NaN)).toBeLessThan(-6);
  });

  it('the fast stream is seeded, reproducible and approximately N(0,1)', () => {
    const a = new DemandStream('s/demand');
    const b = new DemandStream('s/demand');
    const c = new DemandStream('t/demand');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    const s = new DemandStream(42 + '/x');
    let sum = 0;
    let sq = 0;
    let below = 0;
    const N = 200_000;
    for (let i = 0; i < N; i++) {
      const z = s.normal();
      sum += z;
      sq += z * z;
      if (z < -1.6449) below++;
    }
    expect(Math.abs(sum / N)).toBeLessThan(0.01);
    expect(sq / N).toBeGreaterThan(0.98);
    expect(sq / N).toBeLessThan(1.02);
    expect(below / N).toBeCloseTo(0.05, 2);
    let u = 0;
    for (let i = 0; i < N; i++) u += s.uniform();
    expect(u / N).toBeCloseTo(0.5, 2);
  });
});

describe('inventory formulas', () => {
  it('safety stock z·σ·√(L+R) and order-up-to level', () => {
    expect(safetyFactor(0.5)).toBe(0);
    expect(safetyStock(0.95, 100, 4)).toBeCloseTo(1.6449 * 100 * 2, 1);
    expect(orderUpToLevel(50, 10, 3, 1, 0.95)).toBeCloseTo(50 * 4 + 1.6449 * 10 * 2, 1);
  });

  it('safety stock scales with √(protection interval): quadrupling doubles it', () => {
    expect(safetyStock(0.9, 10, 16) / safetyStock(0.9, 10, 4)).toBeCloseTo(2, 10);
  });

  it('risk pooling: √Σσ² vs Σσ; square-root law 5 → 1 warehouses saves 55.3 %', () => {
    const five = [10, 10, 10, 10, 10];
    expect(1 - pooledSigma(five) / separateSigma(five)).toBeCloseTo(0.553, 3);
    expect(pooledSigma([3, 4])).toBeCloseTo(5, 12);
    expect(pooledSigma([1, 1]) / pooledSigma([1])).toBeCloseTo(Math.SQRT2, 12); // 1 → 2 locations: +41.4 %
  });

  it('economic review period follows EOQ and respects bounds', () => {
    // T* = √(2K/(hD)) = √(2·100/(0.5·100)) = 2 weeks
    expect(economicReviewWeeks(100, 0.5, 100, 1, 10)).toBe(2);
    expect(economicReviewWeeks(1e9, 0.5, 1, 1, 10)).toBe(10);
    expect(economicReviewWeeks(0, 0.5, 100, 3, 10)).toBe(3);
    expect(economicReviewWeeks(100, 0, 100, 1, 8)).toBe(8);
  });

  it('newsvendor critical ratio: Sport Obermeyer cᵤ = 0.24, cₒ = 0.08 gives 0.75', () => {
    expect(newsvendorRatio(0.24, 0.08)).toBeCloseTo(0.75, 12);
    expect(newsvendorZ(0.24, 0.08)).toBeCloseTo(0.6745, 3);
    expect(newsvendorRatio(0, 0)).toBe(0.5);
  });

  it.each([
    [() => safetyFactor(1), 'serviceLevel'],
    [() => safetyFactor(0.4), 'serviceLevel'],
    [() => safetyStock(0.9, -1, 2), 'sigmaPerWeek'],
    [() => orderUpToLevel(Number.NaN, 1, 1, 1, 0.9), 'meanPerWeek'],
    [() => pooledSigma([1, Number.POSITIVE_INFINITY]), 'sigma'],
  ])('invalid input throws a typed error (%#)', (f, field) => {
    expect(thrown(f).field).toBe(field);
  });
});

describe('parameters', () => {
  it('defaults sit in the calibration bands', () => {
    const p = DEFAULT_PARAMS;
    expect(p.holdingRate.mature).toBeGreaterThanOrEqual(0.2);
    expect(p.holdingRate.mature).toBeLessThanOrEqual(0.3);
    expect(p.holdingRate.new).toBeGreaterThanOrEqual(0.3);
    expect(p.holdingRate.new).toBeLessThanOrEqual(0.5);
    // air/ocean cost per kg on China → US West Coast (~10,600 km) in [4, 15]
    const ratio = freightPerKg(p.freight.air, 10600) / freightPerKg(p.freight.ocean, 10600);
    expect(ratio).toBeGreaterThanOrEqual(4);
    expect(ratio).toBeLessThanOrEqual(15);
    expect(transitDays(p.freight.ocean, 10600)).toBeGreaterThanOrEqual(13);
    expect(transitDays(p.freight.air, 10600)).toBeLessThanOrEqual(7);
    // a 20-tonne truck at about $1.2–1.5 per km
    expect(p.freight.road.perKgKm * 20000).toBeGreaterThanOrEqual(1.2);
    expect(p.freight.road.perKgKm * 20000).toBeLessThanOrEqual(1.5);
    expect(p.lostSalesShare).toBeCloseTo(0.4, 10); // Corsten & Gruen: 31 % + 9 %
    const w = p.satisfactionWeights;
    expect(w.otif + w.leadTime + w.service + w.customisation + w.price).toBeCloseTo(1, 12);
  });

  it('resolveParams merges overrides and rejects bad ones', () => {
    const p = resolveParams({ holdingRate: { new: 0.4 }, complexityRate: 0 });
    expect(p.holdingRate).toEqual({ new: 0.4, mature: DEFAULT_PARAMS.holdingRate.mature });
    expect(p.complexityRate).toBe(0);
    expect(DEFAULT_PARAMS.holdingRate.new).toBe(0.3); // the default is not mutated by an override (default recalibrated from 0.35 to 0.30)
    expect(thrown(() => resolveParams({ holdingRate: { new: -1 } })).field).toBe('params.holdingRate.new');
    expect(thrown(() => resolveParams({ nonsense: 1 })).field).toBe('params.nonsense');
    expect(thrown(() => resolveParams({ satisfactionWeights: { otif: 0.9 } })).field).toBe('params.satisfactionWeights');
  });
});

describe('satisfaction and churn', () => {
  const P = DEFAULT_PARAMS;
  it('OTIF utility is asymmetric (Kano must-be): a 5 pp shortfall hurts more than a 5 pp surplus helps', () => {
    const at = otifUtility(P.otifExpected, P);
    const loss = at - otifUtility(P.otifExpected - 0.05, P);
    const gain = otifUtility(Math.min(1, P.otifExpected + 0.05), P) - at;
    expect(loss).toBeGreaterThan(gain);
    expect(otifUtility(0, P)).toBe(0);
    expect(otifUtility(1, P)).toBeLessThanOrEqual(1);
  });

  it('fit utilities reward the matching lever', () => {
    expect(leadTimeUtility(2, 5)).toBe(1);
    expect(leadTimeUtility(10, 5)).toBeCloseTo(0.5, 12);
    expect(serviceUtility(true, 0.9)).toBeGreaterThan(serviceUtility(false, 0.9));
    expect(customisationUtility(true, 0.9)).toBeGreaterThan(customisationUtility(false, 0.9));
    expect(priceUtility(0.9, 0.1, P)).toBeGreaterThan(priceUtility(0.9, 0, P));
    expect(priceUtility(0, 0, P)).toBe(1);
  });

  it('hazard reproduces the stated retention at the reference satisfaction and rises as satisfaction falls', () => {
    const h = baseWeeklyHazard(0.8);
    expect(1 - Math.pow(1 - h, 52)).toBeCloseTo(0.2, 10);
    expect(churnHazard(h, P.referenceSatisfaction, P)).toBeCloseTo(h, 12);
    expect(churnHazard(h, 40, P)).toBeGreaterThan(churnHazard(h, 60, P));
    expect(churnHazard(0.9, 0, P)).toBeLessThanOrEqual(P.maxWeeklyHazard);
  });

  it('satisfaction smoothing stays within 0..100', () => {
    expect(updateSatisfaction(50, 1, 0.1)).toBeCloseTo(55, 12);
    expect(updateSatisfaction(100, 2, 1)).toBe(100);
    expect(updateSatisfaction(0, -1, 1)).toBe(0);
  });
});

describe('simulate', () => {
  const company = generateCompany(42, { customers: 400 });
  const result = simulate(company, baselinePlan());

  it('returns totals, one segment for the baseline, per-customer and weekly arrays', () => {
    expect(result.segments).toHaveLength(1);
    expect(result.segments[0].customers).toBe(400);
    expect(result.customers.revenue).toHaveLength(400);
    expect(result.weekly.revenue).toHaveLength(52);
    expect(result.totals.revenue).toBeGreaterThan(0);
    expect(result.totals.profit).toBeCloseTo(result.totals.revenue - result.totals.cost.total, 4);
    let sum = 0;
    for (const k of COST_KEYS) sum += result.totals.cost[k];
    expect(result.totals.cost.total).toBeCloseTo(sum, 4);
    expect(result.totals.cost.complexity).toBe(0); // one segment: no complexity cost
  });

  it('customers sum to the totals (revenue, cost-to-serve, profit)', () => {
    const c = result.customers;
    const s = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(s(c.revenue)).toBeCloseTo(result.totals.revenue, 2);
    expect(s(c.costToServe)).toBeCloseTo(result.totals.cost.total, 2);
    expect(s(c.profit)).toBeCloseTo(result.totals.profit, 2);
    let weeklyRev = 0;
    for (const x of result.weekly.revenue) weeklyRev += x;
    expect(weeklyRev).toBeCloseTo(result.totals.revenue, 2);
  });

  it('churned customers have a churn week and no revenue after it (weekly active count falls)', () => {
    const churned = Array.from(result.customers.churnWeek).filter((w) => w >= 0).length;
    expect(churned / 400).toBeCloseTo(result.totals.churnRate, 12);
    expect(result.weekly.activeCustomers[51]).toBe(400 - churned);
    for (let t = 1; t < 52; t++) expect(result.weekly.activeCustomers[t]).toBeLessThanOrEqual(result.weekly.activeCustomers[t - 1]);
  });

  it('annual churn of the baseline is plausible (5–35 %) and fill rate is near the 95 % target', () => {
    const big = simulate(generateCompany(42, { customers: 2000 }), baselinePlan());
    expect(big.totals.churnRate).toBeGreaterThan(0.05);
    expect(big.totals.churnRate).toBeLessThan(0.35);
    expect(big.totals.fillRate).toBeGreaterThan(0.9);
    expect(big.totals.fillRate).toBeLessThan(1);
    // total logistics cost (transport + holding) a single-digit share of revenue (calibration §6a)
    const logistics = (big.totals.cost.transport + big.totals.cost.holding) / big.totals.revenue;
    expect(logistics).toBeGreaterThan(0.005);
    expect(logistics).toBeLessThan(0.12);
  });

  it('simulateSteps yields one state per week and returns the same result as simulate', () => {
    const it = simulateSteps(company, baselinePlan(), { weeks: 10 });
    const states = [];
    let r = it.next();
    while (!r.done) {
      states.push(r.value);
      r = it.next();
    }
    expect(states.map((s) => s.week)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(states[0].stockByPoint).toHaveLength(1);
    expect(states[3].revenue).toBe(r.value.weekly.revenue[3]);
    const direct = simulate(company, baselinePlan(), { weeks: 10 });
    expect(JSON.stringify(r.value.totals)).toBe(JSON.stringify(direct.totals));
  });

  it('a precomputed segmentation gives the same result as segmenting inside', () => {
    const plan = { segmentation: { method: 'lifecycle' as const }, strategies: { new: { supplyChain: 'responsive' as const } } };
    const a = simulate(company, plan);
    const b = simulate(company, plan, { segmentation: segment(company, plan.segmentation) });
    expect(JSON.stringify(a.totals)).toBe(JSON.stringify(b.totals));
  });

  it('a different demand seed changes the result, the same seed does not', () => {
    const a = simulate(company, baselinePlan(), { seed: 1 });
    const b = simulate(company, baselinePlan(), { seed: 1 });
    const c = simulate(company, baselinePlan(), { seed: 2 });
    expect(a.totals).toEqual(b.totals);
    expect(a.totals.revenue).not.toBe(c.totals.revenue);
  });

  it.each([
    [{ weeks: 0 }, 'weeks'],
    [{ weeks: 261 }, 'weeks'],
    [{ weeks: 2.5 }, 'weeks'],
    [{ seed: '' }, 'seed'],
    [{ colour: 1 }, 'options.colour'],
    [{ params: { lostSalesShare: 2 } }, 'params.lostSalesShare'],
  ])('invalid options %j throw a typed error', (opts, field) => {
    expect(thrown(() => simulate(company, baselinePlan(), opts as never)).field).toBe(field);
  });

  it('a segmentation of the wrong length is rejected', () => {
    const other = segment(generateCompany(1, { customers: 60 }), { method: 'none' });
    expect(thrown(() => simulate(company, baselinePlan(), { segmentation: other })).field).toBe('options.segmentation.labels');
  });

  it('an invalid plan throws before any work', () => {
    expect(thrown(() => simulate(company, { segmentation: { method: 'none' }, strategies: { '*': { discount: 0.9 } } })).field).toBe('plan.strategies.*.discount');
  });
});

describe('parameter overrides at the edges', () => {
  const company = generateCompany(9, { customers: 80 });
  it('zero speeds and review periods are rejected, large lead times still give finite results', () => {
    expect(thrown(() => simulate(company, baselinePlan(), { params: { freight: { road: { kmPerDay: 0 } } } })).field).toBe('params.freight.road.kmPerDay');
    expect(thrown(() => simulate(company, baselinePlan(), { params: { efficientReviewWeeks: { min: 0 } } })).field).toBe('params.efficientReviewWeeks.min');
    expect(thrown(() => simulate(company, baselinePlan(), { params: { efficientReviewWeeks: { min: 9, max: 5 } } })).field).toBe('params.efficientReviewWeeks.min');
    const r = simulate(company, baselinePlan(), { weeks: 30, params: { productionWeeks: { efficient: 40 }, complexityRate: 1 } });
    for (const v of [r.totals.profit, r.totals.fillRate, r.totals.otif, r.totals.satisfaction]) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('satisfaction model values are parameters', () => {
  it('serviceGapWeight, customisationGapWeight and otifUtilityAtExpected drive the utilities and are validated', () => {
    const P = DEFAULT_PARAMS;
    expect(serviceUtility(false, 1, { ...P, serviceGapWeight: 0.2 })).toBeCloseTo(0.8, 12);
    expect(serviceUtility(false, 1)).toBeCloseTo(1 - P.serviceGapWeight, 12);
    expect(customisationUtility(false, 1, { ...P, customisationGapWeight: 0.5 })).toBeCloseTo(0.5, 12);
    expect(otifUtility(P.otifExpected, { ...P, otifUtilityAtExpected: 0.7 })).toBeCloseTo(0.7, 12);
    expect(() => resolveParams({ serviceGapWeight: 1.5 })).toThrow(/serviceGapWeight/);
    expect(resolveParams({ customisationGapWeight: 0.3 }).customisationGapWeight).toBe(0.3);
  });
});
