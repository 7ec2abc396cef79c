/**
 * State of the flexibility lab (chapter 09) and its share link.
 *
 *   ?flex.sc=shift-class&flex.wk=27&flex.sz=0.3&flex.buf=0.2&flex.pp=1&flex.ds=1&flex.fd=0
 *
 * - `flex.sc` the scenario: shift-class | shift-region | shock | none
 * - `flex.wk` the first week the scenario affects, on the chart's 1-based week axis (5..48); the engine's
 *   0-based start week is wk − 1 (the engine preset SCENARIOS['demand-shift'] starts at index 26, the 27th week)
 * - `flex.sz` size of the change, fraction 0.05..0.9: the share of demand that moves (shifts) or the
 *   rise of demand for new products (shock)
 * - `flex.buf` reserved capacity of the flexible plan, fraction 0..0.3 in steps of 0.05
 * - `flex.pp`, `flex.ds`, `flex.fd` postponement, dual sourcing, fast delivery for new products (1|0)
 *
 * The `flex.` prefix keeps this island's parameters apart from any other island on the page. Decoding
 * never throws: a missing, unknown, malformed or out-of-range parameter is replaced by its default and
 * listed (with the reason) for the lab's notice. For `none`, week and size are not used and not required.
 */
import type { Ignored } from '../lab/share';

export const SCENARIO_CHOICES = ['shift-class', 'shift-region', 'shock', 'none'] as const;
export type ScenarioChoice = (typeof SCENARIO_CHOICES)[number];

export interface FlexState {
  scenario: ScenarioChoice;
  /** first week the scenario affects, 1-based (chart axis), integer WEEK.min..WEEK.max */
  week: number;
  /** size of the change, fraction SIZE.min..SIZE.max */
  size: number;
  /** capacity buffer of the flexible plan, fraction BUFFER.min..BUFFER.max */
  buffer: number;
  postponement: boolean;
  dualSourcing: boolean;
  fastDelivery: boolean;
}

export interface RangeDef {
  min: number;
  max: number;
  step: number;
}

export const WEEK: RangeDef = { min: 5, max: 48, step: 1 };
export const SIZE: RangeDef = { min: 0.05, max: 0.9, step: 0.05 };
export const BUFFER: RangeDef = { min: 0, max: 0.3, step: 0.05 };

/**
 * Week and size each scenario starts from: the engine's presets (simulations/simulate/scenarios.ts),
 * demand-shift from week 26 (0-based) = week 27 here, 30 % moved; demand-shock from week 20 = week 21, +40 %.
 */
export const SCENARIO_DEFAULTS: Readonly<Record<ScenarioChoice, { week: number; size: number }>> = Object.freeze({
  'shift-class': { week: 27, size: 0.3 },
  'shift-region': { week: 27, size: 0.3 },
  shock: { week: 21, size: 0.4 },
  none: { week: 27, size: 0.3 },
});

export const DEFAULT_FLEX_STATE: Readonly<FlexState> = Object.freeze({
  scenario: 'shift-class',
  week: 27,
  size: 0.3,
  buffer: 0.2,
  postponement: true,
  dualSourcing: true,
  fastDelivery: false,
});

export const PARAMS = {
  scenario: 'flex.sc',
  week: 'flex.wk',
  size: 'flex.sz',
  buffer: 'flex.buf',
  postponement: 'flex.pp',
  dualSourcing: 'flex.ds',
  fastDelivery: 'flex.fd',
} as const satisfies Record<keyof FlexState, string>;

export const PREFIX = 'flex.';

export function isScenarioChoice(v: unknown): v is ScenarioChoice {
  return typeof v === 'string' && (SCENARIO_CHOICES as readonly string[]).includes(v);
}

