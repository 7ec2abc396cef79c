import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ARCHETYPES,
  EngineError,
  SEGMENTATION_METHODS,
  adjustedRandIndex,
  abcClasses,
  clvMultiple,
  createRng,
  customerLifetimeValue,
  generateCompany,
  kmeans,
  kmeansSteps,
  quintileScores,
  rfmScores,
  segment,
  type Company,
  type Segmentation,
  type SegmentationSpec,
} from '../../simulations/index';

/** Every method with a few parameter variants. */
const SPECS: SegmentationSpec[] = [
  { method: 'none' },
  { method: 'needs' },
  { method: 'needs', params: { priorities: ['quality', 'customisation', 'price', 'speed', 'service'], minScore: -3 } },
  { method: 'value' },
  { method: 'value', params: { scheme: 'abc', thresholds: [0.5, 0.9] } },
  { method: 'value', params: { scheme: 'rfm' } },
  { method: 'value', params: { scheme: 'clv', discountRate: 0.15, clvShares: [0.1, 0.4] } },
  { method: 'geography' },
  { method: 'geography', params: { by: 'region' } },
  { method: 'geography', params: { by: 'warehouse' } },
  { method: 'geography', params: { by: 'distance', distanceBands: [300, 1200] } },
  { method: 'lifecycle' },
  { method: 'lifecycle', params: { newThreshold: 0.5, matureThreshold: 0.5 } },
  { method: 'behaviour' },
  { method: 'behaviour', params: { by: 'channel' } },
  { method: 'behaviour', params: { by: 'frequency', frequencyThreshold: 12 } },
  { method: 'behaviour', params: { by: 'orderSize', orderSizeThreshold: 2500 } },
  { method: 'behaviour', params: { by: 'variability', cvThreshold: 0.3 } },
  { method: 'rules' },
  { method: 'kmeans' },
  { method: 'kmeans', params: { k: 3, features: ['annualRevenue', 'channelPortal'], logTransform: false, seed: 'x' } },
];

function checkInvariants(c: Company, s: Segmentation): void {
  const n = c.customers.n;
  expect(s.labels).toBeInstanceOf(Uint16Array);
  expect(s.labels).toHaveLength(n);
  const counts = new Array(s.segments.length).fill(0);
  for (let i = 0; i < n; i++) {
    expect(s.labels[i]).toBeLessThan(s.segments.length); // every customer in exactly one segment
    counts[s.labels[i]]++;
  }
  expect(s.segments.map((x) => x.size)).toEqual(counts);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
  expect(new Set(s.segments.map((x) => x.key)).size).toBe(s.segments.length);
  for (const seg of s.segments) {
    expect(seg.name.en.length).toBeGreaterThan(0);
    expect(seg.name['zh-cn'].length).toBeGreaterThan(0);
    for (const v of Object.values(seg.profile)) expect(Number.isFinite(v)).toBe(true);
  }
  expect(Number.isFinite(s.ari)).toBe(true);
  expect(s.ari).toBeGreaterThanOrEqual(-1);
  expect(s.ari).toBeLessThanOrEqual(1);
}

function snapshot(c: Company): string {
  return JSON.stringify(Object.entries(c.customers).map(([k, v]) => [k, typeof v === 'number' ? v : Array.from(v as ArrayLike<number>)]));
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o as object).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

describe('adjustedRandIndex (Hubert & Arabie 1985)', () => {
  it('is 1 for identical partitions, whatever the label names', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 2, 2])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [2, 2, 0, 0, 1, 1])).toBe(1);
  });
  it('matches the textbook value for a known example', () => {
    // sklearn's documented example: ARI([0,0,0,1,1,1],[0,0,1,1,2,2]) = 0.2424…
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.242424, 5);
    // one cluster against several: no information
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });
  it('is symmetric and ≈ 0 for random labellings', () => {
    const r = createRng(11);
    const a = Array.from({ length: 20_000 }, () => Math.floor(r() * 6));
    const b = Array.from({ length: 20_000 }, () => Math.floor(r() * 5));
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 12);
    expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.01);
  });
  it('rejects mismatched lengths and invalid labels', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(EngineError);
    expect(() => adjustedRandIndex([0, -1], [0, 1])).toThrow(EngineError);
    expect(() => adjustedRandIndex([0, 0.5], [0, 1])).toThrow(EngineError);
  });
});

