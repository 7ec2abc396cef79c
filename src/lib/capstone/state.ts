/**
 * The capstone's complete state (company seed, customers, scenario preset, segmentation spec and the
 * strategies the learner set) and its share-link codec. Every parameter starts with "cap." so the
 * capstone never reads another island's parameters:
 *
 *   ?cap.scenario=demand-shock&cap.customers=2000&cap.seed=42&cap.method=kmeans&cap.k=5&…&cap.s.cluster-1=r_0.98_c_p_s_s_0
 *
 * - cap.scenario: a ScenarioKey (simulations/simulate/scenarios.ts SCENARIO_KEYS), default none;
 * - cap.customers: 2000 or 20000, default 2000;
 * - cap.seed: the company seed, integer 0..999999, default the island's seed prop;
 * - the segment builder's parameters (cap.method, cap.rules, cap.t.*, cap.k, cap.features, cap.kseed:
 *   src/lib/capstone/builder.ts encodeSpec/decodeSpec);
 * - cap.s.<segmentKey>: a strategy the learner changed (src/lib/lab/share.ts encodeStrategy).
 * Decoding never throws: a missing, unknown, malformed or out-of-range value falls back to its default
 * and is listed in `ignored`, which the island shows with the shared Notice. Pure TypeScript: no DOM.
 */
import type { ScenarioKey, SegmentationSpec, SegmentStrategy } from '@sim/types';
import { SCENARIO_KEYS } from '@sim/simulate/scenarios';
import { DEFAULT_STRATEGY } from '@sim/strategy/levers';
import { decodeStrategy, encodeStrategy, type Ignored } from '../lab/share';
import { clampStrategy, sameStrategy } from '../lab/state';
import { decodeSpec, defaultSpec, encodeSpec, isBuilderParam } from './builder';

export const CUSTOMER_OPTIONS = [2000, 20000] as const;
export type CustomerCount = (typeof CUSTOMER_OPTIONS)[number];
export const DEFAULT_CUSTOMERS: CustomerCount = 2000;
export const SEED_MIN = 0;
export const SEED_MAX = 999_999;
export const DEFAULT_SEED = 42;

export interface CapState {
  seed: number;
  customers: CustomerCount;
  scenario: ScenarioKey;
  spec: SegmentationSpec;
  /** strategies the learner changed, by segment key; other segments run the one-size-fits-all default */
  strategies: Record<string, SegmentStrategy>;
}

export interface DecodedCap {
  /** true when the query carries any cap.* parameter */
  present: boolean;
  state: CapState;
  ignored: Ignored[];
}

const SEGMENT_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const MAX_PARAMS = 64;

export function isScenarioKey(v: unknown): v is ScenarioKey {
  return typeof v === 'string' && (SCENARIO_KEYS as readonly string[]).includes(v);
}

export function isCustomerCount(v: unknown): v is CustomerCount {
  return typeof v === 'number' && (CUSTOMER_OPTIONS as readonly number[]).includes(v);
}

export function clampSeed(v: unknown, fallback = DEFAULT_SEED): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= SEED_MIN && v <= SEED_MAX ? v : fallback;
}

export function defaultCapState(seed: number = DEFAULT_SEED): CapState {
  return { seed: clampSeed(seed), customers: DEFAULT_CUSTOMERS, scenario: 'none', spec: defaultSpec(), strategies: {} };
}

/** Strategies completed and clamped; those equal to the default (and keys that cannot be segment keys) dropped. */
export function normaliseStrategies(input: Record<string, Partial<SegmentStrategy>>): Record<string, SegmentStrategy> {
  const out: Record<string, SegmentStrategy> = {};
  for (const key of Object.keys(input).sort()) {
    if (!SEGMENT_KEY.test(key)) continue;
    const s = clampStrategy(input[key]);
    if (!sameStrategy(s, DEFAULT_STRATEGY)) out[key] = s;
  }
  return out;
}

/** The search parameters of a state, in a fixed order (the link is canonical). */
export function encodeCapState(state: CapState): [string, string][] {
  const out: [string, string][] = [
    ['cap.scenario', isScenarioKey(state.scenario) ? state.scenario : 'none'],
    ['cap.customers', String(isCustomerCount(state.customers) ? state.customers : DEFAULT_CUSTOMERS)],
    ['cap.seed', String(clampSeed(state.seed))],
    ...encodeSpec(state.spec),
  ];
  const strategies = normaliseStrategies(state.strategies);
  for (const key of Object.keys(strategies)) out.push([`cap.s.${key}`, encodeStrategy(strategies[key])]);
  return out;
}

