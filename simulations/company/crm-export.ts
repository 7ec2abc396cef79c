/**
 * CRM-style export of the customer base: one record per account, with column labels in English
 * (modelled on Zoho CRM's Accounts export: "Account Name", "Account Number", "Industry",
 * "Annual Revenue", "Billing City", "Billing Country") and Chinese (modelled on Fxiaoke / 纷享销客
 * display names: 客户名称, 客户编号, 行业, 国家, 城市, 最后一次成交时间). Field names are documented in
 * shared/reference-crm.md; real CRMs let each tenant rename labels, so importers must not rely on them.
 *
 * CSV follows RFC 4180: comma separator, CRLF line ends, fields containing a comma, double quote,
 * CR or LF are enclosed in double quotes with inner quotes doubled. Text cells starting with
 * = + - @ get a leading apostrophe (CSV-injection guard for spreadsheet apps). Numbers are plain
 * (no thousands separators), dates ISO 8601 (YYYY-MM-DD). Optional UTF-8 BOM so Excel opens the
 * Chinese labels correctly.
 */
import type { Channel, Company, Localized } from '../types';
import { CHANNELS } from '../types';
import { EngineError, checkKnownKeys, checkNumber, checkObject, checkOneOf } from '../errors';
import { customerCity, customerId, customerName, nameKey } from './names';

export type Lang = 'en' | 'zh-cn';
export const LANGS: readonly Lang[] = ['en', 'zh-cn'];

/**
 * Export reference date: the first day of the simulated year. "Customer since" = this date minus
 * the tenure; "last order" = this date minus the recency (weeks).
 */
export const EXPORT_REFERENCE_DATE = '2026-01-01';

export interface CrmRecord {
  id: string;
  name: Localized;
  industry: Localized;
  region: Localized;
  city: Localized;
  country: Localized;
  international: boolean;
  /** USD per year, whole dollars */
  annualRevenue: number;
  /** percent, 1 decimal */
  grossMarginPct: number;
  /** ISO date */
  customerSince: string;
  /** ISO date */
  lastOrderDate: string;
  /** orders per year, 1 decimal */
  ordersPerYear: number;
  /** USD, whole dollars */
  avgOrderValue: number;
  channel: Channel;
  paymentTermsDays: number;
  /** days, 1 decimal */
  requiredLeadTimeDays: number;
  /** survey-style scores 0..100 (rounded) */
  priceSensitivity: number;
  qualityRequirement: number;
  supportNeed: number;
  customisationNeed: number;
  /** percent, rounded */
  retentionPct: number;
  /** percent, 1 decimal */
  growthPct: number;
  /** percent, rounded */
  newProductSharePct: number;
  /** coefficient of variation, 2 decimals */
  demandCv: number;
  /** km, whole */
  distanceKm: number;
  /** percent, 1 decimal */
  dutyRatePct: number;
  /** only with includeArchetype: the hidden archetype (answer key for instructors) */
  archetype?: Localized;
}

