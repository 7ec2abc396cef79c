/**
 * The CRM list view's columns over the engine's columnar company: one record at a time (only for
 * rows on screen), sort keys per column (one typed array each, built on first use), the searchable
 * text of every row, and locale-aware cell text. Labels come from the engine's CRM export
 * (simulations/company/crm-export.ts CRM_COLUMNS), so the list and the CSV use the same names.
 * Pure TypeScript: no DOM, no Svelte.
 */
import { CRM_COLUMNS, CHANNEL_LABELS, crmRecordAt as engineRecordAt, type CrmRecord } from '@sim/company/crm-export';
import { customerCity, customerId, customerName, nameKey } from '@sim/company/names';
import type { Company, Localized } from '@sim/types';
import { CHANNELS } from '@sim/types';
import { locales, type Lang } from '@i18n/locales';
import { rankStrings, searchKey } from './query';

export type CrmKey = Exclude<keyof CrmRecord, 'archetype'>;

export interface CrmColumn {
  key: CrmKey;
  label: Localized;
  /** text columns align left, numbers right */
  text: boolean;
  /** fixed width in rem (the virtualised table needs fixed column widths) */
  width: number;
}

const WIDTH: Partial<Record<CrmKey, number>> = {
  id: 9.5,
  name: 17,
  industry: 11,
  region: 9,
  city: 8,
  country: 8,
  international: 10,
  annualRevenue: 11,
  customerSince: 9,
  lastOrderDate: 9,
  channel: 9,
};

/** Every column of the CRM export, in export order (the hidden archetype is never listed here). */
export const CRM_LIST_COLUMNS: readonly CrmColumn[] = CRM_COLUMNS.filter((c) => c.key !== 'archetype').map((c) => ({
  key: c.key as CrmKey,
  label: c.label,
  text: c.text === true,
  width: WIDTH[c.key as CrmKey] ?? 8.5,
}));

export const CRM_KEYS: readonly CrmKey[] = CRM_LIST_COLUMNS.map((c) => c.key);

/** Columns shown until the reader chooses others: the ones a sales list view shows by default. */
export const DEFAULT_VISIBLE: readonly CrmKey[] = [
  'id',
  'name',
  'industry',
  'region',
  'country',
  'international',
  'annualRevenue',
  'channel',
  'ordersPerYear',
  'lastOrderDate',
];

/**
 * One customer as the CRM export stores it: the engine's crmRecordAt (the same builder as
 * toCrmRecords), with the name key computed once per company. Built per visible row, never for the
 * whole table.
 */
export function crmRecordAt(company: Company, key: number, i: number): CrmRecord {
  return engineRecordAt(company, i, { nameKey: key });
}

/** Labels of the domestic/international column, as in the CSV export. */
export const MARKET_LABELS: { domestic: Localized; international: Localized } = {
  domestic: { en: 'Domestic', 'zh-cn': '国内' },
  international: { en: 'International', 'zh-cn': '海外' },
};

/**
 * Everything the list needs for one company and language, built once: name key, searchable text per
 * row and lazily built sort keys. Text columns sort by the locale's collation (pinyin order in
 * Chinese via Intl.Collator('zh-CN')).
 */
export class CrmIndex {
  readonly company: Company;
  readonly lang: Lang;
  readonly key: number;
  readonly collator: Intl.Collator;
  private readonly sortCache = new Map<CrmKey, ArrayLike<number>>();
  private search: string[] | null = null;

  constructor(company: Company, lang: Lang) {
    this.company = company;
    this.lang = lang;
    this.key = nameKey(company.seed);
    this.collator = new Intl.Collator(locales[lang].intl, { numeric: true, sensitivity: 'base' });
  }

  get n(): number {
    return this.company.customers.n;
  }

  record(i: number): CrmRecord {
    return crmRecordAt(this.company, this.key, i);
  }

  /** Searchable text per row: account number, name, industry and region in this language (normalised). */
  searchText(): string[] {
    if (this.search) return this.search;
    const { company, lang, key } = this;
    const c = company.customers;
    const out = new Array<string>(c.n);
    const industry = company.industries.map((x) => x[lang]);
    const region = company.regions.map((r) => r.name[lang]);
    for (let i = 0; i < c.n; i++) {
      const name = customerName(key, i, c.industry[i], c.region[i])[lang];
      out[i] = searchKey(`${customerId(i)} ${name} ${industry[c.industry[i]] ?? ''} ${region[c.region[i]] ?? ''}`);
    }
    this.search = out;
    return out;
  }

