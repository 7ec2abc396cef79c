import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  RULE_KEYS,
  StepBuffer,
  THRESHOLDS,
  clusterProfile,
  clusterRanks,
  clusterSizes,
  decodeSpec,
  defaultSpec,
  defaultState,
  encodeSpec,
  featureValue,
  isBuilderParam,
  sameSpec,
  specToState,
  stateToSpec,
  thresholdParam,
  type BuilderState,
} from '../../../src/lib/capstone/builder';
import { generateCompany } from '../../../simulations/company/generate';
import { segment } from '../../../simulations/segmentation/index';
import { KMEANS_FEATURES, kmeans, kmeansSteps, type KMeansFeature } from '../../../simulations/segmentation/kmeans';
import { DEFAULT_RULES_PARAMS } from '../../../simulations/segmentation/rules';
import type { SegmentationSpec } from '../../../simulations/types';

const company = generateCompany(42, { customers: 2000 });
const q = (s: string) => new URLSearchParams(s);

/** Arbitrary builder state: any subset/order of rules, any valid thresholds, any k-means setting. */
const stateArb: fc.Arbitrary<BuilderState> = fc
  .record({
    method: fc.constantFrom('rules' as const, 'kmeans' as const),
    order: fc.shuffledSubarray([...RULE_KEYS], { minLength: 0 }),
    thresholds: fc.tuple(...THRESHOLDS.map((t) => fc.integer({ min: Math.round(t.min / t.step), max: Math.round(t.max / t.step) }).map((x) => Number((x * t.step).toFixed(2))))),
    k: fc.integer({ min: 2, max: 8 }),
    features: fc.shuffledSubarray([...KMEANS_FEATURES], { minLength: 1 }),
    seed: fc.integer({ min: 0, max: 999_999 }),
  })
  .map((r) => {
    const s = defaultState();
    s.method = r.method;
    THRESHOLDS.forEach((t, i) => {
      s.rules.find((x) => x.key === t.rule)!.values[t.cond] = r.thresholds[i];
    });
    const on = r.order.map((k) => ({ ...s.rules.find((x) => x.key === k)!, enabled: true }));
    const off = RULE_KEYS.filter((k) => !r.order.includes(k)).map((k) => ({ ...s.rules.find((x) => x.key === k)!, enabled: false }));
    s.rules = [...on, ...off];
    s.kmeans = { k: r.k, features: r.features as KMeansFeature[], seed: r.seed };
    return s;
  });

describe('builder state ↔ engine spec', () => {
  it('the default spec is the engine default rule list and segments like it', () => {
    const spec = defaultSpec();
    expect(spec.method).toBe('rules');
    const mine = segment(company, spec);
    const engine = segment(company, { method: 'rules', params: {} });
    expect(mine.segments.map((s) => [s.key, s.size])).toEqual(engine.segments.map((s) => [s.key, s.size]));
    // pinned: seed 42, 2,000 customers
    expect(mine.segments.map((s) => s.size)).toEqual([212, 304, 220, 248, 551, 465]);
  });

  it('every generated state gives a spec the engine accepts', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const spec = stateToSpec(s);
        const seg = segment(generateCompany(7, { customers: 60 }), spec);
        if (s.method === 'rules') expect(seg.segments).toHaveLength(s.rules.filter((r) => r.enabled).length + 1);
        else expect(seg.segments).toHaveLength(s.kmeans.k);
      }),
      { numRuns: 60 },
    );
  });

  it('turning a rule off moves its customers to later rules or the default segment', () => {
    const s = defaultState();
    s.rules[0].enabled = false; // key accounts off
    const seg = segment(company, stateToSpec(s));
    expect(seg.segments.map((x) => x.key)).toEqual(['overseas', 'fast-track', 'solutions', 'small-online', 'core']);
    expect(seg.segments.reduce((a, x) => a + x.size, 0)).toBe(2000);
    expect(seg.segments[0].size).toBeGreaterThan(304); // overseas key accounts now count as overseas
  });

  it('a threshold edit changes the segment sizes in the expected direction', () => {
    const s = defaultState();
    s.rules[0].values[0] = 500_000; // key accounts from 0.5 M USD instead of 1 M
    const seg = segment(company, stateToSpec(s));
    const c = company.customers;
    let expected = 0;
    for (let i = 0; i < c.n; i++) if (c.annualRevenue[i] >= 500_000) expected++;
    expect(seg.segments[0].size).toBe(expected);
    expect(expected).toBeGreaterThan(212);
  });

  it('specToState reads back what stateToSpec wrote (enabled rules first, in order)', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const back = specToState(stateToSpec(s));
        expect(back.method).toBe(s.method);
        expect(stateToSpec(back)).toEqual(stateToSpec(s));
      }),
      { numRuns: 100 },
    );
  });

  it('specToState falls back to defaults for a spec it cannot read', () => {
    const d = defaultState();
    expect(specToState(null)).toEqual(d);
    expect(specToState({ method: 'needs' })).toEqual(d);
    const bad = specToState({ method: 'kmeans', params: { k: 99, features: ['nope'], seed: -3 } });
    expect(bad.method).toBe('kmeans');
    expect(bad.kmeans).toEqual(d.kmeans);
    const rules = specToState({ method: 'rules', params: { rules: [{ key: 'unknown', when: [] }, { key: 'overseas' }] } });
    expect(rules.rules.filter((r) => r.enabled).map((r) => r.key)).toEqual(['overseas']);
  });
});

