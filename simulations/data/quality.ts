/**
 * Data quality of a CRM export: from a raw, dirty account list to segment-ready data.
 *
 * 1. `crmView(company)` is the account list as a clean CRM would hold it: one record per active
 *    customer, values rounded as a CRM stores them (revenue in whole USD per year, orders per year to
 *    0.1, weeks since the last order).
 * 2. `degrade(company, params, rng)` makes it dirty the way real exports are (see
 *    shared/reference-crm.md §4 and §6: duplicate accounts, blank cells, inconsistent labels,
 *    lapsed accounts never archived). Each `…Share` is an exact share (rounded to whole records).
 * 3. `clean(view, steps)` applies the cleaning steps the learner switches on, always in the same
 *    order: normalise labels → deduplicate → drop stale → handle missing values.
 * 4. `segmentView(company, view)` runs the value lens (ABC by revenue, segmentation/value.ts) on
 *    the records and maps the result back to the real customers, so `simulate()` can play the same
 *    plan on segments built from dirty and from clean data.
 *
 * Pure: randomness only from the `rng` passed in; inputs are never mutated. Every modelling choice
 * below that is not a published rule is marked TEACHING ASSUMPTION.
 */
import type { Company, Localized, Rng, Segmentation } from '../types';
import { EngineError, checkKnownKeys, checkNumber, checkObject, checkOneOf } from '../errors';
import { REGIONS } from '../company/regions';
import { customerCity, customerId, customerName, nameKey } from '../company/names';
import { EXPORT_REFERENCE_DATE, csvField } from '../company/crm-export';
import { abcClasses } from '../segmentation/value';
import { buildSegmentation, L } from '../segmentation/common';
import { adjustedRandIndex } from '../segmentation/ari';

export type DataLang = 'en' | 'zh-cn';

/**
 * TEACHING ASSUMPTION: an account with no order for more than 104 weeks (two years) before the
 * export date is stale (lapsed). The generator caps an active customer's recency at 104 weeks
 * (MODEL.md §1.4), so the rule separates lapsed from active accounts exactly when the date is known.
 */
export const STALE_AFTER_WEEKS = 104;

