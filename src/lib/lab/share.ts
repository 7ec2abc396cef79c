/**
 * Share links: a LabState as URL search parameters, and back.
 *
 *   ?lab=value&seed=42&p.scheme=abc&p.a=0.8&p.b=0.95&s.A=r_0.98_r_p_p_s_0
 *
 * - `lab` names the lens, so several labs on one page never read each other's state;
 * - `seed` the company seed (integer 0..999999);
 * - `p.<control>` every editable control (multi-selects comma-separated);
 * - `s.<segment>` a segment strategy the learner changed: supply chain (e|r), service level,
 *   fulfilment (c|r), delivery (s|p), service (s|p), product (s|c), discount.
 *
 * Decoding never throws: a missing, unknown, malformed, out-of-range or locked parameter is replaced
 * by its safe default and listed in `ignored` (with the reason), which the lab shows as a notice.
 */
import type { SegmentStrategy } from '@sim/types';
import { coerceValue, isValidValue, stepDecimals, type ControlDef, type ParamValue } from './controls';
import { editableControls, getLens } from './lenses';
import {
  DISCOUNT_CONTROL,
  SEED_MAX,
  SEED_MIN,
  SERVICE_LEVEL_CONTROL,
  clampStrategy,
  defaultState,
  isLens,
  normaliseState,
  type LabState,
  type LensId,
} from './state';

export type IgnoreReason = 'missing' | 'unknown' | 'malformed' | 'range' | 'locked';

export interface Ignored {
  /** the URL parameter, e.g. "p.a" or "seed" */
  param: string;
  /** what the link said (truncated), '' when missing */
  value: string;
  reason: IgnoreReason;
}

export interface Decoded {
  /** true when the query carries a link for this lens (lab=<lens>) */
  present: boolean;
  state: LabState;
  ignored: Ignored[];
}

const CODES = {
  supplyChain: { efficient: 'e', responsive: 'r' },
  fulfilment: { central: 'c', regional: 'r' },
  delivery: { standard: 's', priority: 'p' },
  service: { standard: 's', premium: 'p' },
  product: { standard: 's', customised: 'c' },
} as const;

const KEY_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;
const MAX_PARAMS = 64;

function fmt(c: ControlDef, v: ParamValue): string {
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'number' && c.kind === 'range') return fmtNum(v, c.step);
  return String(v);
}

function fmtNum(x: number, step: number): string {
  return String(Number(x.toFixed(stepDecimals(step))));
}

/** A strategy as one share-link value, e.g. "r_0.98_r_p_p_s_0" (also used by the chapter islands). */
export function encodeStrategy(s: SegmentStrategy): string {
  return [
    CODES.supplyChain[s.supplyChain],
    fmtNum(s.serviceLevel, SERVICE_LEVEL_CONTROL.step),
    CODES.fulfilment[s.fulfilment],
    CODES.delivery[s.delivery],
    CODES.service[s.service],
    CODES.product[s.product],
    fmtNum(s.discount, DISCOUNT_CONTROL.step),
  ].join('_');
}

/** The search parameters of a state (normalised first, so the link is always valid). */
export function encodeState(input: LabState): URLSearchParams {
  const state = normaliseState(input);
  const lens = getLens(state.lens);
  const editable = editableControls(state.lens, state.editable);
  const q = new URLSearchParams();
  q.set('lab', state.lens);
  q.set('seed', String(state.seed));
  for (const c of lens.controls) if (editable.includes(c.id)) q.set(`p.${c.id}`, fmt(c, state.params[c.id]));
  for (const key of Object.keys(state.strategies).sort()) q.set(`s.${key}`, encodeStrategy(state.strategies[key]));
  return q;
}

/** Full share URL for the page at `href` (its own query and hash replaced). */
export function shareUrl(href: string, state: LabState): string {
  const u = new URL(href);
  u.search = encodeState(state).toString();
  u.hash = `lab-${state.lens}`;
  return u.toString();
}

const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

function decodeCode<T extends string>(map: Record<T, string>, code: string | undefined): T | null {
  for (const [k, v] of Object.entries(map) as [T, string][]) if (v === code) return k;
  return null;
}