describe('URL codec', () => {
  it('all parameter names start with cap. and are recognised as builder parameters', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        for (const [name] of encodeSpec(stateToSpec(s))) {
          expect(name.startsWith('cap.')).toBe(true);
          expect(isBuilderParam(name)).toBe(true);
        }
      }),
    );
  });

  it('round trip: decode(encode(spec)) gives the same spec and ignores nothing', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const spec = stateToSpec(s);
        const d = decodeSpec(new URLSearchParams(encodeSpec(spec)));
        expect(d.ignored).toEqual([]);
        expect(d.present).toBe(true);
        expect(d.spec).toEqual(spec);
        expect(sameSpec(d.spec, spec)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('k-means links use the fixed names', () => {
    const spec: SegmentationSpec = { method: 'kmeans', params: { k: 4, features: ['annualRevenue', 'growth'], seed: 17 } };
    expect(encodeSpec(spec)).toEqual([
      ['cap.method', 'kmeans'],
      ['cap.k', '4'],
      ['cap.features', 'annualRevenue,growth'],
      ['cap.kseed', '17'],
    ]);
  });

  it('the default rules encode to two short parameters; thresholds only when changed', () => {
    expect(encodeSpec(defaultSpec())).toEqual([
      ['cap.method', 'rules'],
      ['cap.rules', RULE_KEYS.join(',')],
    ]);
    const s = defaultState();
    s.rules[3].values[0] = 0.8;
    s.rules[1].enabled = false;
    expect(new URLSearchParams(encodeSpec(stateToSpec(s))).toString()).toBe(
      'cap.method=rules&cap.rules=key-accounts%2Cfast-track%2Csolutions%2Csmall-online&cap.t.solutions.supportNeed=0.8',
    );
  });

  it('no builder parameter: default spec, nothing ignored, not present; other islands’ parameters are left alone', () => {
    const d = decodeSpec(q('seed=3&lab=value&cap.seed=9&cap.plan=x'));
    expect(d.present).toBe(false);
    expect(d.ignored).toEqual([]);
    expect(d.spec).toEqual(defaultSpec());
  });

  it.each([
    // [query, expected ignored, check on the result]
    ['cap.k=4', [{ param: 'cap.method', value: '', reason: 'missing' }, { param: 'cap.k', value: '4', reason: 'unknown' }]],
    ['cap.method=tree', [{ param: 'cap.method', value: 'tree', reason: 'malformed' }]],
    ['cap.method=kmeans', [
      { param: 'cap.k', value: '', reason: 'missing' },
      { param: 'cap.features', value: '', reason: 'missing' },
      { param: 'cap.kseed', value: '', reason: 'missing' },
    ]],
    ['cap.method=kmeans&cap.k=9&cap.features=growth&cap.kseed=1', [{ param: 'cap.k', value: '9', reason: 'range' }]],
    ['cap.method=kmeans&cap.k=1&cap.features=growth&cap.kseed=1', [{ param: 'cap.k', value: '1', reason: 'range' }]],
    ['cap.method=kmeans&cap.k=3.5&cap.features=growth&cap.kseed=1', [{ param: 'cap.k', value: '3.5', reason: 'malformed' }]],
    ['cap.method=kmeans&cap.k=NaN&cap.features=growth&cap.kseed=1', [{ param: 'cap.k', value: 'NaN', reason: 'malformed' }]],
    ['cap.method=kmeans&cap.k=3&cap.features=growth,bogus&cap.kseed=1', [{ param: 'cap.features', value: 'growth,bogus', reason: 'malformed' }]],
    ['cap.method=kmeans&cap.k=3&cap.features=growth,growth&cap.kseed=1', [{ param: 'cap.features', value: 'growth,growth', reason: 'malformed' }]],
    ['cap.method=kmeans&cap.k=3&cap.features=&cap.kseed=1', [{ param: 'cap.features', value: '', reason: 'malformed' }]],
    ['cap.method=kmeans&cap.k=3&cap.features=growth&cap.kseed=-1', [{ param: 'cap.kseed', value: '-1', reason: 'malformed' }]],
    ['cap.method=kmeans&cap.k=3&cap.features=growth&cap.kseed=1000000', [{ param: 'cap.kseed', value: '1000000', reason: 'range' }]],
    ['cap.method=kmeans&cap.k=3&cap.features=growth&cap.kseed=1&cap.rules=overseas', [{ param: 'cap.rules', value: 'overseas', reason: 'unknown' }]],
    ['cap.method=rules&cap.rules=overseas,nope', [{ param: 'cap.rules', value: 'overseas,nope', reason: 'malformed' }]],
    ['cap.method=rules&cap.rules=overseas,overseas', [{ param: 'cap.rules', value: 'overseas,overseas', reason: 'malformed' }]],
    ['cap.method=rules&cap.t.overseas.international=0', [{ param: 'cap.t.overseas.international', value: '0', reason: 'unknown' }]],
    ['cap.method=rules&cap.t.solutions.supportNeed=high', [{ param: 'cap.t.solutions.supportNeed', value: 'high', reason: 'malformed' }]],
    ['cap.method=rules&cap.t.solutions.supportNeed=Infinity', [{ param: 'cap.t.solutions.supportNeed', value: 'Infinity', reason: 'malformed' }]],
    ['cap.method=rules&cap.t.solutions.supportNeed=1.5', [{ param: 'cap.t.solutions.supportNeed', value: '1.5', reason: 'range' }]],
    ['cap.method=rules&cap.t.key-accounts.annualRevenue=5', [{ param: 'cap.t.key-accounts.annualRevenue', value: '5', reason: 'range' }]],
    ['cap.method=rules&cap.k=3&cap.kseed=x', [{ param: 'cap.k', value: '3', reason: 'unknown' }, { param: 'cap.kseed', value: 'x', reason: 'unknown' }]],
  ] as const)('bad input %s is ignored with its reason and never throws', (query, expected) => {
    const d = decodeSpec(q(query));
    expect(d.ignored).toEqual(expected);
    expect(() => segment(company, d.spec)).not.toThrow();
  });

  it('bad values fall back to the defaults, good ones next to them are kept', () => {
    const d = decodeSpec(q('cap.method=kmeans&cap.k=42&cap.features=growth,annualRevenue&cap.kseed=5'));
    expect(d.spec).toEqual({ method: 'kmeans', params: { k: 6, features: ['growth', 'annualRevenue'], seed: 5 } });
    const r = decodeSpec(q('cap.method=rules&cap.rules=solutions&cap.t.solutions.supportNeed=2&cap.t.fast-track.requiredLeadTimeDays=5'));
    const rules = (r.spec.params as { rules: { key: string; when: { value: unknown }[] }[] }).rules;
    expect(rules.map((x) => x.key)).toEqual(['solutions']);
    expect(rules[0].when[0].value).toBe(0.65);
  });

  it('an empty rule list is a valid link: everyone in the default segment', () => {
    const d = decodeSpec(q('cap.method=rules&cap.rules='));
    expect(d.ignored).toEqual([]);
    const seg = segment(company, d.spec);
    expect(seg.segments.map((s) => [s.key, s.size])).toEqual([['core', 2000]]);
  });

  it('a locked method ignores a link asking for the other one', () => {
    const d = decodeSpec(q('cap.method=kmeans&cap.k=3&cap.features=growth&cap.kseed=1'), { lockedMethod: 'rules' });
    expect(d.spec.method).toBe('rules');
    expect(d.ignored[0]).toEqual({ param: 'cap.method', value: 'kmeans', reason: 'locked' });
  });

  it('long values are clipped in the notice; random junk never throws', () => {
    const d = decodeSpec(q(`cap.method=${'x'.repeat(500)}`));
    expect(d.ignored[0].value.length).toBeLessThanOrEqual(60);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('cap.method', 'cap.k', 'cap.features', 'cap.kseed', 'cap.rules', 'cap.t.solutions.supportNeed', 'cap.t.x'), fc.string()), (dict) => {
        const r = decodeSpec(new URLSearchParams(dict));
        expect(() => segment(generateCompany(1, { customers: 60 }), r.spec)).not.toThrow();
        for (const i of r.ignored) expect(['missing', 'unknown', 'malformed', 'range', 'locked']).toContain(i.reason);
      }),
      { numRuns: 150 },
    );
  });

  it('every threshold has a range containing its default and a distinct parameter', () => {
    const names = new Set(THRESHOLDS.map(thresholdParam));
    expect(names.size).toBe(THRESHOLDS.length);
    for (const t of THRESHOLDS) {
      const def = DEFAULT_RULES_PARAMS.rules.find((r) => r.key === t.rule)!.when[t.cond];
      expect(def.field).toBe(t.field);
      expect(def.op).toBe(t.op);
      expect(def.value as number).toBeGreaterThanOrEqual(t.min);
      expect(def.value as number).toBeLessThanOrEqual(t.max);
    }
  });
});