export const CHANNEL_LABELS: Record<Channel, Localized> = {
  direct: { en: 'Direct sales', 'zh-cn': '直销' },
  portal: { en: 'Online portal', 'zh-cn': '线上门户' },
  distributor: { en: 'Distributor', 'zh-cn': '经销商' },
  edi: { en: 'EDI', 'zh-cn': 'EDI' },
};

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const DAY_MS = 86_400_000;
const REF_MS = Date.parse(`${EXPORT_REFERENCE_DATE}T00:00:00Z`);
function isoDaysBefore(days: number): string {
  return new Date(REF_MS - Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}

export interface CrmOptions {
  /** add the hidden archetype as a last column (instructor answer key), default false */
  includeArchetype?: boolean;
  /** export only the first `limit` customers, 1..200000 (default all) */
  limit?: number;
}

function resolveCrmOptions(options: unknown, company: Company): { includeArchetype: boolean; limit: number } {
  const o = checkObject('options', options);
  checkKnownKeys('options', o, ['includeArchetype', 'limit', 'bom']);
  if (o.includeArchetype !== undefined && typeof o.includeArchetype !== 'boolean') throw new EngineError('options.includeArchetype', o.includeArchetype, 'true|false');
  const limit = o.limit === undefined ? company.customers.n : checkNumber('options.limit', o.limit, 1, 200_000, { integer: true });
  return { includeArchetype: o.includeArchetype === true, limit: Math.min(limit, company.customers.n) };
}

export interface CrmRecordOptions {
  /** add the hidden archetype (instructor answer key), default false */
  includeArchetype?: boolean;
  /**
   * nameKey(company.seed), for callers that build many records and have it already (saves one hash
   * per record); default computed from the company's seed. A key of another seed gives other names.
   */
  nameKey?: number;
}

/**
 * Customer `i` (0-based) as the CRM export stores it: values rounded as a CRM would store them,
 * label objects copied (the record never aliases the company). The one row builder behind
 * toCrmRecords / toCsv and the CRM list view (src/lib/crm/columns.ts), which builds only the rows
 * on screen.
 */
export function crmRecordAt(company: Company, i: number, options: CrmRecordOptions = {}): CrmRecord {
  const c = company.customers;
  if (!Number.isInteger(i) || i < 0 || i >= c.n) throw new EngineError('index', i, `an integer 0..${c.n - 1}`);
  const key = options.nameKey ?? nameKey(company.seed);
  if (!Number.isFinite(key)) throw new EngineError('options.nameKey', key, 'the number nameKey(company.seed)');
  const place = customerCity(key, i, c.region[i]);
  const rec: CrmRecord = {
    id: customerId(i),
    name: customerName(key, i, c.industry[i], c.region[i]),
    industry: { ...company.industries[c.industry[i]] },
    region: { ...company.regions[c.region[i]].name },
    city: { ...place.city },
    country: { ...place.country },
    international: c.international[i] === 1,
    annualRevenue: Math.round(c.annualRevenue[i]),
    grossMarginPct: round(c.grossMargin[i] * 100, 1),
    customerSince: isoDaysBefore(c.tenureYears[i] * 365.25),
    lastOrderDate: isoDaysBefore(c.recencyWeeks[i] * 7),
    ordersPerYear: round(c.ordersPerYear[i], 1),
    avgOrderValue: Math.round(c.avgOrderValue[i]),
    channel: CHANNELS[c.channel[i]],
    paymentTermsDays: c.paymentTermsDays[i],
    requiredLeadTimeDays: round(c.requiredLeadTimeDays[i], 1),
    priceSensitivity: Math.round(c.priceSensitivity[i] * 100),
    qualityRequirement: Math.round(c.qualityRequirement[i] * 100),
    supportNeed: Math.round(c.supportNeed[i] * 100),
    customisationNeed: Math.round(c.customisationNeed[i] * 100),
    retentionPct: Math.round(c.retention[i] * 100),
    growthPct: round(c.growth[i] * 100, 1),
    newProductSharePct: Math.round(c.newProductShare[i] * 100),
    demandCv: round(c.demandCv[i], 2),
    distanceKm: Math.round(c.distanceKm[i]),
    dutyRatePct: round(c.dutyRate[i] * 100, 1),
  };
  if (options.includeArchetype === true) rec.archetype = { ...company.archetypes[c.archetype[i]] };
  return rec;
}

/** One record per customer (the first `limit` with that option). */
export function toCrmRecords(company: Company, options: CrmOptions = {}): CrmRecord[] {
  const { includeArchetype, limit } = resolveCrmOptions(options, company);
  const recordOptions: CrmRecordOptions = { includeArchetype, nameKey: nameKey(company.seed) };
  const out: CrmRecord[] = [];
  for (let i = 0; i < limit; i++) out.push(crmRecordAt(company, i, recordOptions));
  return out;
}

type Column = { key: keyof CrmRecord; label: Localized; text?: boolean };

/** Columns of the CSV export, in order, with their labels in both languages. */
export const CRM_COLUMNS: readonly Column[] = [
  { key: 'id', label: { en: 'Account Number', 'zh-cn': '客户编号' }, text: true },
  { key: 'name', label: { en: 'Account Name', 'zh-cn': '客户名称' }, text: true },
  { key: 'industry', label: { en: 'Industry', 'zh-cn': '行业' }, text: true },
  { key: 'region', label: { en: 'Sales Region', 'zh-cn': '销售区域' }, text: true },
  { key: 'city', label: { en: 'Billing City', 'zh-cn': '城市' }, text: true },
  { key: 'country', label: { en: 'Billing Country', 'zh-cn': '国家' }, text: true },
  { key: 'international', label: { en: 'Domestic/International', 'zh-cn': '国内/海外' }, text: true },
  { key: 'annualRevenue', label: { en: 'Annual Revenue (USD)', 'zh-cn': '年销售额(美元)' } },
  { key: 'grossMarginPct', label: { en: 'Gross Margin (%)', 'zh-cn': '毛利率(%)' } },
  { key: 'customerSince', label: { en: 'Customer Since', 'zh-cn': '首次成交时间' } },
  { key: 'lastOrderDate', label: { en: 'Last Order Date', 'zh-cn': '最后一次成交时间' } },
  { key: 'ordersPerYear', label: { en: 'Orders per Year', 'zh-cn': '年订单数' } },
  { key: 'avgOrderValue', label: { en: 'Average Order Value (USD)', 'zh-cn': '平均订单金额(美元)' } },
  { key: 'channel', label: { en: 'Sales Channel', 'zh-cn': '销售渠道' }, text: true },
  { key: 'paymentTermsDays', label: { en: 'Payment Terms (days)', 'zh-cn': '账期(天)' } },
  { key: 'requiredLeadTimeDays', label: { en: 'Required Lead Time (days)', 'zh-cn': '要求交货期(天)' } },
  { key: 'priceSensitivity', label: { en: 'Price Sensitivity (0-100)', 'zh-cn': '价格敏感度(0-100)' } },
  { key: 'qualityRequirement', label: { en: 'Quality Requirement (0-100)', 'zh-cn': '质量要求(0-100)' } },
  { key: 'supportNeed', label: { en: 'Technical Support Need (0-100)', 'zh-cn': '技术支持需求(0-100)' } },
  { key: 'customisationNeed', label: { en: 'Customisation Need (0-100)', 'zh-cn': '定制化需求(0-100)' } },
  { key: 'retentionPct', label: { en: 'Renewal Probability (%)', 'zh-cn': '续约概率(%)' } },
  { key: 'growthPct', label: { en: 'Expected Growth (%)', 'zh-cn': '预期增长率(%)' } },
  { key: 'newProductSharePct', label: { en: 'New-Product Share of Revenue (%)', 'zh-cn': '新品收入占比(%)' } },
  { key: 'demandCv', label: { en: 'Demand Variability (CV)', 'zh-cn': '需求波动系数(CV)' } },
  { key: 'distanceKm', label: { en: 'Distance from Central DC (km)', 'zh-cn': '距中央配送中心(公里)' } },
  { key: 'dutyRatePct', label: { en: 'Import Duty (%)', 'zh-cn': '进口关税(%)' } },
];
const ARCHETYPE_COLUMN: Column = { key: 'archetype', label: { en: 'Hidden Archetype (answer key)', 'zh-cn': '隐藏客户原型(答案)' }, text: true };

/** RFC 4180 field quoting, with the CSV-injection guard for text cells. */
export function csvField(value: string, text = true): string {
  let v = value;
  if (text && /^[=+\-@]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function cell(rec: CrmRecord, col: Column, lang: Lang): string {
  const v = rec[col.key];
  if (col.key === 'international') return v ? (lang === 'en' ? 'International' : '海外') : lang === 'en' ? 'Domestic' : '国内';
  if (col.key === 'channel') return CHANNEL_LABELS[v as Channel][lang];
  if (v === undefined) return '';
  if (typeof v === 'object') return (v as Localized)[lang];
  return String(v);
}

export interface CsvOptions extends CrmOptions {
  /** prefix a UTF-8 byte-order mark (U+FEFF) so Excel detects UTF-8; default false */
  bom?: boolean;
}

/** The customer base as a CSV string (labels and text in `lang`). */
export function toCsv(company: Company, lang: Lang = 'en', options: CsvOptions = {}): string {
  const l = checkOneOf('lang', lang, LANGS);
  const o = checkObject('options', options);
  if (o.bom !== undefined && typeof o.bom !== 'boolean') throw new EngineError('options.bom', o.bom, 'true|false');
  const records = toCrmRecords(company, options);
  const columns = options.includeArchetype ? [...CRM_COLUMNS, ARCHETYPE_COLUMN] : CRM_COLUMNS;
  const lines: string[] = [columns.map((col) => csvField(col.label[l])).join(',')];
  for (const rec of records) lines.push(columns.map((col) => csvField(cell(rec, col, l), col.text === true)).join(','));
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