describe('segment(): invariants for every method', () => {
  const c = generateCompany(42, { customers: 2000 });
  it.each(SPECS.map((s) => [JSON.stringify(s), s] as const))('%s', (_, spec) => {
    checkInvariants(c, segment(c, spec));
  });

  it("'none' is one segment 'all' with ARI 0", () => {
    const s = segment(c, { method: 'none' });
    expect(s.segments.map((x) => x.key)).toEqual(['all']);
    expect(s.ari).toBe(0);
    expect(s.segments[0].profile.revenueShare).toBeCloseTo(1, 12);
  });

  it('is deterministic (byte-identical labels and profiles) and never mutates its inputs', () => {
    const before = snapshot(c);
    for (const spec of SPECS) {
      const frozen = deepFreeze(structuredClone(spec));
      const a = segment(c, frozen);
      const b = segment(c, frozen);
      expect(JSON.stringify({ ...a, labels: Array.from(a.labels) })).toBe(JSON.stringify({ ...b, labels: Array.from(b.labels) }));
    }
    expect(snapshot(c)).toBe(before);
  });

  it('property: for random n (50..400), seeds and methods, sizes sum to n and nothing is NaN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 400 }), fc.integer(), fc.constantFrom(...SPECS), (n, seed, spec) => {
        const co = generateCompany(seed, { customers: n });
        const s = segment(co, spec);
        const total = s.segments.reduce((a, x) => a + x.size, 0);
        return total === n && s.labels.every((l) => l < s.segments.length) && Number.isFinite(s.ari) && s.segments.every((x) => Object.values(x.profile).every(Number.isFinite));
      }),
      { numRuns: 60 },
    );
  });

  it('no NaN at n = 50 and n = 200,000', () => {
    for (const n of [50, 200_000]) {
      const co = generateCompany(5, { customers: n });
      for (const method of SEGMENTATION_METHODS) {
        const s = segment(co, { method, params: method === 'kmeans' ? { maxIterations: 30 } : undefined });
        expect(s.segments.reduce((a, x) => a + x.size, 0)).toBe(n);
        expect(Number.isFinite(s.ari)).toBe(true);
        for (const x of s.segments) for (const v of Object.values(x.profile)) expect(Number.isNaN(v)).toBe(false);
      }
    }
  }, 30_000);
});

describe('recovering the hidden archetypes (seed 42, n = 20,000)', () => {
  const c = generateCompany(42, { customers: 20_000 });
  const ari = (spec: SegmentationSpec) => segment(c, spec).ari;
  const r = createRng('random-labels');
  const randomLabels = Array.from({ length: c.customers.n }, () => Math.floor(r() * 6));
  const randomAri = adjustedRandIndex(randomLabels, c.customers.archetype);

  it('every lens beats a random labelling clearly (random ARI sd is about 0.001 at this n)', () => {
    expect(Math.abs(randomAri)).toBeLessThan(0.01);
    for (const spec of SPECS.filter((s) => s.method !== 'none')) expect(ari(spec), JSON.stringify(spec)).toBeGreaterThan(randomAri + 0.03);
    // the default parameters of the main lenses do better still
    for (const m of ['needs', 'value', 'behaviour', 'rules', 'kmeans'] as const) expect(ari({ method: m }), m).toBeGreaterThan(0.2);
  });
  it('k-means on needs + value + geography + lifecycle features recovers most of the structure, more than any single lens', () => {
    const km = ari({ method: 'kmeans' });
    expect(km).toBeGreaterThan(0.6);
    for (const m of ['needs', 'value', 'geography', 'lifecycle', 'behaviour'] as const) expect(km).toBeGreaterThan(ari({ method: m }));
    // k-means on two value features only recovers much less
    expect(ari({ method: 'kmeans', params: { features: ['annualRevenue', 'ordersPerYear'] } })).toBeLessThan(km - 0.2);
  });
  it('the rule list combining several attributes beats every single lens', () => {
    const rules = ari({ method: 'rules' });
    for (const m of ['needs', 'value', 'geography', 'lifecycle', 'behaviour'] as const) expect(rules).toBeGreaterThan(ari({ method: m }));
  });
  it('geography isolates the overseas distributors; lifecycle isolates the fast innovators', () => {
    const geo = segment(c, { method: 'geography' });
    const life = segment(c, { method: 'lifecycle' });
    const dist = ARCHETYPES.findIndex((a) => a.key === 'overseas-distributors');
    const fast = ARCHETYPES.findIndex((a) => a.key === 'fast-innovators');
    let distIntl = 0;
    let distN = 0;
    let fastNew = 0;
    let fastN = 0;
    let otherNew = 0;
    for (let i = 0; i < c.customers.n; i++) {
      if (c.customers.archetype[i] === dist) {
        distN++;
        if (geo.segments[geo.labels[i]].key === 'international') distIntl++;
      }
      const isNew = life.segments[life.labels[i]].key === 'new';
      if (c.customers.archetype[i] === fast) {
        fastN++;
        if (isNew) fastNew++;
      } else if (isNew) otherNew++;
    }
    expect(distIntl / distN).toBe(1);
    expect(fastNew / fastN).toBeGreaterThan(0.6);
    expect(otherNew / (c.customers.n - fastN)).toBeLessThan(0.3);
  });
});