/** Parse a strategy value; null = malformed, 'range' = a number outside the lab's lever range. */
export function decodeStrategy(value: string): SegmentStrategy | null | 'range' {
  const parts = value.split('_');
  if (parts.length !== 7) return null;
  const supplyChain = decodeCode(CODES.supplyChain, parts[0]);
  const fulfilment = decodeCode(CODES.fulfilment, parts[2]);
  const delivery = decodeCode(CODES.delivery, parts[3]);
  const service = decodeCode(CODES.service, parts[4]);
  const product = decodeCode(CODES.product, parts[5]);
  if (!supplyChain || !fulfilment || !delivery || !service || !product) return null;
  if (!NUMBER_PATTERN.test(parts[1]) || !NUMBER_PATTERN.test(parts[6])) return null;
  const serviceLevel = Number(parts[1]);
  const discount = Number(parts[6]);
  if (serviceLevel < SERVICE_LEVEL_CONTROL.min || serviceLevel > SERVICE_LEVEL_CONTROL.max) return 'range';
  if (discount < DISCOUNT_CONTROL.min || discount > DISCOUNT_CONTROL.max) return 'range';
  return clampStrategy({ supplyChain, serviceLevel, fulfilment, delivery, service, product, discount });
}

/** Parse one control value from text; null = malformed, 'range' = a number outside [min, max]. */
function decodeControl(c: ControlDef, raw: string): ParamValue | null | 'range' {
  if (c.kind === 'range') {
    if (!NUMBER_PATTERN.test(raw.trim())) return null;
    const v = Number(raw);
    if (!Number.isFinite(v)) return null;
    if (v < c.min - 1e-9 || v > c.max + 1e-9) return 'range';
    return coerceValue(c, v); // snaps an off-grid value to the nearest step
  }
  if (c.kind === 'select') return c.options.includes(raw) ? raw : null;
  const items = raw.split(',').filter((x) => x !== '');
  return isValidValue(c, items) ? items : null;
}

/**
 * The state a query asks for, for the lab of `lens`. Without `lab=<lens>` the result is the
 * default state with nothing ignored (the query belongs to another lab or to nobody).
 */
export function decodeState(search: string | URLSearchParams, lens: LensId, fallbackSeed?: number, declaredEditable?: readonly string[]): Decoded {
  const base = defaultState(lens, fallbackSeed, declaredEditable);
  let q: URLSearchParams;
  try {
    q = typeof search === 'string' ? new URLSearchParams(search) : search;
  } catch {
    return { present: false, state: base, ignored: [] };
  }
  if (q.get('lab') !== lens || !isLens(lens)) return { present: false, state: base, ignored: [] };
  const cfg = getLens(lens);
  const editable = editableControls(lens, declaredEditable);
  const ignored: Ignored[] = [];
  const state: LabState = { ...base, params: { ...base.params }, strategies: {} };
  const seen = new Set<string>();
  let count = 0;
  for (const [key, rawValue] of q) {
    if (key === 'lab') continue;
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
    if (key === 'seed') {
      if (!/^\d{1,7}$/.test(value)) ignored.push({ param: 'seed', value: short(rawValue), reason: 'malformed' });
      else if (Number(value) < SEED_MIN || Number(value) > SEED_MAX) ignored.push({ param: 'seed', value: short(rawValue), reason: 'range' });
      else state.seed = Number(value);
      continue;
    }
    if (key.startsWith('p.')) {
      const id = key.slice(2);
      const c = cfg.controls.find((x) => x.id === id);
      if (!c) {
        ignored.push({ param: short(key), value: short(rawValue), reason: 'unknown' });
        continue;
      }
      if (!editable.includes(id)) {
        ignored.push({ param: key, value: short(rawValue), reason: 'locked' });
        continue;
      }
      const v = decodeControl(c, value);
      if (v === null || v === 'range') ignored.push({ param: key, value: short(rawValue), reason: v === null ? 'malformed' : 'range' });
      else state.params[id] = v;
      continue;
    }
    if (key.startsWith('s.')) {
      const seg = key.slice(2);
      if (!KEY_PATTERN.test(seg)) {
        ignored.push({ param: short(key), value: short(rawValue), reason: 'malformed' });
        continue;
      }
      const s = decodeStrategy(value);
      if (s === null || s === 'range') ignored.push({ param: key, value: short(rawValue), reason: s === null ? 'malformed' : 'range' });
      else state.strategies[seg] = s;
      continue;
    }
    ignored.push({ param: short(key), value: short(rawValue), reason: 'unknown' });
  }
  if (!seen.has('seed')) ignored.push({ param: 'seed', value: '', reason: 'missing' });
  for (const c of cfg.controls) {
    if (editable.includes(c.id) && !seen.has(`p.${c.id}`)) ignored.push({ param: `p.${c.id}`, value: '', reason: 'missing' });
  }
  // Cross-control consistency is guaranteed by the control ranges (e.g. ABC a < b); normalise anyway.
  return { present: true, state: normaliseState(state), ignored };
}