/** Number of decimals of a step (0.05 → 2). */
function decimals(step: number): number {
  const s = String(step);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Snap a finite number into [min, max] on the step grid (no float noise: 0.15000000000000002 → 0.15). */
export function snap(r: RangeDef, v: number): number {
  if (!Number.isFinite(v)) return r.min;
  const c = Math.min(r.max, Math.max(r.min, v));
  const k = Math.round((c - r.min) / r.step);
  return Number((r.min + k * r.step).toFixed(decimals(r.step)));
}

/** A state with every field valid (unknown scenario → default; numbers clamped and snapped). */
export function normaliseFlexState(s: Partial<FlexState>): FlexState {
  const d = DEFAULT_FLEX_STATE;
  return {
    scenario: isScenarioChoice(s.scenario) ? s.scenario : d.scenario,
    week: snap(WEEK, typeof s.week === 'number' ? s.week : d.week),
    size: snap(SIZE, typeof s.size === 'number' ? s.size : d.size),
    buffer: snap(BUFFER, typeof s.buffer === 'number' ? s.buffer : d.buffer),
    postponement: typeof s.postponement === 'boolean' ? s.postponement : d.postponement,
    dualSourcing: typeof s.dualSourcing === 'boolean' ? s.dualSourcing : d.dualSourcing,
    fastDelivery: typeof s.fastDelivery === 'boolean' ? s.fastDelivery : d.fastDelivery,
  };
}

/** The state after choosing another scenario: week and size move to that scenario's defaults. */
export function withScenario(s: FlexState, scenario: ScenarioChoice): FlexState {
  return { ...s, scenario, ...SCENARIO_DEFAULTS[scenario] };
}

/** The search parameters of a state (normalised first, so the link is always valid). */
export function encodeFlexState(input: FlexState): URLSearchParams {
  const s = normaliseFlexState(input);
  const q = new URLSearchParams();
  q.set(PARAMS.scenario, s.scenario);
  if (s.scenario !== 'none') {
    q.set(PARAMS.week, String(s.week));
    q.set(PARAMS.size, String(s.size));
  }
  q.set(PARAMS.buffer, String(s.buffer));
  q.set(PARAMS.postponement, s.postponement ? '1' : '0');
  q.set(PARAMS.dualSourcing, s.dualSourcing ? '1' : '0');
  q.set(PARAMS.fastDelivery, s.fastDelivery ? '1' : '0');
  return q;
}

/**
 * The share URL for the page at `href`: parameters of other islands are kept, this island's are
 * replaced, and the hash points at the lab.
 */
export function flexShareUrl(href: string, state: FlexState, anchor = 'flex-lab'): string {
  const u = new URL(href);
  for (const k of [...u.searchParams.keys()]) if (k.startsWith(PREFIX)) u.searchParams.delete(k);
  for (const [k, v] of encodeFlexState(state)) u.searchParams.set(k, v);
  u.hash = anchor;
  return u.toString();
}

export interface FlexDecoded {
  /** true when the query carries at least one `flex.` parameter */
  present: boolean;
  state: FlexState;
  ignored: Ignored[];
}

const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;
const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

function decodeNumber(raw: string, r: RangeDef, integer: boolean): number | 'malformed' | 'range' {
  const t = raw.trim();
  if (!NUMBER_PATTERN.test(t)) return 'malformed';
  const v = Number(t);
  if (!Number.isFinite(v)) return 'malformed';
  if (integer && !Number.isInteger(v)) return 'malformed';
  if (v < r.min - 1e-9 || v > r.max + 1e-9) return 'range';
  return snap(r, v); // an off-grid value snaps to the nearest step
}

function decodeBool(raw: string): boolean | 'malformed' {
  if (raw === '1') return true;
  if (raw === '0') return false;
  return 'malformed';
}

/** Read this island's state from a query string (or URLSearchParams). Never throws. */
export function decodeFlexState(search: string | URLSearchParams): FlexDecoded {
  let q: URLSearchParams;
  try {
    q = typeof search === 'string' ? new URLSearchParams(search) : search;
  } catch {
    q = new URLSearchParams();
  }
  const keys = [...q.keys()].filter((k) => k.startsWith(PREFIX));
  if (keys.length === 0) return { present: false, state: { ...DEFAULT_FLEX_STATE }, ignored: [] };

  const ignored: Ignored[] = [];
  const known = new Set<string>(Object.values(PARAMS));
  const seen = new Set<string>();
  for (const k of keys) {
    if (!known.has(k) && !seen.has(k)) ignored.push({ param: short(k), value: short(q.get(k) ?? ''), reason: 'unknown' });
    seen.add(k);
  }

  const state: FlexState = { ...DEFAULT_FLEX_STATE };
  const rawScenario = q.get(PARAMS.scenario);
  if (rawScenario === null) ignored.push({ param: PARAMS.scenario, value: '', reason: 'missing' });
  else if (isScenarioChoice(rawScenario)) Object.assign(state, withScenario(state, rawScenario));
  else ignored.push({ param: PARAMS.scenario, value: short(rawScenario), reason: 'malformed' });

  const numeric: [keyof Pick<FlexState, 'week' | 'size' | 'buffer'>, RangeDef, boolean][] = [
    ['week', WEEK, true],
    ['size', SIZE, false],
    ['buffer', BUFFER, false],
  ];
  for (const [field, range, integer] of numeric) {
    const param = PARAMS[field];
    const raw = q.get(param);
    const unused = state.scenario === 'none' && field !== 'buffer';
    if (raw === null) {
      if (!unused) ignored.push({ param, value: '', reason: 'missing' });
      continue;
    }
    const v = decodeNumber(raw, range, integer);
    if (typeof v === 'number') state[field] = v;
    else ignored.push({ param, value: short(raw), reason: v });
  }

  const flags: (keyof Pick<FlexState, 'postponement' | 'dualSourcing' | 'fastDelivery'>)[] = ['postponement', 'dualSourcing', 'fastDelivery'];
  for (const field of flags) {
    const param = PARAMS[field];
    const raw = q.get(param);
    if (raw === null) {
      ignored.push({ param, value: '', reason: 'missing' });
      continue;
    }
    const v = decodeBool(raw);
    if (typeof v === 'boolean') state[field] = v;
    else ignored.push({ param, value: short(raw), reason: v });
  }
  return { present: true, state: normaliseFlexState(state), ignored };
}