describe('value: ABC, RFM, CLV', () => {
  const c = generateCompany(9, { customers: 5000 });
  it('ABC: class A holds the customers making up the first 80 % of revenue', () => {
    const s = segment(c, { method: 'value' });
    const [a, b, cc] = s.segments;
    expect([a.key, b.key, cc.key]).toEqual(['A', 'B', 'C']);
    expect(a.profile.revenueShare).toBeGreaterThanOrEqual(0.8);
    expect(a.profile.revenueShare).toBeLessThan(0.81);
    expect(a.profile.revenueShare + b.profile.revenueShare).toBeGreaterThanOrEqual(0.95);
    expect(a.size).toBeLessThan(0.4 * c.customers.n); // Pareto: few customers, most revenue
    expect(a.profile.annualRevenue).toBeGreaterThan(b.profile.annualRevenue);
  });
  it('abcClasses: the customer crossing a threshold joins the higher class', () => {
    expect(Array.from(abcClasses([50, 30, 15, 5], [0.8, 0.95]))).toEqual([0, 0, 1, 2]);
    expect(Array.from(abcClasses([10, 10, 10, 10], [0.5, 0.75]))).toEqual([0, 0, 1, 2]);
  });
  it('RFM: each score holds 20 % of customers and 5 = most recent / frequent / valuable', () => {
    const { r, f, m } = rfmScores(c);
    for (const sc of [r, f, m]) {
      const counts = [0, 0, 0, 0, 0];
      for (const v of sc) counts[v - 1]++;
      for (const k of counts) expect(Math.abs(k - c.customers.n / 5)).toBeLessThanOrEqual(1);
    }
    let minRecency5 = Infinity;
    let maxRecency5 = -Infinity;
    let minRecency1 = Infinity;
    for (let i = 0; i < c.customers.n; i++) {
      if (r[i] === 5) {
        minRecency5 = Math.min(minRecency5, c.customers.recencyWeeks[i]);
        maxRecency5 = Math.max(maxRecency5, c.customers.recencyWeeks[i]);
      }
      if (r[i] === 1) minRecency1 = Math.min(minRecency1, c.customers.recencyWeeks[i]);
    }
    expect(maxRecency5).toBeLessThanOrEqual(minRecency1);
    expect(Array.from(quintileScores([5, 1, 4, 2, 3]))).toEqual([5, 1, 4, 2, 3]);
    const s = segment(c, { method: 'value', params: { scheme: 'rfm' } });
    expect(s.segments.map((x) => x.key)).toEqual(['champions', 'loyal', 'at-risk', 'promising', 'hibernating']);
  });
  it('CLV = m · r / (1 + d − r) (Gupta & Lehmann 2003): multiple 2.6667 at r = 0.8, d = 0.1', () => {
    expect(clvMultiple(0.8, 0.1)).toBeCloseTo(2.6667, 4);
    const clv = customerLifetimeValue(c, 0.1);
    const cu = c.customers;
    expect(clv[0]).toBeCloseTo(cu.annualRevenue[0] * cu.grossMargin[0] * (cu.retention[0] / (1.1 - cu.retention[0])), 6);
    const high = segment(c, { method: 'value', params: { scheme: 'clv' } });
    expect(high.segments[0].size).toBe(1000); // top 20 %
    expect(high.segments[1].size).toBe(1500); // next 30 %
    // a higher discount rate lowers every CLV
    const clv2 = customerLifetimeValue(c, 0.3);
    for (let i = 0; i < cu.n; i += 97) expect(clv2[i]).toBeLessThan(clv[i]);
  });
});

