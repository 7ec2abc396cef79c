/**
 * Filter, search, sort and page a columnar customer table without building one object per record.
 * Every function takes typed arrays (or plain arrays) indexed by customer and returns an index array
 * (Uint32Array of customer indices), so the list view can show 20,000 customers and only materialise
 * the few rows on screen. Pure TypeScript: no DOM, no Svelte.
 *
 * Ordering rules (documented because a CRM list must be predictable):
 *  - filters are ANDed; search terms (split on white space) are ANDed, each a case-insensitive
 *    substring match after Unicode NFKC normalisation (full-width "ＫＣ" finds "KC");
 *  - sorting is total and stable: equal keys keep their input order; NaN keys go last in both directions.
 */

/** The search box accepts at most this many characters (longer text is cut and the view says so). */
export const MAX_SEARCH_LENGTH = 200;

export type Market = 'all' | 'domestic' | 'international';
export const MARKETS: readonly Market[] = ['all', 'domestic', 'international'];
export type SortDir = 'asc' | 'desc';

export interface CrmFilter {
  /** free text (id, name, industry, region); '' = no search */
  search: string;
  /** region code or null for all */
  region: number | null;
  industry: number | null;
  channel: number | null;
  market: Market;
  /** annual revenue bounds, USD per year, inclusive; null = open */
  revenueMin: number | null;
  revenueMax: number | null;
}

export interface CrmQuery extends CrmFilter {
  /** column key to sort by, or null for the natural (account number) order */
  sortKey: string | null;
  sortDir: SortDir;
}

export const EMPTY_QUERY: CrmQuery = {
  search: '',
  region: null,
  industry: null,
  channel: null,
  market: 'all',
  revenueMin: null,
  revenueMax: null,
  sortKey: null,
  sortDir: 'asc',
};

/** The columns filters read. `CustomerTable` from the engine satisfies it. */
export interface FilterColumns {
  n: number;
  region: ArrayLike<number>;
  industry: ArrayLike<number>;
  channel: ArrayLike<number>;
  international: ArrayLike<number>;
  annualRevenue: ArrayLike<number>;
}

