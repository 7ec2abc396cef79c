/**
 * State of the CRM data-quality lab (src/components/crmdata/CrmDataLab.svelte) and its URL codec.
 *
 *   ?crm.seed=42&crm.dup=20&crm.rev=5&crm.date=10&crm.reg=20&crm.lapsed=20&crm.fix=labels,dedupe&crm.missing=median
 *
 * Every parameter is namespaced `crm.` so the lab never reads another island's state. Shares are
 * whole percentages 0..50. `crm.fix` lists the cleaning steps switched on (labels, dedupe, stale;
 * empty = none); `crm.missing` is keep | median | drop. Decoding never throws: missing, unknown,
 * malformed or out-of-range values fall back to the default and are listed in `ignored`.
 */
import type { IgnoreReason } from '../lab/share';

export interface CrmDataState {
  /** company seed, integer 0..999999 */
  seed: number;
  /** degradation shares in whole percent, 0..50 */
  dup: number;
  rev: number;
  date: number;
  reg: number;
  lapsed: number;
  labels: boolean;
  dedupe: boolean;
  stale: boolean;
  missing: 'keep' | 'median' | 'drop';
}

export interface CrmIgnored {
  param: string;
  value: string;
  reason: IgnoreReason;
}

export const SHARE_KEYS = ['dup', 'rev', 'date', 'reg', 'lapsed'] as const;
export type ShareKey = (typeof SHARE_KEYS)[number];
export const FIX_STEPS = ['labels', 'dedupe', 'stale'] as const;
export const MISSING_OPTIONS = ['keep', 'median', 'drop'] as const;
export const SEED_MAX = 999_999;
export const SHARE_MAX = 50;
export const PREFIX = 'crm.';

export function defaultCrmState(seed = 42): CrmDataState {
  return { seed, dup: 20, rev: 5, date: 10, reg: 20, lapsed: 20, labels: false, dedupe: false, stale: false, missing: 'keep' };
}

const INT = /^\d{1,7}$/;
const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

/** The state as URL search parameters (only crm.* keys). */
export function encodeCrmState(s: CrmDataState): URLSearchParams {
  const p = new URLSearchParams();
  p.set(`${PREFIX}seed`, String(s.seed));
  for (const k of SHARE_KEYS) p.set(`${PREFIX}${k}`, String(s[k]));
  p.set(`${PREFIX}fix`, FIX_STEPS.filter((f) => s[f]).join(','));
  p.set(`${PREFIX}missing`, s.missing);
  return p;
}

/** A share link: the page URL with this lab's parameters replaced (other islands' parameters kept). */
export function crmShareUrl(href: string, s: CrmDataState): string {
  const u = new URL(href);
  for (const k of [...u.searchParams.keys()]) if (k.startsWith(PREFIX)) u.searchParams.delete(k);
  for (const [k, v] of encodeCrmState(s)) u.searchParams.set(k, v);
  u.hash = 'crm-data-lab';
  return u.toString();
}

/**
 * Decode the crm.* parameters of a query string. Without any crm.* parameter the defaults are
 * returned silently; otherwise every parameter that is absent or unusable is reported.
 */
export function decodeCrmState(search: string, defaultSeed = 42): { state: CrmDataState; ignored: CrmIgnored[] } {
  const state = defaultCrmState(defaultSeed);
  const ignored: CrmIgnored[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state, ignored };
  }
  const own = [...params.keys()].filter((k) => k.startsWith(PREFIX));
  if (own.length === 0) return { state, ignored };
  const known = new Set([`${PREFIX}seed`, ...SHARE_KEYS.map((k) => `${PREFIX}${k}`), `${PREFIX}fix`, `${PREFIX}missing`]);
  for (const k of new Set(own)) if (!known.has(k)) ignored.push({ param: short(k), value: short(params.get(k) ?? ''), reason: 'unknown' });

  const int = (key: string, max: number, set: (v: number) => void) => {
    const raw = params.get(`${PREFIX}${key}`);
    if (raw === null) return ignored.push({ param: `${PREFIX}${key}`, value: '', reason: 'missing' });
    if (!INT.test(raw)) return ignored.push({ param: `${PREFIX}${key}`, value: short(raw), reason: 'malformed' });
    const v = Number(raw);
    if (v > max) return ignored.push({ param: `${PREFIX}${key}`, value: short(raw), reason: 'range' });
    set(v);
  };
  int('seed', SEED_MAX, (v) => (state.seed = v));
  for (const k of SHARE_KEYS) int(k, SHARE_MAX, (v) => (state[k] = v));

  const fix = params.get(`${PREFIX}fix`);
  if (fix === null) ignored.push({ param: `${PREFIX}fix`, value: '', reason: 'missing' });
  else if (fix !== '') {
    const parts = fix.split(',');
    if (parts.some((x) => !(FIX_STEPS as readonly string[]).includes(x))) ignored.push({ param: `${PREFIX}fix`, value: short(fix), reason: 'malformed' });
    else for (const f of FIX_STEPS) state[f] = parts.includes(f);
  }
  const missing = params.get(`${PREFIX}missing`);
  if (missing === null) ignored.push({ param: `${PREFIX}missing`, value: '', reason: 'missing' });
  else if ((MISSING_OPTIONS as readonly string[]).includes(missing)) state.missing = missing as CrmDataState['missing'];
  else ignored.push({ param: `${PREFIX}missing`, value: short(missing), reason: 'malformed' });
  return { state, ignored };
}

/** Number of cleaning steps on (a missing-value rule other than keep counts as one). */
export function stepsOn(s: Pick<CrmDataState, 'labels' | 'dedupe' | 'stale' | 'missing'>): number {
  return (s.labels ? 1 : 0) + (s.dedupe ? 1 : 0) + (s.stale ? 1 : 0) + (s.missing !== 'keep' ? 1 : 0);
}