describe('rules: first match wins', () => {
  const c = generateCompany(3, { customers: 1000 });
  it('assigns the first matching rule, then the default', () => {
    const s = segment(c, {
      method: 'rules',
      params: {
        rules: [
          { key: 'big', when: [{ field: 'annualRevenue', op: '>=', value: 500_000 }] },
          { key: 'big-too', name: { en: 'Never reached', 'zh-cn': '不会命中' }, when: [{ field: 'annualRevenue', op: '>=', value: 1_000_000 }] },
          { key: 'eu-edi', when: [{ field: 'region', op: '==', value: 'europe' }, { field: 'channel', op: '!=', value: 'edi' }] },
        ],
        defaultKey: 'rest',
        defaultName: 'The rest',
      },
    });
    expect(s.segments.map((x) => x.key)).toEqual(['big', 'big-too', 'eu-edi', 'rest']);
    expect(s.segments[1].size).toBe(0);
    expect(s.segments[1].profile.annualRevenue).toBe(0); // empty segment: 0, never NaN
    const europe = c.regions.findIndex((r) => r.key === 'europe');
    for (let i = 0; i < c.customers.n; i++) {
      const big = c.customers.annualRevenue[i] >= 500_000;
      const eu = c.customers.region[i] === europe && c.customers.channel[i] !== 3;
      expect(s.labels[i]).toBe(big ? 0 : eu ? 2 : 3);
    }
    expect(s.segments[3].name).toEqual({ en: 'The rest', 'zh-cn': 'The rest' });
  });
  it('an empty rule list puts everyone in the default segment', () => {
    const s = segment(c, { method: 'rules', params: { rules: [] } });
    expect(s.segments).toHaveLength(1);
    expect(s.segments[0].size).toBe(1000);
  });
});

describe('k-means', () => {
  const c = generateCompany(21, { customers: 3000 });
  it('converges, with inertia never increasing between iterations', () => {
    const steps = [...kmeansSteps(c, { k: 6 })];
    expect(steps[0].iteration).toBe(0);
    expect(steps[0].changed).toBe(3000);
    const last = steps[steps.length - 1];
    expect(last.converged).toBe(true);
    expect(last.changed).toBe(0);
    for (let i = 1; i < steps.length; i++) expect(steps[i].inertia).toBeLessThanOrEqual(steps[i - 1].inertia + 1e-9);
    expect(last.centroids).toHaveLength(6);
    expect(last.centroids[0]).toHaveLength(7);
  });
  it('kmeans() equals the last step and is reproducible for a seed', () => {
    const a = kmeans(c, { seed: 5 });
    const b = kmeans(c, { seed: 5 });
    const steps = [...kmeansSteps(c, { seed: 5 })];
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.labels)).toEqual(Array.from(steps[steps.length - 1].labels));
    expect(a.sizes.reduce((x, y) => x + y, 0)).toBe(3000);
    // raw centroids are in original units: a revenue centroid is a plausible USD amount
    const j = a.features.indexOf('annualRevenue');
    for (const row of a.centroidsRaw) expect(row[j]).toBeGreaterThan(100);
  });
  it('each step holds its own copy of the labels', () => {
    const steps = [...kmeansSteps(c, { maxIterations: 3 })];
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps[0].labels).not.toBe(steps[1].labels);
  });
  it('stops at maxIterations', () => {
    const steps = [...kmeansSteps(c, { maxIterations: 1 })];
    expect(steps.length).toBeLessThanOrEqual(2);
  });
  it('clusters are numbered by size', () => {
    const s = segment(c, { method: 'kmeans' });
    for (let i = 1; i < s.segments.length; i++) expect(s.segments[i].size).toBeLessThanOrEqual(s.segments[i - 1].size);
    expect(s.segments[0].key).toBe('cluster-1');
  });
});

