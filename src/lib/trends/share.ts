/**
 * Share links of the trends lab: its state as `trends.*` query parameters, and back.
 *
 *   ?trends.f=0.3&trends.domestic=ecp&trends.international=ers
 *
 * - `trends.f`: the digital lever (forecast improvement) 0..0.5, snapped to steps of 0.05;
 * - `trends.<segment>`: three letters, supply chain (e|r), fulfilment (c|r), delivery (s|p).
 *
 * Decoding never throws. Parameters of other islands (without the `trends.` prefix) are left alone.
 * When the query carries at least one `trends.` parameter, every missing, unknown, malformed or
 * out-of-range one is replaced by the starting plan's value and listed in `ignored`.
 */
import type { Ignored } from '../lab/share';
import {
  CHOICE_KEYS,
  DIGITAL_MAX,
  DIGITAL_MIN,
  START_STATE,
  TRENDS_SEGMENTS,
  cloneState,
  snapDigital,
  type SegmentChoice,
  type TrendsState,
} from './model';

export const PARAM_PREFIX = 'trends.';
export const PARAM_DIGITAL = 'trends.f';
export const SHARE_HASH = 'trends-lab';

const CODES: { [K in keyof SegmentChoice]: Record<SegmentChoice[K], string> } = {
  supplyChain: { efficient: 'e', responsive: 'r' },
  fulfilment: { central: 'c', regional: 'r' },
  delivery: { standard: 's', priority: 'p' },
};

const NUMBER = /^\d+(\.\d+)?$/;
const MAX_PARAMS = 16;
const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

export function encodeChoice(c: SegmentChoice): string {
  return CHOICE_KEYS.map((k) => (CODES[k] as Record<string, string>)[c[k]]).join('');
}

export function decodeChoice(code: string): SegmentChoice | null {
  if (!/^[a-z]{3}$/.test(code)) return null;
  const out: Partial<Record<keyof SegmentChoice, string>> = {};
  for (let i = 0; i < CHOICE_KEYS.length; i++) {
    const k = CHOICE_KEYS[i];
    const hit = Object.entries(CODES[k] as Record<string, string>).find(([, v]) => v === code[i]);
    if (!hit) return null;
    out[k] = hit[0];
  }
  return out as SegmentChoice;
}

export function encodeTrends(state: TrendsState): URLSearchParams {
  const q = new URLSearchParams();
  q.set(PARAM_DIGITAL, String(snapDigital(state.digital)));
  for (const k of TRENDS_SEGMENTS) q.set(`${PARAM_PREFIX}${k}`, encodeChoice(state.segments[k]));
  return q;
}

/** The page URL with this lab's parameters replaced (other islands' parameters kept), anchored at the lab. */
export function trendsShareUrl(href: string, state: TrendsState): string {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    u = new URL('http://localhost/');
  }
  for (const key of [...u.searchParams.keys()]) if (key.startsWith(PARAM_PREFIX)) u.searchParams.delete(key);
  for (const [k, v] of encodeTrends(state)) u.searchParams.set(k, v);
  u.hash = SHARE_HASH;
  return u.toString();
}

export interface TrendsDecoded {
  /** true when the query has at least one trends.* parameter */
  present: boolean;
  state: TrendsState;
  ignored: Ignored[];
}

export function decodeTrends(search: string | URLSearchParams): TrendsDecoded {
  const state = cloneState(START_STATE);
  let q: URLSearchParams;
  try {
    q = typeof search === 'string' ? new URLSearchParams(search) : search;
  } catch {
    return { present: false, state, ignored: [] };
  }
  const ignored: Ignored[] = [];
  const seen = new Set<string>();
  let count = 0;
  for (const [key, raw] of q) {
    if (!key.startsWith(PARAM_PREFIX)) continue;
    if (++count > MAX_PARAMS) {
      ignored.push({ param: short(key), value: short(raw), reason: 'unknown' });
      continue;
    }
    if (seen.has(key)) {
      ignored.push({ param: short(key), value: short(raw), reason: 'malformed' });
      continue;
    }
    seen.add(key);
    const value = raw.trim();
    if (key === PARAM_DIGITAL) {
      if (!NUMBER.test(value)) ignored.push({ param: key, value: short(raw), reason: 'malformed' });
      else if (Number(value) < DIGITAL_MIN - 1e-9 || Number(value) > DIGITAL_MAX + 1e-9) ignored.push({ param: key, value: short(raw), reason: 'range' });
      else state.digital = snapDigital(Number(value));
      continue;
    }
    const seg = key.slice(PARAM_PREFIX.length);
    if ((TRENDS_SEGMENTS as readonly string[]).includes(seg)) {
      const c = decodeChoice(value);
      if (c) state.segments[seg as (typeof TRENDS_SEGMENTS)[number]] = c;
      else ignored.push({ param: key, value: short(raw), reason: 'malformed' });
      continue;
    }
    ignored.push({ param: short(key), value: short(raw), reason: 'unknown' });
  }
  const present = count > 0;
  if (present) {
    for (const key of [PARAM_DIGITAL, ...TRENDS_SEGMENTS.map((k) => `${PARAM_PREFIX}${k}`)]) {
      if (!seen.has(key)) ignored.push({ param: key, value: '', reason: 'missing' });
    }
  }
  return { present, state, ignored };
}
