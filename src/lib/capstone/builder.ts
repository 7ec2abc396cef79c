/**
 * Segment builder of the capstone (lesson 07): the learner's segmentation as builder state, as an
 * engine SegmentationSpec, and as share-link parameters. Pure functions, no DOM.
 *
 * Two modes, both engine methods (simulations/segmentation):
 * - rules: the default rule list of rules.ts (DEFAULT_RULES_PARAMS), first match wins; the learner
 *   switches rules on/off, reorders them and edits their numeric thresholds (units as in
 *   CustomerTable: USD per year, days, fractions 0..1);
 * - kmeans: seeded k-means (kmeans.ts) on chosen features, k 2..8, seed 0..999999.
 *
 * URL parameters (all start with "cap."; other islands and CapstoneLab use other names):
 *   cap.method=rules|kmeans
 *   rules:  cap.rules=<enabled rule keys in order, comma-separated; empty = no rule>
 *           cap.t.<ruleKey>.<field>=<threshold in engine units>  (only when not the default)
 *   kmeans: cap.k=<2..8>  cap.features=<comma list of KMEANS_FEATURES>  cap.kseed=<integer 0..999999>
 * decodeSpec never throws: a missing, unknown, malformed, out-of-range or locked parameter falls back
 * to its default and is listed in `ignored` with the reason.
 */
import type { Company, Localized, SegmentationSpec } from '@sim/types';
import { DEFAULT_RULES_PARAMS, type Rule, type RuleOp } from '@sim/segmentation/rules';
import { CHANNEL_FEATURES, DEFAULT_KMEANS_PARAMS, KMEANS_FEATURES, LOG_FEATURES, type KMeansFeature, type KMeansStep } from '@sim/segmentation/kmeans';

export type BuilderMethod = 'rules' | 'kmeans';
export const BUILDER_METHODS: readonly BuilderMethod[] = ['rules', 'kmeans'];

export type IgnoreReason = 'missing' | 'unknown' | 'malformed' | 'range' | 'locked';
export interface IgnoredParam {
  param: string;
  /** what the link said (at most 60 characters), '' when missing */
  value: string;
  reason: IgnoreReason;
}

/** Keys of the default rules, in their default order. */
export const RULE_KEYS: readonly string[] = DEFAULT_RULES_PARAMS.rules.map((r) => r.key);

/** An editable threshold of one default rule condition: range and step in engine units. */
export interface ThresholdDef {
  rule: string;
  /** index of the condition in the default rule's `when` list */
  cond: number;
  field: string;
  op: RuleOp;
  min: number;
  max: number;
  step: number;
  /** how the UI shows it: 'usd' (US dollars), 'days', 'percent' (engine fraction × 100) */
  unit: 'usd' | 'days' | 'percent';
}

/**
 * Validated ranges of the editable thresholds. Ranges cover the generated population (seed 42,
 * 2,000 customers: annual revenue 500 USD .. 12.3 M USD, lead time 1..120 days, shares 0..1) with room
 * for sensible teaching choices.
 */
export const THRESHOLDS: readonly ThresholdDef[] = [
  { rule: 'key-accounts', cond: 0, field: 'annualRevenue', op: '>=', min: 10_000, max: 10_000_000, step: 1_000, unit: 'usd' },
  { rule: 'fast-track', cond: 0, field: 'requiredLeadTimeDays', op: '<=', min: 1, max: 60, step: 0.5, unit: 'days' },
  { rule: 'fast-track', cond: 1, field: 'newProductShare', op: '>=', min: 0, max: 1, step: 0.01, unit: 'percent' },
  { rule: 'solutions', cond: 0, field: 'supportNeed', op: '>=', min: 0, max: 1, step: 0.01, unit: 'percent' },
  { rule: 'small-online', cond: 1, field: 'annualRevenue', op: '<', min: 1_000, max: 10_000_000, step: 1_000, unit: 'usd' },
];

