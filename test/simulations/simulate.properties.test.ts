/**
 * Property-based tests (fast-check) of the simulation invariants (issue 3 §4):
 * determinism, partition of customers, totals = Σ segments, non-negative costs, satisfaction in
 * 0..100, no NaN/Infinity at the extremes, monotone fill rate in the service level under common
 * random numbers (exact on a fixed demand stream, to 0.0001 with the satisfaction feedback on), and
 * inputs never mutated. Every fast-check run has a fixed seed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Company, Plan, SegmentationMethod, SegmentStrategy, SimulationResult } from '../../simulations/types';
import { generateCompany } from '../../simulations/company/generate';
import { segment } from '../../simulations/segmentation/index';
import { COST_KEYS, simulate } from '../../simulations/simulate/simulate';

const FIRST_KEY: Partial<Record<SegmentationMethod, string>> = {
  none: 'all',
  lifecycle: 'new',
  needs: 'speed',
  value: 'A',
  geography: 'international',
  behaviour: 'frequent-large',
  rules: 'key-accounts',
  kmeans: 'cluster-1',
};

const strategyArb: fc.Arbitrary<SegmentStrategy> = fc.record({
  supplyChain: fc.constantFrom('efficient', 'responsive'),
  serviceLevel: fc.oneof(fc.constantFrom(0.5, 0.999), fc.double({ min: 0.5, max: 0.999, noNaN: true })),
  fulfilment: fc.constantFrom('central', 'regional'),
  delivery: fc.constantFrom('standard', 'priority'),
  service: fc.constantFrom('standard', 'premium'),
  product: fc.constantFrom('standard', 'customised'),
  discount: fc.double({ min: 0, max: 0.3, noNaN: true }),
});

const planArb: fc.Arbitrary<Plan> = fc
  .record({
    method: fc.constantFrom<SegmentationMethod>('none', 'lifecycle', 'needs', 'value', 'geography', 'behaviour', 'rules', 'kmeans'),
    star: strategyArb,
    first: strategyArb,
  })
  .map(({ method, star, first }) => ({
    name: 'random',
    segmentation: method === 'kmeans' ? { method, params: { k: 3 } } : { method },
    strategies: { '*': star, [FIRST_KEY[method] as string]: first },
  }));

/** Every number in the result (totals, segments, per-customer and weekly arrays). */
function allNumbers(r: SimulationResult): number[] {
  const out: number[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'number') out.push(v);
    else if (ArrayBuffer.isView(v)) {
      const a = v as unknown as ArrayLike<number>;
      for (let i = 0; i < a.length; i++) out.push(a[i]);
    }
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk({ totals: r.totals, segments: r.segments, customers: r.customers, weekly: r.weekly });
  return out;
}

function serialise(r: SimulationResult): string {
  return JSON.stringify(r, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
}

function checkInvariants(company: Company, r: SimulationResult): void {
  const n = company.customers.n;
  // every number finite
  expect(allNumbers(r).filter((x) => !Number.isFinite(x))).toEqual([]);
  // each customer in exactly one segment; segment sizes add up
  const counts = new Array(r.segments.length).fill(0);
  let outside = 0;
  for (let i = 0; i < n; i++) {
    if (r.customers.segment[i] >= r.segments.length) outside++;
    else counts[r.customers.segment[i]]++;
  }
  expect(outside).toBe(0);
  expect(counts).toEqual(r.segments.map((s) => s.customers));
  // totals = Σ segments
  const tol = (x: number) => 1e-6 * Math.max(1, Math.abs(x));
  const sum = (f: (s: (typeof r.segments)[number]) => number) => r.segments.reduce((a, s) => a + f(s), 0);
  expect(Math.abs(sum((s) => s.revenue) - r.totals.revenue)).toBeLessThanOrEqual(tol(r.totals.revenue));
  expect(Math.abs(sum((s) => s.profit) - r.totals.profit)).toBeLessThanOrEqual(tol(r.totals.revenue));
  expect(Math.abs(sum((s) => s.lostMargin) - r.totals.lostMargin)).toBeLessThanOrEqual(tol(r.totals.lostMargin));
  for (const k of [...COST_KEYS, 'total'] as const) expect(Math.abs(sum((s) => s.cost[k]) - r.totals.cost[k])).toBeLessThanOrEqual(tol(r.totals.cost[k]));
  expect(sum((s) => s.customers)).toBe(n);
  // customers add up to totals too
  const cs = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
  expect(Math.abs(cs(r.customers.costToServe) - r.totals.cost.total)).toBeLessThanOrEqual(tol(r.totals.cost.total));
  // costs non-negative, ratios in range, satisfaction 0..100
  for (const t of [r.totals, ...r.segments]) {
    for (const k of COST_KEYS) expect(t.cost[k]).toBeGreaterThanOrEqual(0);
    expect(t.revenue).toBeGreaterThanOrEqual(0);
    expect(t.lostMargin).toBeGreaterThanOrEqual(0);
    for (const x of [t.otif, t.fillRate, t.churnRate]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1 + 1e-12);
    }
    expect(t.satisfaction).toBeGreaterThanOrEqual(0);
    expect(t.satisfaction).toBeLessThanOrEqual(100);
  }
  let bad = 0;
  for (let i = 0; i < n; i++) {
    if (!(r.customers.costToServe[i] >= 0)) bad++;
    if (!(r.customers.satisfaction[i] >= 0 && r.customers.satisfaction[i] <= 100)) bad++;
  }
  expect(bad).toBe(0);
  for (const s of r.weekly.satisfaction) {
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(100);
  }
}