/** Record kinds: an active customer's own record, a duplicate account of it, a lapsed account. */
export const RECORD_KINDS = ['original', 'duplicate', 'stale'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface DegradeParams {
  /** share of active customers that have a second (duplicate) account record, 0..0.5 */
  duplicateShare: number;
  /** share of all records whose annual revenue is blank, 0..0.5 */
  missingRevenueShare: number;
  /** share of all records whose last-order date is blank, 0..0.5 */
  missingDateShare: number;
  /** share of all records whose region label is written in a non-standard way, 0..0.5 */
  inconsistentRegionShare: number;
  /** lapsed accounts still in the list, as a share of the active customers, 0..0.5 */
  staleShare: number;
}

export const DEGRADE_KEYS = ['duplicateShare', 'missingRevenueShare', 'missingDateShare', 'inconsistentRegionShare', 'staleShare'] as const;

/** TEACHING ASSUMPTION: a plausible "untidy but usable" export; none of these shares is a measured figure. */
export const DEFAULT_DEGRADE_PARAMS: DegradeParams = {
  duplicateShare: 0.2,
  missingRevenueShare: 0.05,
  missingDateShare: 0.1,
  inconsistentRegionShare: 0.2,
  staleShare: 0.2,
};

export function resolveDegradeParams(params: unknown, field = 'params'): DegradeParams {
  const p = checkObject(field, params);
  checkKnownKeys(field, p, DEGRADE_KEYS);
  const out = { ...DEFAULT_DEGRADE_PARAMS };
  for (const k of DEGRADE_KEYS) if (p[k] !== undefined) out[k] = checkNumber(`${field}.${k}`, p[k], 0, 0.5);
  return out;
}

export const MISSING_RULES = ['keep', 'median', 'drop'] as const;
export type MissingRule = (typeof MISSING_RULES)[number];

export interface CleaningSteps {
  /** map every region spelling to its standard label (alias table, see regionFromLabel) */
  normaliseLabels: boolean;
  /** merge records whose normalised names match (sum revenue and orders, keep the latest order) */
  deduplicate: boolean;
  /** drop records whose known last order is more than STALE_AFTER_WEEKS old */
  dropStale: boolean;
  /** blanks: 'keep' (read as 0 revenue / unknown date), 'median' (fill with the median of the known values), 'drop' (drop the record) */
  missing: MissingRule;
}

export const CLEANING_KEYS = ['normaliseLabels', 'deduplicate', 'dropStale', 'missing'] as const;
export const NO_CLEANING: CleaningSteps = { normaliseLabels: false, deduplicate: false, dropStale: false, missing: 'keep' };
export const FULL_CLEANING: CleaningSteps = { normaliseLabels: true, deduplicate: true, dropStale: true, missing: 'median' };

export function resolveCleaning(steps: unknown, field = 'cleaning'): CleaningSteps {
  const s = checkObject(field, steps);
  checkKnownKeys(field, s, CLEANING_KEYS);
  const out = { ...NO_CLEANING };
  for (const k of ['normaliseLabels', 'deduplicate', 'dropStale'] as const) {
    if (s[k] === undefined) continue;
    if (typeof s[k] !== 'boolean') throw new EngineError(`${field}.${k}`, s[k], 'true|false');
    out[k] = s[k] as boolean;
  }
  if (s.missing !== undefined) out.missing = checkOneOf(`${field}.missing`, s.missing, MISSING_RULES);
  return out;
}

/** Number of cleaning steps switched on (a missing-value rule other than 'keep' counts as one). */
export function cleaningStepCount(steps: CleaningSteps): number {
  return (steps.normaliseLabels ? 1 : 0) + (steps.deduplicate ? 1 : 0) + (steps.dropStale ? 1 : 0) + (steps.missing !== 'keep' ? 1 : 0);
}

/**
 * The account list, columnar (row = record). Blank cells are flagged in `hasRevenue` / `hasDate`
 * (the value column then holds 0), so no NaN is ever stored.
 */
export interface CrmView {
  n: number;
  /** active customer this record belongs to, or -1 for a lapsed account */
  source: Int32Array;
  /** index used for the account number customerId(idIndex) */
  idIndex: Int32Array;
  /** index used for the name generator (the source for duplicates, idIndex for lapsed accounts) */
  nameIndex: Int32Array;
  /** 0 = written as the CRM first stored it; 1..3 = a variant spelling (duplicates) */
  nameVariant: Uint8Array;
  kind: Uint8Array;
  industry: Uint8Array;
  region: Uint8Array;
  /** 0 = standard label; 1..4 = a variant spelling (REGION_VARIANTS) */
  regionVariant: Uint8Array;
  /** USD per year, whole dollars; 0 where blank */
  revenue: Float64Array;
  hasRevenue: Uint8Array;
  /** orders per year */
  ordersPerYear: Float64Array;
  /** weeks between the last order and the export date; 0 where blank */
  recencyWeeks: Float64Array;
  hasDate: Uint8Array;
  /** how many raw records were merged into this one (1 = none) */
  members: Uint16Array;
}

function emptyView(n: number): CrmView {
  return {
    n,
    source: new Int32Array(n),
    idIndex: new Int32Array(n),
    nameIndex: new Int32Array(n),
    nameVariant: new Uint8Array(n),
    kind: new Uint8Array(n),
    industry: new Uint8Array(n),
    region: new Uint8Array(n),
    regionVariant: new Uint8Array(n),
    revenue: new Float64Array(n),
    hasRevenue: new Uint8Array(n),
    ordersPerYear: new Float64Array(n),
    recencyWeeks: new Float64Array(n),
    hasDate: new Uint8Array(n),
    members: new Uint16Array(n),
  };
}

const COLS = ['source', 'idIndex', 'nameIndex', 'nameVariant', 'kind', 'industry', 'region', 'regionVariant', 'revenue', 'hasRevenue', 'ordersPerYear', 'recencyWeeks', 'hasDate', 'members'] as const;

function copyRow(from: CrmView, i: number, to: CrmView, j: number): void {
  for (const c of COLS) (to[c] as Float64Array)[j] = (from[c] as Float64Array)[i];
}

/** The records `rows` of `view`, in that order (column by column: fast for whole tables). */
function subset(view: CrmView, rows: ArrayLike<number>): CrmView {
  const out = emptyView(rows.length);
  const m = rows.length;
  for (const c of COLS) {
    const src = view[c] as Float64Array;
    const dst = out[c] as Float64Array;
    for (let j = 0; j < m; j++) dst[j] = src[rows[j]];
  }
  return out;
}

/** A copy of the whole view. */
function copyView(view: CrmView): CrmView {
  const out = emptyView(view.n);
  for (const c of COLS) (out[c] as Float64Array).set(view[c] as Float64Array);
  return out;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The clean account list: one record per active customer, rounded as a CRM stores values. */
export function crmView(company: Company): CrmView {
  const c = company.customers;
  const v = emptyView(c.n);
  for (let i = 0; i < c.n; i++) {
    v.source[i] = i;
    v.idIndex[i] = i;
    v.nameIndex[i] = i;
    v.industry[i] = c.industry[i];
    v.region[i] = c.region[i];
    v.revenue[i] = Math.round(c.annualRevenue[i]);
    v.hasRevenue[i] = 1;
    v.ordersPerYear[i] = round1(c.ordersPerYear[i]);
    v.recencyWeeks[i] = c.recencyWeeks[i];
    v.hasDate[i] = 1;
    v.members[i] = 1;
  }
  return v;
}

/** `count` distinct integers from 0..n-1, by a partial Fisher–Yates shuffle driven by `rng`. */
function pickDistinct(n: number, count: number, rng: Rng): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let k = 0; k < count; k++) {
    const j = k + Math.min(n - k - 1, Math.floor(rng() * (n - k)));
    const t = idx[k];
    idx[k] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, count).sort();
}

