/**
 * The demand-noise cache (simulations/simulate/noise.ts, MODEL.md §4 performance note): a run that
 * copies its weekly draws from the cache must give byte-identical results to a run that draws them,
 * whatever ran before on the same company (other plans, scenarios, seeds, horizons, abandoned
 * step-by-step runs), and runs above the size bound must not be cached at all.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCompany } from '../../simulations/company/generate';
import { deriveSeed } from '../../simulations/random/rng';
import { DemandStream } from '../../simulations/simulate/normal';
import { DemandNoise, NOISE_CACHE_MAX_CUSTOMER_WEEKS, cachedNoiseWeeks } from '../../simulations/simulate/noise';
import { simulate, simulateSteps } from '../../simulations/simulate/simulate';
import { baselinePlan, validatePlan } from '../../simulations/strategy/plan';
import type { Plan, ScenarioSpec, SimulateOptions, SimulationResult } from '../../simulations/types';

const ROOT = join(__dirname, '../..');
const loadPlan = (name: string): Plan => (name === 'baseline' ? baselinePlan() : validatePlan(JSON.parse(readFileSync(join(ROOT, `simulations/plans/${name}.json`), 'utf8'))));
/** JSON of a whole result, typed arrays as plain arrays (every double, every label) */
const json = (r: SimulationResult) => JSON.stringify(r, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
const label = (seed: number | string) => deriveSeed(seed, 'demand');

const N = 400;
const PLANS = ['baseline', 'lifecycle', 'geography', 'behaviour-channel', 'value'];
const SCENARIOS: (ScenarioSpec | undefined)[] = [undefined, { key: 'demand-shock' }, { key: 'tariff-rise' }, { key: 'new-product-launch' }, { key: 'demand-shift' }];

describe('demand-noise cache (common random numbers reused across runs)', () => {
  it('a warm run gives byte-identical results to a cold run on a fresh company, for several plans and scenarios', () => {
    for (const name of PLANS) {
      for (const scenario of SCENARIOS) {
        const opts: SimulateOptions = { weeks: 30, ...(scenario ? { scenario } : {}), ...(name === 'value' ? { digital: { forecastImprovement: 0.3 } } : {}) };
        const fresh = generateCompany(11, { customers: N });
        expect(cachedNoiseWeeks(fresh, label(fresh.seed))).toBe(0);
        const cold = json(simulate(fresh, loadPlan(name), opts));
        expect(cachedNoiseWeeks(fresh, label(fresh.seed))).toBe(30);
        const warm = json(simulate(fresh, loadPlan(name), opts));
        expect(warm).toBe(cold);
      }
    }
  });

  it('other plans, seeds, horizons and an abandoned step-by-step run in between never change a result', () => {
    const plan = loadPlan('lifecycle');
    const opts: SimulateOptions = { weeks: 40, scenario: { key: 'demand-shock' } };
    const reference = json(simulate(generateCompany(5, { customers: N }), plan, opts));
    const c = generateCompany(5, { customers: N });
    // a shorter horizon first (the cache then grows), another plan, another seed, a partial generator
    simulate(c, loadPlan('geography'), { weeks: 12 });
    simulate(c, loadPlan('behaviour-channel'), { weeks: 20, seed: 'other' });
    const steps = simulateSteps(c, loadPlan('needs'), { weeks: 52 });
    for (let k = 0; k < 7; k++) steps.next(); // abandoned after 7 weeks
    expect(cachedNoiseWeeks(c, label(c.seed))).toBe(12);
    expect(json(simulate(c, plan, opts))).toBe(reference);
    expect(cachedNoiseWeeks(c, label(c.seed))).toBe(40);
    // and again, after a different plan on the now warm cache
    simulate(c, loadPlan('value'), { weeks: 52 });
    expect(json(simulate(c, plan, opts))).toBe(reference);
    // a different seed keeps its own draws: not the default seed's results
    const otherSeed = json(simulate(c, plan, { ...opts, seed: 'other' }));
    expect(otherSeed).not.toBe(reference);
    expect(otherSeed).toBe(json(simulate(generateCompany(5, { customers: N }), plan, { ...opts, seed: 'other' })));
  });

  it('interleaved runs (the lab slicing its baseline while a plan runs) fill the cache consistently', () => {
    const c = generateCompany(8, { customers: N });
    const fresh = generateCompany(8, { customers: N });
    const want = [json(simulate(fresh, baselinePlan(), { weeks: 26 })), json(simulate(generateCompany(8, { customers: N }), loadPlan('rules'), { weeks: 26 }))];
    const a = simulateSteps(c, baselinePlan(), { weeks: 26 });
    const b = simulateSteps(c, loadPlan('rules'), { weeks: 26 });
    let ra: IteratorResult<unknown, SimulationResult> = a.next();
    let rb: IteratorResult<unknown, SimulationResult> = b.next();
    for (let k = 0; k < 5; k++) ra = a.next(); // a runs ahead, then b catches up and overtakes
    while (!rb.done) rb = b.next();
    while (!ra.done) ra = a.next();
    expect(json(ra.value)).toBe(want[0]);
    expect(json(rb.value)).toBe(want[1]);
  });

  it('copies exactly the numbers the stream draws, week after week', () => {
    const c = generateCompany(3, { customers: 200 });
    const n = c.customers.n;
    const ref = new DemandStream(label(7));
    const cached = new DemandNoise(c, n, 10, label(7));
    const [a1, a2, a3, b1, b2, b3] = Array.from({ length: 6 }, () => new Float64Array(n));
    for (let t = 0; t < 10; t++) {
      ref.fillTriples(n, a1, a2, a3);
      cached.fillWeek(t, b1, b2, b3);
      expect(Array.from(b1)).toEqual(Array.from(a1));
      expect(Array.from(b2)).toEqual(Array.from(a2));
      expect(Array.from(b3)).toEqual(Array.from(a3));
    }
    // a second handle on the same company and seed reads the cached weeks: the same numbers again
    const again = new DemandNoise(c, n, 10, label(7));
    const ref2 = new DemandStream(label(7));
    for (let t = 0; t < 10; t++) {
      ref2.fillTriples(n, a1, a2, a3);
      again.fillWeek(t, b1, b2, b3);
      expect(Array.from(b1)).toEqual(Array.from(a1));
      expect(Array.from(b3)).toEqual(Array.from(a3));
    }
  });

  it(`runs above ${NOISE_CACHE_MAX_CUSTOMER_WEEKS.toLocaleString('en')} customer-weeks draw on the fly and are not cached`, () => {
    const c = generateCompany(2, { customers: 2500 });
    const weeks = 260; // 2,500 × 260 = 650,000 customer-weeks
    expect(c.customers.n * weeks).toBeGreaterThan(NOISE_CACHE_MAX_CUSTOMER_WEEKS);
    const before = JSON.stringify(c);
    const r1 = json(simulate(c, baselinePlan(), { weeks }));
    expect(cachedNoiseWeeks(c, label(c.seed))).toBe(0);
    // the same company at 52 weeks (130,000 customer-weeks) is cached
    simulate(c, baselinePlan(), { weeks: 52 });
    expect(cachedNoiseWeeks(c, label(c.seed))).toBe(52);
    expect(json(simulate(c, baselinePlan(), { weeks }))).toBe(r1);
    // the cache lives beside the company: the input is untouched
    expect(JSON.stringify(c)).toBe(before);
  });
});