/** A deep copy of a company in which every customer is international (for the extreme case). */
function allInternational(company: Company): Company {
  const c = company.customers;
  const intl = company.regions.filter((r) => r.international);
  const copy = { ...company, customers: { ...c } } as Company;
  const t = copy.customers;
  t.region = new Uint8Array(c.n);
  t.international = new Uint8Array(c.n).fill(1);
  t.distanceKm = new Float64Array(c.n);
  t.dutyRate = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const r = intl[i % intl.length];
    t.region[i] = r.index;
    t.distanceKm[i] = r.distanceKm;
    t.dutyRate[i] = r.dutyRate;
  }
  return copy;
}

function snapshotCompany(company: Company): string {
  return JSON.stringify(company, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
}

/** CPU budget of a property test (many full simulations): generous, because a loaded CI machine can be several times slower; the assertions do not depend on it. */
const PROPERTY_TIMEOUT_MS = 60_000;

describe('simulation invariants (property-based)', () => {
  it('hold for random plans, seeds and sizes; same seed and plan give byte-identical results; inputs untouched', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 50, max: 250 }), planArb, fc.integer({ min: 1, max: 60 }), (seed, customers, plan, weeks) => {
        const company = generateCompany(seed, { customers });
        const before = snapshotCompany(company);
        const planBefore = JSON.stringify(plan);
        const a = simulate(company, plan, { weeks });
        const b = simulate(company, plan, { weeks });
        expect(serialise(a)).toBe(serialise(b));
        checkInvariants(company, a);
        expect(snapshotCompany(company)).toBe(before);
        expect(JSON.stringify(plan)).toBe(planBefore);
      }),
      { numRuns: 30, seed: 20_260_100 },
    );
  }, PROPERTY_TIMEOUT_MS);

  // Raising one segment's target service level, everything else equal (common random numbers).
  // Exact on a fixed demand stream: with the satisfaction feedback switched off (share of wallet and churn
  // do not respond to service), both runs see the same demand, week by week, and a higher target gives an
  // order-up-to level at least as high at every review, so the stock on hand and the fill rate of every
  // week are at least as high. With the feedback on (the full model) the customer set itself depends on
  // the service: a customer kept from churning adds its own demand noise to weeks whose stock was ordered
  // before that noise was known, so the segment's fill rate can dip by a hair even though the planner
  // re-plans σ from the active customers at every review (MODEL.md §4.3). A stress run of 15,000 cases
  // found one such dip, −0.000027 (company seed 754); the full-model property is therefore asserted to
  // that explicit tolerance, not exactly. Seeds are fixed so that CI cannot flake.
  const FIXED_STREAM = { walletSensitivity: 0, churnSensitivity: 0 };
  const SL_METHODS: SegmentationMethod[] = ['none', 'lifecycle', 'needs', 'value', 'geography'];
  const slCase = fc.record({
    seed: fc.integer({ min: 1, max: 10_000 }),
    customers: fc.integer({ min: 60, max: 160 }),
    method: fc.constantFrom(...SL_METHODS),
    base: strategyArb,
    lo: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
    step: fc.double({ min: 0.005, max: 0.3, noNaN: true }),
  });
  /** Fill rate of the first segment at service levels lo and hi; shared: the segment shares its pool. */
  function fillPair(c: { seed: number; customers: number; method: SegmentationMethod; base: SegmentStrategy; lo: number; step: number }, shared: boolean, params?: Record<string, number>) {
    const company = generateCompany(c.seed, { customers: c.customers });
    const seg = segment(company, { method: c.method });
    const key = seg.segments[0].key;
    // a pool shared by two segments: standard product on the same chain and location, different delivery
    const base: SegmentStrategy = shared ? { ...c.base, product: 'standard' } : c.base;
    const mine: SegmentStrategy = shared ? { ...base, delivery: base.delivery === 'priority' ? 'standard' : 'priority' } : base;
    const hi = Math.min(0.999, c.lo + c.step);
    const run = (sl: number) => simulate(company, { segmentation: { method: c.method }, strategies: { '*': base, [key]: { ...mine, serviceLevel: sl } } }, { segmentation: seg, params });
    const a = run(c.lo);
    const b = run(hi);
    const sharedPool = (a.inventory?.stockingPoints ?? []).some((sp) => sp.segments.length > 1 && sp.segments.includes(0));
    return { lo: a.segments[0].fillRate, hi: b.segments[0].fillRate, sharedPool, segments: seg.segments.filter((s) => s.size > 0).length };
  }

  it('raising a segment’s target service level never lowers its fill rate on a fixed demand stream (exact)', () => {
    fc.assert(
      fc.property(slCase, (c) => {
        const f = fillPair(c, false, FIXED_STREAM);
        expect(f.hi).toBeGreaterThanOrEqual(f.lo - 1e-12);
      }),
      { numRuns: 300, seed: 20_260_101 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('… also when the segment shares its pool with another segment (the pool holds the strictest target)', () => {
    let shared = 0;
    fc.assert(
      fc.property(slCase.filter((c) => c.method !== 'none'), (c) => {
        const f = fillPair(c, true, FIXED_STREAM);
        if (f.sharedPool) shared++;
        expect(f.hi).toBeGreaterThanOrEqual(f.lo - 1e-12);
      }),
      { numRuns: 300, seed: 20_260_102 },
    );
    // the generator really produced shared pools (a segment with another in its pool) in most cases
    expect(shared).toBeGreaterThan(150);
  }, PROPERTY_TIMEOUT_MS);

  it('in the full model (satisfaction feedback on) a higher target lowers the fill rate by at most 0.0001', () => {
    fc.assert(
      fc.property(fc.boolean(), slCase, (shared, c) => {
        const f = fillPair(c, shared && c.method !== 'none');
        expect(f.hi).toBeGreaterThanOrEqual(f.lo - 1e-4);
      }),
      { numRuns: 300, seed: 20_260_103 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('the known full-model dip is the feedback: with a fixed demand stream the same case holds exactly', () => {
    // company seed 754, 150 customers, one segment (found by fast-check, seed 12345, 3,000 runs): the higher
    // target keeps one customer from churning, whose extra demand lands in a week of short stock
    const c = { seed: 754, customers: 150, method: 'none' as const, lo: 0.7353700396473337, step: 0.005 };
    const base: SegmentStrategy = { supplyChain: 'responsive', serviceLevel: 0.5, fulfilment: 'central', delivery: 'priority', service: 'premium', product: 'standard', discount: 0 };
    const full = fillPair({ ...c, base }, false);
    expect(full.hi - full.lo).toBeGreaterThan(-1e-4);
    const fixed = fillPair({ ...c, base }, false, FIXED_STREAM);
    expect(fixed.hi).toBeGreaterThanOrEqual(fixed.lo);
  });
});

describe('extremes stay finite and consistent', () => {
  it.each([
    ['one segment, service level 50 %', { segmentation: { method: 'none' }, strategies: { '*': { serviceLevel: 0.5 } } }],
    ['one segment, service level 99.9 %', { segmentation: { method: 'none' }, strategies: { '*': { serviceLevel: 0.999 } } }],
    ['all responsive, regional, priority, premium, customised, 30 % discount', { segmentation: { method: 'none' }, strategies: { '*': { supplyChain: 'responsive', fulfilment: 'regional', delivery: 'priority', service: 'premium', product: 'customised', discount: 0.3 } } }],
    ['k-means 12 clusters', { segmentation: { method: 'kmeans', params: { k: 12 } }, strategies: {} }],
  ] as [string, Plan][])('%s (50 customers, 260 weeks)', (_label, plan) => {
    const company = generateCompany(3, { customers: 50 });
    checkInvariants(company, simulate(company, plan, { weeks: 260 }));
  });

  it('all customers international, both fulfilment options', () => {
    const company = allInternational(generateCompany(5, { customers: 300 }));
    for (const fulfilment of ['central', 'regional'] as const) {
      const r = simulate(company, { segmentation: { method: 'none' }, strategies: { '*': { fulfilment } } });
      checkInvariants(company, r);
      expect(r.totals.cost.duties).toBeGreaterThan(0);
    }
  });

  it('200,000 customers', () => {
    const company = generateCompany(42, { customers: 200_000 });
    const r = simulate(company, { segmentation: { method: 'lifecycle' }, strategies: { new: { supplyChain: 'responsive' } } });
    checkInvariants(company, r);
  }, 60_000);
});