/**
 * The dirty export. Steps, each drawing from `rng` in this order:
 * - duplicates: round(duplicateShare·n) customers get a second account (new account number, name
 *   spelt differently). TEACHING ASSUMPTION: the customer's orders are split between its two
 *   accounts, a share u ~ Uniform(0.25, 0.75) booked on the duplicate, so each record understates
 *   the customer (revenue and orders add up to the true totals); the duplicate's last order is up to
 *   26 weeks older (capped at STALE_AFTER_WEEKS).
 * - lapsed accounts: round(staleShare·n) records of former customers. TEACHING ASSUMPTION: each
 *   copies the industry, region and order rate of a random active customer, with revenue
 *   (its last active year) = that customer's × Uniform(0.5, 1.5), and a last order 105–260 weeks ago.
 * - blanks and labels: among all records, exactly round(share·records) get a blank revenue, a blank
 *   date and a non-standard region label (variant 1..4 drawn uniformly).
 */
export function degrade(company: Company, params: unknown, rng: Rng): CrmView {
  const p = resolveDegradeParams(params);
  if (typeof rng !== 'function') throw new EngineError('rng', rng, 'a function returning floats in [0, 1)');
  const base = crmView(company);
  const n = base.n;
  const c = company.customers;
  const dupRows = pickDistinct(n, Math.round(p.duplicateShare * n), rng);
  const nStale = Math.round(p.staleShare * n);
  const total = n + dupRows.length + nStale;
  const v = emptyView(total);
  for (const c of COLS) (v[c] as Float64Array).set(base[c] as Float64Array);
  let r = n;
  for (const i of dupRows) {
    const u = 0.25 + 0.5 * rng();
    const dupRevenue = Math.round(base.revenue[i] * u);
    const dupOrders = round1(base.ordersPerYear[i] * u);
    v.revenue[i] = base.revenue[i] - dupRevenue;
    v.ordersPerYear[i] = round1(base.ordersPerYear[i] - dupOrders);
    copyRow(base, i, v, r);
    v.kind[r] = 1;
    v.idIndex[r] = r;
    v.nameVariant[r] = 1 + Math.min(2, Math.floor(rng() * 3));
    v.revenue[r] = dupRevenue;
    v.ordersPerYear[r] = dupOrders;
    v.recencyWeeks[r] = Math.min(STALE_AFTER_WEEKS, base.recencyWeeks[i] + 26 * rng());
    r++;
  }
  for (let s = 0; s < nStale; s++) {
    const j = Math.min(n - 1, Math.floor(rng() * n));
    v.source[r] = -1;
    v.kind[r] = 2;
    v.idIndex[r] = r;
    v.nameIndex[r] = r;
    v.industry[r] = c.industry[j];
    v.region[r] = c.region[j];
    v.revenue[r] = Math.round(base.revenue[j] * (0.5 + rng()));
    v.hasRevenue[r] = 1;
    v.ordersPerYear[r] = base.ordersPerYear[j];
    v.recencyWeeks[r] = STALE_AFTER_WEEKS + 1 + 155 * rng();
    v.hasDate[r] = 1;
    v.members[r] = 1;
    r++;
  }
  for (const i of pickDistinct(total, Math.round(p.missingRevenueShare * total), rng)) {
    v.hasRevenue[i] = 0;
    v.revenue[i] = 0;
  }
  for (const i of pickDistinct(total, Math.round(p.missingDateShare * total), rng)) {
    v.hasDate[i] = 0;
    v.recencyWeeks[i] = 0;
  }
  for (const i of pickDistinct(total, Math.round(p.inconsistentRegionShare * total), rng)) {
    v.regionVariant[i] = 1 + Math.min(REGION_VARIANT_COUNT - 1, Math.floor(rng() * REGION_VARIANT_COUNT));
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Labels: region spellings and account-name variants

/** Abbreviations seen in hand-typed region fields (variant 3 in English). */
const REGION_ABBR: readonly string[] = ['E. China', 'N. China', 'S. China', 'C. China', 'W. China', 'SE Asia', 'EU', 'N. America'];
/** Number of non-standard spellings per region and language. */
export const REGION_VARIANT_COUNT = 4;

/**
 * Region label of `region` in `lang`, spelt as variant 0 (standard) .. 4:
 * en: 1 lower case, 2 stray spaces, 3 abbreviation, 4 the Chinese label;
 * zh-cn: 1 suffix 区, 2 suffix 地区, 3 a stray full-width space, 4 the English label.
 */
export function regionLabel(region: number, variant: number, lang: DataLang): string {
  const r = REGIONS[region];
  if (!r) throw new EngineError('region', region, `0..${REGIONS.length - 1}`);
  const en = r.name.en;
  const zh = r.name['zh-cn'];
  if (lang === 'en') {
    switch (variant) {
      case 1: return en.toLowerCase();
      case 2: return ` ${en.replace(' ', '  ')} `;
      case 3: return REGION_ABBR[region];
      case 4: return zh;
      default: return en;
    }
  }
  switch (variant) {
    case 1: return `${zh}区`;
    case 2: return `${zh}地区`;
    case 3: return `${zh}\u3000`;
    case 4: return en;
    default: return zh;
  }
}

/** Standard label → region per language, exact match only (what a lookup table without cleaning does). */
const EXACT: Record<DataLang, Map<string, number>> = { en: new Map(), 'zh-cn': new Map() };
/** Normalised spelling → region (the alias table of the normalise step). */
const ALIASES = new Map<string, number>();
function squash(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s.]+/g, ' ').trim();
}
REGIONS.forEach((r, i) => {
  EXACT.en.set(r.name.en, i);
  EXACT['zh-cn'].set(r.name['zh-cn'], i);
  for (const s of [r.name.en, r.name['zh-cn'], REGION_ABBR[i], r.key]) ALIASES.set(squash(s), i);
});