  /** Numeric sort key of a column (text columns: collation rank), or null for an unknown key. */
  sortKey(column: string): ArrayLike<number> | null {
    if (!(CRM_KEYS as readonly string[]).includes(column)) return null;
    const k = column as CrmKey;
    const hit = this.sortCache.get(k);
    if (hit) return hit;
    const built = this.buildSortKey(k);
    this.sortCache.set(k, built);
    return built;
  }

  private buildSortKey(k: CrmKey): ArrayLike<number> {
    const { company, lang, key, collator } = this;
    const c = company.customers;
    const n = c.n;
    const byCode = (codes: ArrayLike<number>, labels: string[]) => {
      const rank = rankStrings(labels, collator);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = rank[codes[i]] ?? NaN;
      return out;
    };
    const negate = (a: Float64Array) => Float64Array.from(a, (v) => -v);
    switch (k) {
      case 'id':
        return Float64Array.from({ length: n }, (_, i) => i);
      case 'name':
        return rankStrings(Array.from({ length: n }, (_, i) => customerName(key, i, c.industry[i], c.region[i])[lang]), collator);
      case 'industry':
        return byCode(c.industry, company.industries.map((x) => x[lang]));
      case 'region':
        return byCode(c.region, company.regions.map((r) => r.name[lang]));
      case 'city':
        return rankStrings(Array.from({ length: n }, (_, i) => customerCity(key, i, c.region[i]).city[lang]), collator);
      case 'country':
        return rankStrings(Array.from({ length: n }, (_, i) => customerCity(key, i, c.region[i]).country[lang]), collator);
      case 'channel':
        return byCode(c.channel, CHANNELS.map((ch) => CHANNEL_LABELS[ch][lang]));
      case 'international':
        return c.international;
      case 'annualRevenue':
        return c.annualRevenue;
      case 'grossMarginPct':
        return c.grossMargin;
      // a longer tenure / recency is an earlier date
      case 'customerSince':
        return negate(c.tenureYears);
      case 'lastOrderDate':
        return negate(c.recencyWeeks);
      case 'ordersPerYear':
        return c.ordersPerYear;
      case 'avgOrderValue':
        return c.avgOrderValue;
      case 'paymentTermsDays':
        return c.paymentTermsDays;
      case 'requiredLeadTimeDays':
        return c.requiredLeadTimeDays;
      case 'priceSensitivity':
        return c.priceSensitivity;
      case 'qualityRequirement':
        return c.qualityRequirement;
      case 'supportNeed':
        return c.supportNeed;
      case 'customisationNeed':
        return c.customisationNeed;
      case 'retentionPct':
        return c.retention;
      case 'growthPct':
        return c.growth;
      case 'newProductSharePct':
        return c.newProductShare;
      case 'demandCv':
        return c.demandCv;
      case 'distanceKm':
        return c.distanceKm;
      case 'dutyRatePct':
        return c.dutyRate;
    }
  }
}

/** Cell formatters for one language, with the Intl objects built once (a scroll re-renders many cells). */
export function cellFormatter(lang: Lang): (rec: CrmRecord, key: CrmKey) => string {
  const loc = locales[lang].intl;
  const money = new Intl.NumberFormat(loc, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  const int = new Intl.NumberFormat(loc, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(loc, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const two = new Intl.NumberFormat(loc, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeZone: 'UTC' });
  const dash = '–';
  const num = (f: Intl.NumberFormat, v: number) => (Number.isFinite(v) ? f.format(v) : dash);
  return (rec, key) => {
    const v = rec[key];
    switch (key) {
      case 'international':
        return MARKET_LABELS[v ? 'international' : 'domestic'][lang];
      case 'channel':
        return CHANNEL_LABELS[rec.channel]?.[lang] ?? dash;
      case 'annualRevenue':
      case 'avgOrderValue':
        return num(money, v as number);
      case 'customerSince':
      case 'lastOrderDate': {
        const t = Date.parse(`${v as string}T00:00:00Z`);
        return Number.isFinite(t) ? date.format(t) : dash;
      }
      case 'grossMarginPct':
      case 'ordersPerYear':
      case 'requiredLeadTimeDays':
      case 'growthPct':
      case 'dutyRatePct':
        return num(one, v as number);
      case 'demandCv':
        return num(two, v as number);
      default:
        if (typeof v === 'number') return num(int, v);
        if (typeof v === 'object' && v !== null) return (v as Localized)[lang];
        return String(v);
    }
  };
}