describe('k-means helpers', () => {
  it('StepBuffer pulls the engine steps in slices and ends with the engine result', () => {
    const params = { k: 4, features: ['annualRevenue', 'growth'] as KMeansFeature[], seed: 3 };
    let t = 0;
    const b = new StepBuffer(kmeansSteps(company, params), () => (t += 5));
    expect(b.pull(0)).toBe(1); // at least one step even with no budget
    expect(b.steps[0].iteration).toBe(0);
    const added = b.pull(12); // fake clock: 5 ms per look → 3 steps
    expect(added).toBe(3);
    b.drain();
    expect(b.done).toBe(true);
    const last = b.steps[b.steps.length - 1];
    const ref = kmeans(company, params);
    expect(last.iteration).toBe(ref.iteration);
    expect(Array.from(last.labels)).toEqual(Array.from(ref.labels));
    // inertia never increases in Lloyd's algorithm
    for (let i = 1; i < b.steps.length; i++) expect(b.steps[i].inertia).toBeLessThanOrEqual(b.steps[i - 1].inertia + 1e-9);
  });

  it('StepBuffer keeps an engine error instead of throwing', () => {
    const b = new StepBuffer(kmeansSteps(company, { k: 99 }));
    expect(() => b.pull(10)).not.toThrow();
    expect(b.done).toBe(true);
    expect(b.error).not.toBeNull();
    expect(b.steps).toHaveLength(0);
  });

  it('on 20,000 customers a 12 ms slice takes one Lloyd step at a time and ends with the engine result', () => {
    // Timing itself is measured in the browser (see the report); here: slicing never changes the result.
    const big = generateCompany(42, { customers: 20_000 });
    const params = { k: 8, features: ['annualRevenue', 'supportNeed', 'requiredLeadTimeDays', 'growth'] as KMeansFeature[], seed: 1 };
    const b = new StepBuffer(kmeansSteps(big, params));
    let slices = 0;
    while (!b.done) {
      b.pull(12);
      slices++;
    }
    expect(slices).toBeGreaterThan(1);
    const ref = kmeans(big, params);
    const last = b.steps[b.steps.length - 1];
    expect(last.iteration).toBe(ref.iteration);
    expect(last.inertia).toBeCloseTo(ref.inertia, 6);
  });

  it('cluster ranks number clusters by size like segmentByKMeans', () => {
    const params = { k: 5, features: ['annualRevenue', 'supportNeed', 'requiredLeadTimeDays'] as KMeansFeature[], seed: 11 };
    const r = kmeans(company, params);
    const ranks = clusterRanks(clusterSizes(r.labels, 5));
    const seg = segment(company, { method: 'kmeans', params });
    for (let i = 0; i < 200; i++) expect(seg.labels[i]).toBe(ranks[r.labels[i]]);
    expect(clusterRanks([3, 9, 3])).toEqual([1, 0, 2]);
  });

  it('clusterProfile names the features furthest from the average', () => {
    expect(clusterProfile([0.1, -1.2, 0.7], ['growth', 'annualRevenue', 'supportNeed'])).toEqual([
      { feature: 'annualRevenue', z: -1.2, high: false },
      { feature: 'supportNeed', z: 0.7, high: true },
    ]);
    expect(clusterProfile([0.1, 0.2], ['growth', 'annualRevenue'])).toEqual([]);
  });

  it('featureValue reads raw columns and one-hot channels', () => {
    const c = company.customers;
    expect(featureValue(company, 'annualRevenue', 5)).toBe(c.annualRevenue[5]);
    const ch = ['channelDirect', 'channelPortal', 'channelDistributor', 'channelEdi'] as const;
    for (let i = 0; i < 20; i++) expect(ch.map((f) => featureValue(company, f, i))).toEqual(ch.map((_, j) => (c.channel[i] === j ? 1 : 0)));
  });
});