export function thresholdParam(t: ThresholdDef): string {
  return `cap.t.${t.rule}.${t.field}`;
}

export const K_MIN = 2;
export const K_MAX = 8;
export const SEED_MIN = 0;
export const SEED_MAX = 999_999;
export const DEFAULT_KSEED = 42;

export interface RuleState {
  key: string;
  enabled: boolean;
  /** the value of every condition of the default rule (numbers or keys), same order as `when` */
  values: (number | string)[];
}

export interface BuilderState {
  method: BuilderMethod;
  /** all default rules, in the learner's order */
  rules: RuleState[];
  kmeans: { k: number; features: KMeansFeature[]; seed: number };
}

function defaultRule(key: string): Rule {
  const r = DEFAULT_RULES_PARAMS.rules.find((x) => x.key === key);
  if (!r) throw new Error(`unknown rule ${key}`); // unreachable: keys come from RULE_KEYS
  return r;
}

export function defaultState(): BuilderState {
  return {
    method: 'rules',
    rules: DEFAULT_RULES_PARAMS.rules.map((r) => ({ key: r.key, enabled: true, values: r.when.map((c) => c.value) })),
    kmeans: { k: 6, features: DEFAULT_KMEANS_PARAMS.features.slice(), seed: DEFAULT_KSEED },
  };
}