/** Full share URL: the page at `href` with its own cap.* parameters replaced (other parameters kept). */
export function capShareUrl(href: string, state: CapState, hash = 'capstone'): string {
  const u = new URL(href);
  for (const name of [...new Set(u.searchParams.keys())]) if (name.startsWith('cap.')) u.searchParams.delete(name);
  for (const [k, v] of encodeCapState(state)) u.searchParams.append(k, v);
  u.hash = hash;
  return u.toString();
}

const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

/**
 * The state a query asks for. Without any cap.* parameter: the default state, nothing ignored.
 * Parameters the link leaves out take their defaults silently (a link may name only what it changes,
 * e.g. ?cap.scenario=demand-shock or ?cap.method=kmeans&cap.k=5).
 */
export function decodeCapState(search: string | URLSearchParams, fallbackSeed: number = DEFAULT_SEED): DecodedCap {
  const state = defaultCapState(fallbackSeed);
  let q: URLSearchParams;
  try {
    q = typeof search === 'string' ? new URLSearchParams(search) : search;
  } catch {
    return { present: false, state, ignored: [] };
  }
  const names = [...q.keys()].filter((k) => k.startsWith('cap.'));
  if (names.length === 0) return { present: false, state, ignored: [] };
  const ignored: Ignored[] = [];
  const seen = new Set<string>();
  const strategies: Record<string, SegmentStrategy> = {};
  const builderQuery = new URLSearchParams();
  let count = 0;
  for (const [key, rawValue] of q) {
    if (!key.startsWith('cap.')) continue;
    if (seen.has(key)) {
      ignored.push({ param: short(key), value: short(rawValue), reason: 'malformed' });
      continue;
    }
    seen.add(key);
    if (++count > MAX_PARAMS) {
      ignored.push({ param: short(key), value: short(rawValue), reason: 'unknown' });
      continue;
    }
    const value = rawValue.trim();
    if (isBuilderParam(key)) {
      builderQuery.append(key, rawValue);
      continue;
    }
    if (key === 'cap.scenario') {
      if (isScenarioKey(value)) state.scenario = value;
      else ignored.push({ param: key, value: short(rawValue), reason: 'unknown' });
      continue;
    }
    if (key === 'cap.customers') {
      if (!/^\d{1,7}$/.test(value)) ignored.push({ param: key, value: short(rawValue), reason: 'malformed' });
      else if (!isCustomerCount(Number(value))) ignored.push({ param: key, value: short(rawValue), reason: 'range' });
      else state.customers = Number(value) as CustomerCount;
      continue;
    }
    if (key === 'cap.seed') {
      if (!/^\d{1,7}$/.test(value)) ignored.push({ param: key, value: short(rawValue), reason: 'malformed' });
      else if (Number(value) < SEED_MIN || Number(value) > SEED_MAX) ignored.push({ param: key, value: short(rawValue), reason: 'range' });
      else state.seed = Number(value);
      continue;
    }
    if (key.startsWith('cap.s.')) {
      const seg = key.slice('cap.s.'.length);
      if (!SEGMENT_KEY.test(seg)) {
        ignored.push({ param: short(key), value: short(rawValue), reason: 'malformed' });
        continue;
      }
      const s = decodeStrategy(value);
      if (s === null || s === 'range') ignored.push({ param: key, value: short(rawValue), reason: s === null ? 'malformed' : 'range' });
      else strategies[seg] = s;
      continue;
    }
    ignored.push({ param: short(key), value: short(rawValue), reason: 'unknown' });
  }
  if ([...builderQuery.keys()].length > 0) {
    const decoded = decodeSpec(builderQuery);
    state.spec = decoded.spec;
    // A link may leave out the k-means features and seed (or k): their defaults apply without a notice.
    for (const item of decoded.ignored) {
      if (item.reason === 'missing' && item.param !== 'cap.method') continue;
      ignored.push({ param: item.param, value: item.value, reason: item.reason });
    }
  }
  state.strategies = normaliseStrategies(strategies);
  return { present: true, state, ignored };
}

/**
 * Strategies of the segments that exist in the current segmentation; a strategy for any other key
 * (a link made with another segmentation) is dropped and reported as unknown.
 */
export function keepKnownStrategies(strategies: Record<string, SegmentStrategy>, keys: readonly string[]): { strategies: Record<string, SegmentStrategy>; ignored: Ignored[] } {
  const out: Record<string, SegmentStrategy> = {};
  const ignored: Ignored[] = [];
  for (const [k, s] of Object.entries(strategies)) {
    if (keys.includes(k)) out[k] = s;
    else ignored.push({ param: short(`cap.s.${k}`), value: short(encodeStrategy(s)), reason: 'unknown' });
  }
  return { strategies: out, ignored };
}