/**
 * Region of a label, or -1 if not recognised. Without `normalise`, only the exact standard label of
 * the export language `lang` is recognised; with it (any language), the label is NFKC-normalised, lower-cased, trimmed, its
 * whitespace and dots collapsed and a trailing 区 / 地区 removed before the alias lookup.
 */
export function regionFromLabel(label: string, normalise: boolean, lang: DataLang = 'en'): number {
  if (!normalise) return EXACT[lang].get(label) ?? -1;
  const s = squash(label);
  const hit = ALIASES.get(s);
  if (hit !== undefined) return hit;
  const stripped = s.replace(/(地区|区)$/u, '');
  return ALIASES.get(stripped) ?? -1;
}

/** Whether both language spellings of (region, variant) map back to the region after normalising (memoised: 8 × 5 cases). */
const NORMALISED_OK = new Map<number, boolean>();
function recognisedAfterNormalising(region: number, variant: number): boolean {
  const key = region * 8 + variant;
  let ok = NORMALISED_OK.get(key);
  if (ok === undefined) {
    ok = regionFromLabel(regionLabel(region, variant, 'en'), true) === region && regionFromLabel(regionLabel(region, variant, 'zh-cn'), true) === region;
    NORMALISED_OK.set(key, ok);
  }
  return ok;
}