/** Decimals of a step (0.01 → 2, 0.5 → 1, 1000 → 0). */
function decimals(step: number): number {
  const s = String(step);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Rounds to the step's decimals (so 0.65 stays 0.65 after a ×100 / ÷100 trip). */
export function snap(value: number, step: number): number {
  return Number(value.toFixed(decimals(step)));
}

export type ThresholdCheck = { ok: true; value: number } | { ok: false; reason: 'malformed' | 'range' };

/** Checks a threshold in engine units: a finite number inside [min, max], snapped to the step's decimals. */
export function checkThreshold(t: ThresholdDef, value: number): ThresholdCheck {
  if (!Number.isFinite(value)) return { ok: false, reason: 'malformed' };
  if (value < t.min || value > t.max) return { ok: false, reason: 'range' };
  return { ok: true, value: snap(value, t.step) };
}

function cloneName(n: Rule['name']): Rule['name'] {
  return typeof n === 'object' && n !== null ? { en: n.en, 'zh-cn': n['zh-cn'] } : n;
}

/** The engine spec of a builder state: only enabled rules, in order; k-means with its seed. */
export function stateToSpec(s: BuilderState): SegmentationSpec {
  if (s.method === 'kmeans') {
    return { method: 'kmeans', params: { k: s.kmeans.k, features: s.kmeans.features.slice(), seed: s.kmeans.seed } };
  }
  const rules = s.rules
    .filter((r) => r.enabled)
    .map((r) => {
      const d = defaultRule(r.key);
      return { key: d.key, name: cloneName(d.name), when: d.when.map((c, j) => ({ field: c.field, op: c.op, value: r.values[j] ?? c.value })) };
    });
  const dn = DEFAULT_RULES_PARAMS.defaultName as Localized;
  return { method: 'rules', params: { rules, defaultKey: DEFAULT_RULES_PARAMS.defaultKey, defaultName: { en: dn.en, 'zh-cn': dn['zh-cn'] } } };
}

export function defaultSpec(): SegmentationSpec {
  return stateToSpec(defaultState());
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Builder state from a spec (the component's `spec` prop). Tolerant: anything it cannot read falls
 * back to the default; rules the spec does not list are off and go after the listed ones.
 * `base` supplies the other mode's state (kept while the learner switches modes).
 */
export function specToState(spec: SegmentationSpec | null | undefined, base: BuilderState = defaultState()): BuilderState {
  const out: BuilderState = {
    method: base.method,
    rules: base.rules.map((r) => ({ ...r, values: r.values.slice() })),
    kmeans: { ...base.kmeans, features: base.kmeans.features.slice() },
  };
  if (!isRecord(spec)) return out;
  const p = isRecord(spec.params) ? spec.params : {};
  if (spec.method === 'kmeans') {
    out.method = 'kmeans';
    const k = p.k;
    if (typeof k === 'number' && Number.isInteger(k) && k >= K_MIN && k <= K_MAX) out.kmeans.k = k;
    if (Array.isArray(p.features)) {
      const f = p.features.filter((x): x is KMeansFeature => (KMEANS_FEATURES as readonly unknown[]).includes(x));
      if (f.length > 0 && new Set(f).size === f.length && f.length === p.features.length) out.kmeans.features = f;
    }
    const seed = p.seed;
    if (typeof seed === 'number' && Number.isInteger(seed) && seed >= SEED_MIN && seed <= SEED_MAX) out.kmeans.seed = seed;
    return out;
  }
  if (spec.method !== 'rules') return out;
  out.method = 'rules';
  const listed = Array.isArray(p.rules) ? p.rules.filter(isRecord) : DEFAULT_RULES_PARAMS.rules;
  const enabled: RuleState[] = [];
  for (const raw of listed) {
    const key = raw.key;
    if (typeof key !== 'string' || !RULE_KEYS.includes(key) || enabled.some((r) => r.key === key)) continue;
    const d = defaultRule(key);
    const when = Array.isArray(raw.when) ? raw.when : [];
    const values = d.when.map((c, j) => {
      const t = THRESHOLDS.find((x) => x.rule === key && x.cond === j);
      const w = when[j];
      if (!t || !isRecord(w) || typeof w.value !== 'number') return c.value;
      const chk = checkThreshold(t, w.value);
      return chk.ok ? chk.value : c.value;
    });
    enabled.push({ key, enabled: true, values });
  }
  const off = RULE_KEYS.filter((k) => !enabled.some((r) => r.key === k)).map((k) => {
    const prev = base.rules.find((r) => r.key === k);
    return { key: k, enabled: false, values: prev ? prev.values.slice() : defaultRule(k).when.map((c) => c.value) };
  });
  out.rules = [...enabled, ...off];
  return out;
}

function fmtNumber(v: number): string {
  return String(v);
}

/**
 * Share-link parameters of a spec. Specs the builder cannot express (another method, unknown rules)
 * are encoded as the closest builder state (see specToState).
 */
export function encodeSpec(spec: SegmentationSpec): [string, string][] {
  const s = specToState(spec);
  if (s.method === 'kmeans') {
    return [
      ['cap.method', 'kmeans'],
      ['cap.k', String(s.kmeans.k)],
      ['cap.features', s.kmeans.features.join(',')],
      ['cap.kseed', String(s.kmeans.seed)],
    ];
  }
  const out: [string, string][] = [['cap.method', 'rules']];
  const on = s.rules.filter((r) => r.enabled);
  out.push(['cap.rules', on.map((r) => r.key).join(',')]);
  for (const r of on) {
    const d = defaultRule(r.key);
    THRESHOLDS.filter((t) => t.rule === r.key).forEach((t) => {
      const v = r.values[t.cond];
      if (typeof v === 'number' && v !== d.when[t.cond].value) out.push([thresholdParam(t), fmtNumber(v)]);
    });
  }
  return out;
}

const NUMBER_PATTERN = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const INT_PATTERN = /^\d{1,7}$/;

function clip(v: string): string {
  return v.length > 60 ? `${v.slice(0, 57)}...` : v;
}

export interface DecodeOptions {
  /** the lesson fixes the method: a link asking for the other one is ignored with reason 'locked' */
  lockedMethod?: BuilderMethod;
}

export interface DecodedSpec {
  spec: SegmentationSpec;
  ignored: IgnoredParam[];
  /** true when the query carries any builder parameter */
  present: boolean;
}

/** True for the parameters this codec owns (so CapstoneLab can keep other "cap." names for itself). */
export function isBuilderParam(name: string): boolean {
  return ['cap.method', 'cap.rules', 'cap.k', 'cap.features', 'cap.kseed'].includes(name) || name.startsWith('cap.t.');
}

/** Reads a spec from share-link parameters. Never throws. */
export function decodeSpec(q: URLSearchParams, options: DecodeOptions = {}): DecodedSpec {
  const ignored: IgnoredParam[] = [];
  const state = defaultState();
  const names = [...new Set([...q.keys()])].filter(isBuilderParam);
  const present = names.length > 0;
  const get = (name: string): string | null => q.get(name);
  const ig = (param: string, value: string, reason: IgnoreReason) => ignored.push({ param, value: clip(value), reason });

  // method
  let method: BuilderMethod = options.lockedMethod ?? 'rules';
  const m = get('cap.method');
  if (m === null) {
    if (present) ig('cap.method', '', 'missing');
  } else if (m !== 'rules' && m !== 'kmeans') ig('cap.method', m, 'malformed');
  else if (options.lockedMethod && m !== options.lockedMethod) ig('cap.method', m, 'locked');
  else method = m;
  state.method = method;

  const kmeansNames = ['cap.k', 'cap.features', 'cap.kseed'];
  const ruleNames = names.filter((n) => n === 'cap.rules' || n.startsWith('cap.t.'));

  if (method === 'kmeans') {
    for (const n of ruleNames) ig(n, get(n) ?? '', 'unknown');
    const k = get('cap.k');
    if (k === null) ig('cap.k', '', 'missing');
    else if (!INT_PATTERN.test(k)) ig('cap.k', k, 'malformed');
    else if (Number(k) < K_MIN || Number(k) > K_MAX) ig('cap.k', k, 'range');
    else state.kmeans.k = Number(k);
    const f = get('cap.features');
    if (f === null) ig('cap.features', '', 'missing');
    else {
      const list = f.split(',').map((x) => x.trim());
      const ok =
        list.length >= 1 &&
        list.every((x) => (KMEANS_FEATURES as readonly string[]).includes(x)) &&
        new Set(list).size === list.length;
      if (ok) state.kmeans.features = list as KMeansFeature[];
      else ig('cap.features', f, 'malformed');
    }
    const s = get('cap.kseed');
    if (s === null) ig('cap.kseed', '', 'missing');
    else if (!INT_PATTERN.test(s)) ig('cap.kseed', s, 'malformed');
    else if (Number(s) < SEED_MIN || Number(s) > SEED_MAX) ig('cap.kseed', s, 'range');
    else state.kmeans.seed = Number(s);
    return { spec: stateToSpec(state), ignored, present };
  }

  for (const n of kmeansNames) if (q.has(n)) ig(n, get(n) ?? '', 'unknown');
  const list = get('cap.rules');
  if (list !== null) {
    const keys = list === '' ? [] : list.split(',').map((x) => x.trim());
    const ok = keys.every((x) => RULE_KEYS.includes(x)) && new Set(keys).size === keys.length;
    if (ok) {
      const byKey = new Map(state.rules.map((r) => [r.key, r]));
      const on = keys.map((x) => ({ ...byKey.get(x)!, enabled: true }));
      const off = RULE_KEYS.filter((x) => !keys.includes(x)).map((x) => ({ ...byKey.get(x)!, enabled: false }));
      state.rules = [...on, ...off];
    } else ig('cap.rules', list, 'malformed');
  }
  for (const n of names.filter((x) => x.startsWith('cap.t.'))) {
    const raw = get(n) ?? '';
    const t = THRESHOLDS.find((x) => thresholdParam(x) === n);
    if (!t) {
      ig(n, raw, 'unknown');
      continue;
    }
    if (!NUMBER_PATTERN.test(raw.trim())) {
      ig(n, raw, 'malformed');
      continue;
    }
    const chk = checkThreshold(t, Number(raw.trim()));
    if (!chk.ok) {
      ig(n, raw, chk.reason);
      continue;
    }
    const r = state.rules.find((x) => x.key === t.rule)!;
    r.values[t.cond] = chk.value;
  }
  return { spec: stateToSpec(state), ignored, present };
}

/** Same spec? (compares the share-link encoding, which is canonical) */
export function sameSpec(a: SegmentationSpec, b: SegmentationSpec): boolean {
  return JSON.stringify(encodeSpec(a)) === JSON.stringify(encodeSpec(b));
}

// ---------------------------------------------------------------------------------------------
// k-means animation helpers


/**
 * Pulls k-means steps from the engine's generator (kmeansSteps) in time slices, so the main thread
 * is never blocked for long: `pull(budgetMs)` takes at least one step, then more while the elapsed
 * time stays under the budget. One Lloyd iteration on 20,000 customers × 23 features × k = 8 takes
 * about 10–15 ms in Node 20 (the first, with seeding, about 30 ms).
 */
export class StepBuffer {
  readonly steps: KMeansStep[] = [];
  done = false;
  error: unknown = null;
  constructor(
    private readonly gen: Iterator<KMeansStep, void, undefined>,
    private readonly now: () => number = () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  ) {}

  /** Pulls steps for about `budgetMs`; returns how many were added. */
  pull(budgetMs: number): number {
    if (this.done) return 0;
    const t0 = this.now();
    let added = 0;
    do {
      let r: IteratorResult<KMeansStep, void>;
      try {
        r = this.gen.next();
      } catch (e) {
        this.error = e;
        this.done = true;
        break;
      }
      if (r.done) {
        this.done = true;
        break;
      }
      this.steps.push(r.value);
      added++;
    } while (this.now() - t0 < budgetMs);
    return added;
  }

  /** Pulls everything (tests and the no-animation path of small data). */
  drain(): void {
    while (!this.done) this.pull(Number.POSITIVE_INFINITY);
  }
}

/** Raw value (CustomerTable units) of a k-means feature for customer i; channel features are 0/1. */
export function featureValue(company: Company, f: KMeansFeature, i: number): number {
  const c = company.customers;
  const ch = (CHANNEL_FEATURES as readonly string[]).indexOf(f);
  if (ch >= 0) return c.channel[i] === ch ? 1 : 0;
  return c[f as Exclude<KMeansFeature, (typeof CHANNEL_FEATURES)[number]>][i];
}

export function isLogFeature(f: KMeansFeature): boolean {
  return LOG_FEATURES.includes(f);
}

/** Cluster sizes of a labelling (k clusters). */
export function clusterSizes(labels: ArrayLike<number>, k: number): number[] {
  const s = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) if (labels[i] < k) s[labels[i]]++;
  return s;
}

/**
 * Rank of each cluster by size, largest first, ties by index: rank[c] = 0 for the largest cluster.
 * The same numbering as the engine's segmentByKMeans ("Cluster 1" = largest).
 */
export function clusterRanks(sizes: readonly number[]): number[] {
  const order = sizes.map((_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rank = new Array<number>(sizes.length).fill(0);
  order.forEach((c, i) => (rank[c] = i));
  return rank;
}

/**
 * What makes a cluster stand out: the features whose centroid z-score is furthest from 0 (the
 * customer average), at most `max`, only when |z| ≥ `minZ` (half a standard deviation by default).
 */
export function clusterProfile(centroid: readonly number[], features: readonly KMeansFeature[], max = 2, minZ = 0.5): { feature: KMeansFeature; high: boolean; z: number }[] {
  return features
    .map((feature, j) => ({ feature, z: centroid[j] ?? 0, high: (centroid[j] ?? 0) > 0 }))
    .filter((x) => Number.isFinite(x.z) && Math.abs(x.z) >= minZ)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .slice(0, max);
}