describe('invalid specs throw an EngineError naming the field', () => {
  const c = generateCompany(1, { customers: 60 });
  const cases: [unknown, string][] = [
    [{ method: 'magic' }, 'method'],
    [null, 'segmentation'],
    [{ method: 'none', params: { k: 2 } }, 'params.k'],
    [{ method: 'needs', params: 'price' }, 'params'],
    [{ method: 'needs', params: { priorities: ['price'] } }, 'params.priorities'],
    [{ method: 'needs', params: { priorities: ['price', 'price'] } }, 'params.priorities'],
    [{ method: 'needs', params: { priorities: ['price', 'taste'] } }, 'params.priorities[1]'],
    [{ method: 'needs', params: { minScore: 5 } }, 'params.minScore'],
    [{ method: 'value', params: { scheme: 'xyz' } }, 'params.scheme'],
    [{ method: 'value', params: { thresholds: [0.9, 0.8] } }, 'params.thresholds[1]'],
    [{ method: 'value', params: { thresholds: [0.8] } }, 'params.thresholds'],
    [{ method: 'value', params: { discountRate: -0.1 } }, 'params.discountRate'],
    [{ method: 'value', params: { treshold: 0.8 } }, 'params.treshold'],
    [{ method: 'geography', params: { by: 'planet' } }, 'params.by'],
    [{ method: 'geography', params: { distanceBands: [500, 400] } }, 'params.distanceBands[1]'],
    [{ method: 'lifecycle', params: { newThreshold: 0.3, matureThreshold: 0.6 } }, 'params.matureThreshold'],
    [{ method: 'lifecycle', params: { newThreshold: 2 } }, 'params.newThreshold'],
    [{ method: 'behaviour', params: { frequencyThreshold: 0 } }, 'params.frequencyThreshold'],
    [{ method: 'behaviour', params: { by: 'mood' } }, 'params.by'],
    [{ method: 'rules', params: { rules: [{ key: 'a', when: [] }] } }, 'params.rules[0].when'],
    [{ method: 'rules', params: { rules: [{ key: 'a', when: [{ field: 'archetype', op: '==', value: 1 }] }] } }, 'params.rules[0].when[0].field'],
    [{ method: 'rules', params: { rules: [{ key: 'a', when: [{ field: 'channel', op: '<', value: 'edi' }] }] } }, 'params.rules[0].when[0].op'],
    [{ method: 'rules', params: { rules: [{ key: 'a', when: [{ field: 'region', op: '==', value: 'mars' }] }] } }, 'params.rules[0].when[0].value'],
    [{ method: 'rules', params: { rules: [{ key: 'a', when: [{ field: 'annualRevenue', op: '>', value: NaN }] }] } }, 'params.rules[0].when[0].value'],
    [{ method: 'rules', params: { rules: [{ key: 'a', when: [{ field: 'annualRevenue', op: '>', value: 1 }] }, { key: 'a', when: [{ field: 'annualRevenue', op: '>', value: 1 }] }] } }, 'params.rules[1].key'],
    [{ method: 'rules', params: { rules: [{ key: '*', when: [{ field: 'annualRevenue', op: '>', value: 1 }] }] } }, 'params.rules[0].key'],
    [{ method: 'rules', params: { defaultKey: 'key-accounts' } }, 'params.defaultKey'],
    [{ method: 'kmeans', params: { k: 1 } }, 'params.k'],
    [{ method: 'kmeans', params: { k: 13 } }, 'params.k'],
    [{ method: 'kmeans', params: { k: 2.5 } }, 'params.k'],
    [{ method: 'kmeans', params: { features: ['archetype'] } }, 'params.features[0]'],
    [{ method: 'kmeans', params: { features: [] } }, 'params.features'],
    [{ method: 'kmeans', params: { maxIterations: 0 } }, 'params.maxIterations'],
    [{ method: 'kmeans', params: { seed: NaN } }, 'params.seed'],
    [{ method: 'kmeans', params: { logTransform: 'yes' } }, 'params.logTransform'],
  ];
  it.each(cases.map(([spec, field]) => [JSON.stringify(spec), field, spec] as const))('%s → %s', (_, field, spec) => {
    try {
      segment(c, spec as SegmentationSpec);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).field).toBe(field);
      expect((e as EngineError).message.startsWith(`${field}: `)).toBe(true);
      expect((e as EngineError).message).toMatch(/\(allowed .+\)$/);
    }
  });
});