/** Account-name spelling `variant` (0 = as stored; 1 = case/spacing, 2 = legal form dropped, 3 = punctuation). */
export function nameVariantText(name: Localized, variant: number, lang: DataLang): string {
  const s = name[lang];
  if (lang === 'en') {
    switch (variant) {
      case 1: return s.toUpperCase();
      case 2: return s.replace(/\s+(Co\., Ltd\.|Pte Ltd|B\.V\.|Inc\.)$/u, '');
      case 3: return s.replace(/[.,]/g, '').replace(/\s+/g, '  ');
      default: return s;
    }
  }
  switch (variant) {
    case 1: return s.replace(/有限公司$|公司$/u, (m) => `\u3000${m}`);
    case 2: return s.replace(/有限公司$|公司$/u, '');
    case 3: return s.replace(/有限公司$/u, '有限责任公司');
    default: return s;
  }
}

/**
 * Matching key of an account name (the dedupe rule): NFKC, lower case, legal form removed
 * (Co., Ltd. / Pte Ltd / B.V. / Inc. / 有限责任公司 / 有限公司 / 公司), then everything but letters
 * and digits removed. TEACHING ASSUMPTION: real matching also uses tax ids, addresses and fuzzy
 * scores; exact keys after normalisation are the simplest rule that catches these variants.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.,]*(co[\s.,]*ltd|pte[\s.]*ltd|b[\s.]*v|inc)[\s.]*$/u, '')
    .replace(/(有限责任公司|有限公司|公司)\s*$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Display name of record `row` in `lang` (as written in the export). */
export function recordName(company: Company, view: CrmView, row: number, lang: DataLang, key = nameKey(company.seed)): string {
  const base = customerName(key, view.nameIndex[row], view.industry[row], view.region[row]);
  return nameVariantText(base, view.nameVariant[row], lang);
}

/** Account number of record `row`. */
export function recordId(view: CrmView, row: number): string {
  return customerId(view.idIndex[row]);
}