/** Normalised search text: NFKC, lower case, white space collapsed, cut to `max` characters. */
export function normaliseSearch(text: unknown, max = MAX_SEARCH_LENGTH): { text: string; truncated: boolean } {
  const raw = typeof text === 'string' ? text : '';
  const truncated = raw.length > max;
  // cut before normalising so a huge paste never costs more than `max` characters of work;
  // do not split a surrogate pair
  let cut = truncated ? raw.slice(0, max) : raw;
  if (truncated && /[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const normalised = cut.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return { text: normalised, truncated };
}

/** Normalises one row's searchable text the same way as the query (without the length cut). */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

const isCode = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 256;
const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Turns anything (a prop, a parsed link) into a valid query; unknown or malformed fields fall back to
 * the empty query's value. `sortKeys` lists the sortable column keys.
 */
export function sanitiseQuery(input: unknown, sortKeys: readonly string[]): CrmQuery {
  const q: CrmQuery = { ...EMPTY_QUERY };
  if (typeof input !== 'object' || input === null) return q;
  const o = input as Record<string, unknown>;
  q.search = typeof o.search === 'string' ? o.search.slice(0, MAX_SEARCH_LENGTH) : '';
  if (isCode(o.region)) q.region = o.region;
  if (isCode(o.industry)) q.industry = o.industry;
  if (isCode(o.channel)) q.channel = o.channel;
  if (typeof o.market === 'string' && (MARKETS as readonly string[]).includes(o.market)) q.market = o.market as Market;
  if (isAmount(o.revenueMin)) q.revenueMin = o.revenueMin;
  if (isAmount(o.revenueMax)) q.revenueMax = o.revenueMax;
  if (q.revenueMin !== null && q.revenueMax !== null && q.revenueMin > q.revenueMax) {
    [q.revenueMin, q.revenueMax] = [q.revenueMax, q.revenueMin];
  }
  if (typeof o.sortKey === 'string' && sortKeys.includes(o.sortKey)) q.sortKey = o.sortKey;
  if (o.sortDir === 'desc') q.sortDir = 'desc';
  return q;
}

/**
 * Indices (ascending) of the rows that pass every filter. `searchText[i]` is row i's searchable text
 * already passed through `searchKey` (may be null when `filter.search` is empty).
 */
export function filterRows(data: FilterColumns, searchText: readonly string[] | null, filter: CrmFilter): Uint32Array {
  const n = Math.max(0, Math.floor(data.n));
  const terms = normaliseSearch(filter.search).text.split(' ').filter((s) => s.length > 0);
  const useSearch = terms.length > 0 && searchText !== null;
  const { region, industry, channel, market, revenueMin, revenueMax } = filter;
  const lo = revenueMin !== null && Number.isFinite(revenueMin) ? revenueMin : -Infinity;
  const hi = revenueMax !== null && Number.isFinite(revenueMax) ? revenueMax : Infinity;
  const out = new Uint32Array(n);
  let m = 0;
  rows: for (let i = 0; i < n; i++) {
    if (region !== null && data.region[i] !== region) continue;
    if (industry !== null && data.industry[i] !== industry) continue;
    if (channel !== null && data.channel[i] !== channel) continue;
    if (market === 'domestic' && data.international[i] === 1) continue;
    if (market === 'international' && data.international[i] !== 1) continue;
    const rev = data.annualRevenue[i];
    if (rev < lo || rev > hi) continue;
    if (useSearch) {
      const s = searchText[i] ?? '';
      for (const term of terms) if (!s.includes(term)) continue rows;
    }
    out[m++] = i;
  }
  return out.slice(0, m);
}

/**
 * Ranks strings with a collator: rank[i] is the position of values[i] among the distinct values in
 * collation order (equal strings share a rank). Lets text columns sort as numbers.
 */
export function rankStrings(values: readonly string[], collator: Intl.Collator): Float64Array {
  const distinct = [...new Set(values)].sort(collator.compare);
  const rankOf = new Map<string, number>();
  distinct.forEach((v, k) => rankOf.set(v, k));
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = rankOf.get(values[i]) ?? 0;
  return out;
}

/**
 * Sorts `indices` by `key[index]` in the given direction and returns a new array (the input is not
 * changed). Stable (ties keep their input order) and total (NaN keys last in both directions).
 */
export function sortRows(indices: ArrayLike<number>, key: ArrayLike<number>, dir: SortDir = 'asc'): Uint32Array {
  const m = indices.length;
  const sign = dir === 'desc' ? -1 : 1;
  const k = new Float64Array(m);
  for (let p = 0; p < m; p++) k[p] = Number(key[indices[p]]);
  const pos = new Uint32Array(m);
  for (let p = 0; p < m; p++) pos[p] = p;
  pos.sort((a, b) => {
    const ka = k[a];
    const kb = k[b];
    const na = ka !== ka; // NaN check without a call
    const nb = kb !== kb;
    if (na || nb) return na === nb ? a - b : na ? 1 : -1;
    if (ka !== kb) return ka < kb ? -sign : sign;
    return a - b;
  });
  const out = new Uint32Array(m);
  for (let p = 0; p < m; p++) out[p] = indices[pos[p]];
  return out;
}

/** The window of rows [start, end) for a page or a scroll position, clamped to the data. */
export function paginate(total: number, start: number, count: number): { start: number; end: number } {
  const t = Math.max(0, Math.floor(Number.isFinite(total) ? total : 0));
  const c = Math.max(0, Math.floor(Number.isFinite(count) ? count : 0));
  const s = Math.min(Math.max(0, Math.floor(Number.isFinite(start) ? start : 0)), Math.max(0, t - 1));
  return { start: t === 0 ? 0 : s, end: t === 0 ? 0 : Math.min(t, s + c) };
}

/** Filter then sort in one call: the index array the view shows. */
export function runQuery(
  data: FilterColumns,
  searchText: readonly string[] | null,
  query: CrmQuery,
  sortKeyOf: (key: string) => ArrayLike<number> | null,
): Uint32Array {
  const rows = filterRows(data, searchText, query);
  if (query.sortKey === null) return query.sortDir === 'desc' ? rows.reverse() : rows;
  const key = sortKeyOf(query.sortKey);
  return key ? sortRows(rows, key, query.sortDir) : rows;
}