const DAY_MS = 86_400_000;
const REF_MS = Date.parse(`${EXPORT_REFERENCE_DATE}T00:00:00Z`);
/** ISO date of the last order of record `row`, or '' if blank. */
export function recordDate(view: CrmView, row: number): string {
  if (!view.hasDate[row]) return '';
  return new Date(REF_MS - Math.round(view.recencyWeeks[row] * 7) * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Cleaning

export interface CleaningReport {
  /** records in and out */
  recordsIn: number;
  recordsOut: number;
  /** region labels rewritten to the standard spelling */
  labelsFixed: number;
  /** records removed by merging into another record */
  duplicatesMerged: number;
  /** of those, records of a different customer (same name and city: a false merge; answer key) */
  falseMerges: number;
  staleDropped: number;
  revenueImputed: number;
  datesImputed: number;
  /** records dropped for a blank revenue or date (rule 'drop') */
  droppedMissing: number;
  /** the median used for imputation (USD per year; weeks), 0 when not used */
  medianRevenue: number;
  medianRecencyWeeks: number;
}

export interface CleanResult {
  view: CrmView;
  report: CleaningReport;
}

/** Median of the values where flag = 1 (mean of the two middle values for an even count); 0 if none. */
export function medianWhere(values: ArrayLike<number>, flags: ArrayLike<number>): number {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) if (flags[i]) xs.push(values[i]);
  if (xs.length === 0) return 0;
  xs.sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

/** Matching keys per company (memo only: a key depends on the company seed and the record's name inputs). */
const MATCH_KEYS = new WeakMap<Company, Map<number, string>>();

/** Apply the cleaning steps in the fixed order normalise → deduplicate → drop stale → missing values. */
export function clean(company: Company, view: CrmView, steps: unknown): CleanResult {
  const s = resolveCleaning(steps);
  const report: CleaningReport = {
    recordsIn: view.n, recordsOut: view.n, labelsFixed: 0, duplicatesMerged: 0, falseMerges: 0, staleDropped: 0,
    revenueImputed: 0, datesImputed: 0, droppedMissing: 0, medianRevenue: 0, medianRecencyWeeks: 0,
  };
  let v = copyView(view);
  if (s.normaliseLabels) {
    for (let i = 0; i < v.n; i++) {
      if (v.regionVariant[i] === 0) continue;
      if (recognisedAfterNormalising(v.region[i], v.regionVariant[i])) {
        v.regionVariant[i] = 0;
        report.labelsFixed++;
      }
    }
  }
  if (s.deduplicate) {
    const key = nameKey(company.seed);
    const groups = new Map<string, number>();
    const keep: number[] = [];
    let memo = MATCH_KEYS.get(company);
    if (!memo) {
      memo = new Map();
      MATCH_KEYS.set(company, memo);
    }
    const cache = memo;
    const nameOf = (i: number) => {
      const id = ((v.nameIndex[i] * 4 + v.nameVariant[i]) * 16 + v.industry[i]) * 16 + v.region[i];
      const hit = cache.get(id);
      if (hit !== undefined) return hit;
      const base = customerName(key, v.nameIndex[i], v.industry[i], v.region[i]);
      const city = customerCity(key, v.nameIndex[i], v.region[i]).city.en;
      const k = `${normaliseName(nameVariantText(base, v.nameVariant[i], 'en'))}|${normaliseName(nameVariantText(base, v.nameVariant[i], 'zh-cn'))}|${city}`;
      cache.set(id, k);
      return k;
    };
    for (let i = 0; i < v.n; i++) {
      const k = nameOf(i);
      const g = groups.get(k);
      if (g === undefined) {
        groups.set(k, i);
        keep.push(i);
        continue;
      }
      // merge record i into record g: revenue and orders add up, the latest known order wins
      if (v.hasRevenue[i]) {
        v.revenue[g] += v.revenue[i];
        v.hasRevenue[g] = 1;
      }
      v.ordersPerYear[g] = round1(v.ordersPerYear[g] + v.ordersPerYear[i]);
      if (v.hasDate[i] && (!v.hasDate[g] || v.recencyWeeks[i] < v.recencyWeeks[g])) {
        v.recencyWeeks[g] = v.recencyWeeks[i];
        v.hasDate[g] = 1;
      }
      if (v.regionVariant[g] !== 0 && v.regionVariant[i] === 0) v.regionVariant[g] = 0;
      v.members[g] += v.members[i];
      report.duplicatesMerged++;
      if (v.source[i] !== v.source[g]) report.falseMerges++;
    }
    v = subset(v, keep);
  }
  if (s.dropStale) {
    const keep: number[] = [];
    for (let i = 0; i < v.n; i++) {
      if (v.hasDate[i] && v.recencyWeeks[i] > STALE_AFTER_WEEKS) report.staleDropped++;
      else keep.push(i);
    }
    v = subset(v, keep);
  }
  if (s.missing === 'median') {
    report.medianRevenue = medianWhere(v.revenue, v.hasRevenue);
    report.medianRecencyWeeks = medianWhere(v.recencyWeeks, v.hasDate);
    for (let i = 0; i < v.n; i++) {
      if (!v.hasRevenue[i]) {
        v.revenue[i] = Math.round(report.medianRevenue);
        v.hasRevenue[i] = 1;
        report.revenueImputed++;
      }
      if (!v.hasDate[i]) {
        v.recencyWeeks[i] = report.medianRecencyWeeks;
        v.hasDate[i] = 1;
        report.datesImputed++;
      }
    }
  } else if (s.missing === 'drop') {
    const keep: number[] = [];
    for (let i = 0; i < v.n; i++) {
      if (v.hasRevenue[i] && v.hasDate[i]) keep.push(i);
      else report.droppedMissing++;
    }
    v = subset(v, keep);
  }
  report.recordsOut = v.n;
  return { view: v, report };
}

// ---------------------------------------------------------------------------------------------
// Segmentation of the records and mapping back to customers

/** Data classes of a customer: A, B, C by revenue, or 3 = not in the cleaned data. */
export const DATA_CLASSES = ['A', 'B', 'C', 'none'] as const;

export interface DataSegmentation {
  /** ABC class per record (0 = A, 1 = B, 2 = C) */
  recordClass: Uint16Array;
  /** per customer: 0..2 = class of its record, 3 = no record left */
  customerClass: Uint8Array;
  /** customers per data class A, B, C, none */
  classSizes: [number, number, number, number];
  /** class-C customers whose region label is not recognised (they stay on the central DC) */
  cUnmapped: number;
  /** records per class A, B, C (lapsed accounts and duplicates included) */
  recordSizes: [number, number, number];
  /** the segmentation for simulate(): keys A, B, C as in plans/value.json */
  segmentation: Segmentation;
  /** adjusted Rand index of customerClass against the hidden archetypes */
  ariArchetypes: number;
}

/**
 * ABC classes (cumulative revenue cut-offs, default 80 % / 95 %) on the records. TEACHING
 * ASSUMPTION for blanks left in the data: a blank revenue counts as 0 (what a spreadsheet sum does).
 * Each customer is served as its largest surviving record (ties: the first). Mapping to the plan of
 * plans/value.json (A premium, C from the regional warehouse of its recorded region):
 * - A → segment A; B → segment B;
 * - C with a recognised region label → segment C; C with an unrecognised label → the standard offer
 *   (segment B), because no warehouse can be looked up for it;
 * - customers with no record left → the standard offer (segment B).
 */
export function segmentView(company: Company, view: CrmView, thresholds: [number, number] = [0.8, 0.95]): DataSegmentation {
  const n = company.customers.n;
  const recordClass = abcClasses(view.revenue, thresholds);
  const best = new Int32Array(n).fill(-1);
  for (let r = 0; r < view.n; r++) {
    const i = view.source[r];
    if (i < 0) continue;
    if (i >= n) throw new EngineError('view.source', i, `-1..${n - 1}`, 'is not a customer of this company');
    if (best[i] < 0 || view.revenue[r] > view.revenue[best[i]]) best[i] = r;
  }
  const customerClass = new Uint8Array(n);
  const labels = new Uint16Array(n);
  const classSizes: [number, number, number, number] = [0, 0, 0, 0];
  const recordSizes: [number, number, number] = [0, 0, 0];
  for (let r = 0; r < view.n; r++) recordSizes[recordClass[r]]++;
  let cUnmapped = 0;
  for (let i = 0; i < n; i++) {
    const r = best[i];
    if (r < 0) {
      customerClass[i] = 3;
      labels[i] = 1;
    } else {
      const k = recordClass[r];
      customerClass[i] = k;
      // the exact lookup recognises only the standard spelling (variant 0; see regionFromLabel)
      if (k === 2 && view.regionVariant[r] !== 0) {
        cUnmapped++;
        labels[i] = 1;
      } else labels[i] = k;
    }
    classSizes[customerClass[i]]++;
  }
  const segmentation = buildSegmentation(company, 'value', labels, [
    { key: 'A', name: L('A accounts', 'A 类客户') },
    { key: 'B', name: L('Standard offer (B, and accounts the data cannot place)', '标准服务（B 类及数据无法归类的客户）') },
    { key: 'C', name: L('C accounts with a known region', '区域可识别的 C 类客户') },
  ]);
  return {
    recordClass,
    customerClass,
    classSizes,
    cUnmapped,
    recordSizes,
    segmentation,
    ariArchetypes: adjustedRandIndex(customerClass, company.customers.archetype),
  };
}

/** Agreement (adjusted Rand index, Hubert & Arabie 1985) between two customer classings. */
export function agreement(a: DataSegmentation, b: DataSegmentation): number {
  return adjustedRandIndex(a.customerClass, b.customerClass);
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Column labels of the cleaned-data CSV (English: Zoho-style; Chinese: Fxiaoke-style display names). */
export const VIEW_COLUMNS: readonly { key: string; label: Localized }[] = [
  { key: 'id', label: L('Account Number', '客户编号') },
  { key: 'name', label: L('Account Name', '客户名称') },
  { key: 'industry', label: L('Industry', '行业') },
  { key: 'region', label: L('Sales Region', '销售区域') },
  { key: 'revenue', label: L('Annual Revenue (USD)', '年销售额(美元)') },
  { key: 'orders', label: L('Orders per Year', '年订单数') },
  { key: 'lastOrder', label: L('Last Order Date', '最后一次成交时间') },
  { key: 'members', label: L('Records Merged', '合并记录数') },
];

/**
 * The view as CSV (RFC 4180, CRLF, CSV-injection guard via crm-export's csvField); blanks stay
 * empty cells. `bom` prefixes U+FEFF so Excel reads UTF-8.
 */
export function viewToCsv(company: Company, view: CrmView, lang: DataLang, options: { bom?: boolean } = {}): string {
  const l = checkOneOf('lang', lang, ['en', 'zh-cn'] as const);
  const key = nameKey(company.seed);
  const lines = [VIEW_COLUMNS.map((c) => csvField(c.label[l])).join(',')];
  for (let r = 0; r < view.n; r++) {
    lines.push(
      [
        csvField(recordId(view, r)),
        csvField(recordName(company, view, r, l, key)),
        csvField(company.industries[view.industry[r]][l]),
        csvField(regionLabel(view.region[r], view.regionVariant[r], l)),
        view.hasRevenue[r] ? String(Math.round(view.revenue[r])) : '',
        String(view.ordersPerYear[r]),
        recordDate(view, r),
        String(view.members[r]),
      ].join(','),
    );
  }
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
