/**
 * Hidden customer archetypes of Kestrel Electronics. Every generated customer comes from exactly
 * one archetype (CustomerTable.archetype), which learners never see directly: segmentations are
 * scored by how well they recover it (adjusted Rand index).
 *
 * The archetypes are a MODEL ASSUMPTION, designed so that each lens sees a different part of the
 * structure: needs separate price / speed / service buyers; value separates key accounts from the
 * long tail; geography isolates overseas distributors; lifecycle isolates fast innovators; behaviour
 * (channel, order size) isolates small online buyers. Parameter choices are explained in MODEL.md §1.
 * Retention means lie in the B2B band 0.70–0.90 and the e-commerce-like band 0.55–0.75 (Vena
 * Solutions and First Page Sage retention benchmarks, see MODEL.md).
 */
import type { Localized } from '../types';

/** Industries, indexed by CustomerTable.industry. */
export const INDUSTRIES: readonly Localized[] = [
  { en: 'Retail chain', 'zh-cn': '零售连锁' },
  { en: 'System integrator', 'zh-cn': '系统集成商' },
  { en: 'Industrial OEM', 'zh-cn': '工业 OEM' },
  { en: 'Education', 'zh-cn': '教育机构' },
  { en: 'Healthcare', 'zh-cn': '医疗机构' },
  { en: 'E-commerce seller', 'zh-cn': '电商卖家' },
  { en: 'Distribution and wholesale', 'zh-cn': '分销批发' },
];

/** Payment terms offered, days (index used by ArchetypeParams.paymentTerms weights). */
export const PAYMENT_TERMS_DAYS: readonly number[] = [0, 15, 30, 45, 60, 90];

export interface ArchetypeParams {
  key: string;
  name: Localized;
  /** share of the customer base (weights sum to 1) */
  weight: number;
  /** weights over INDUSTRIES */
  industries: readonly number[];
  /** weights over REGIONS */
  regions: readonly number[];
  /** means of the 0..1 needs scores */
  priceSensitivity: number;
  qualityRequirement: number;
  supportNeed: number;
  customisationNeed: number;
  /** median required delivery lead time, days */
  leadTimeDays: number;
  /** median annual revenue, USD per year, and log-scale sigma of the log-normal */
  revenueMedian: number;
  revenueSigma: number;
  /** mean tenure, years */
  tenureYears: number;
  /** mean annual retention probability */
  retention: number;
  /** mean expected revenue growth, fraction per year */
  growth: number;
  /** mean share of revenue on new (innovative) products */
  newProductShare: number;
  /** median orders per year */
  ordersPerYear: number;
  /** weights over CHANNELS (direct, portal, distributor, edi) */
  channels: readonly number[];
  /** weights over PAYMENT_TERMS_DAYS */
  paymentTerms: readonly number[];
  /** multiplier on the mix-driven demand CV (lumpiness of this kind of buyer) */
  cvFactor: number;
}

export const ARCHETYPES: readonly ArchetypeParams[] = [
  {
    key: 'key-accounts',
    name: { en: 'Strategic key accounts', 'zh-cn': '战略大客户' },
    weight: 0.05,
    industries: [0.35, 0.1, 0.3, 0.05, 0.15, 0.05, 0],
    regions: [0.4, 0.18, 0.22, 0.05, 0.05, 0.04, 0.03, 0.03],
    priceSensitivity: 0.45, qualityRequirement: 0.85, supportNeed: 0.7, customisationNeed: 0.6,
    leadTimeDays: 7,
    revenueMedian: 2_500_000, revenueSigma: 0.8,
    tenureYears: 9, retention: 0.95, growth: 0.06,
    newProductShare: 0.45,
    ordersPerYear: 50,
    channels: [0.6, 0, 0, 0.4],
    paymentTerms: [0, 0, 0.1, 0.2, 0.5, 0.2],
    cvFactor: 0.7,
  },
  {
    key: 'price-volume',
    name: { en: 'Price-driven volume buyers', 'zh-cn': '价格导向的批量客户' },
    weight: 0.18,
    industries: [0.35, 0, 0.35, 0, 0, 0.2, 0.1],
    regions: [0.4, 0.15, 0.25, 0.1, 0.1, 0, 0, 0],
    priceSensitivity: 0.88, qualityRequirement: 0.4, supportNeed: 0.15, customisationNeed: 0.1,
    leadTimeDays: 14,
    revenueMedian: 350_000, revenueSigma: 0.9,
    tenureYears: 5, retention: 0.86, growth: 0.02,
    newProductShare: 0.1,
    ordersPerYear: 12,
    channels: [0.2, 0.1, 0.2, 0.5],
    paymentTerms: [0, 0.1, 0.3, 0.4, 0.2, 0],
    cvFactor: 0.8,
  },
  {
    key: 'fast-innovators',
    name: { en: 'Speed-critical innovators', 'zh-cn': '追求速度的创新型客户' },
    weight: 0.14,
    industries: [0.3, 0.05, 0.05, 0, 0, 0.55, 0.05],
    regions: [0.5, 0.1, 0.35, 0.03, 0.02, 0, 0, 0],
    priceSensitivity: 0.3, qualityRequirement: 0.7, supportNeed: 0.4, customisationNeed: 0.3,
    leadTimeDays: 2,
    revenueMedian: 220_000, revenueSigma: 0.9,
    tenureYears: 2.5, retention: 0.82, growth: 0.2,
    newProductShare: 0.82,
    ordersPerYear: 45,
    channels: [0.45, 0.45, 0, 0.1],
    paymentTerms: [0.1, 0.3, 0.5, 0.1, 0, 0],
    cvFactor: 1.2,
  },
  {
    key: 'service-integrators',
    name: { en: 'Service-heavy integrators', 'zh-cn': '重服务的系统集成客户' },
    weight: 0.14,
    industries: [0, 0.5, 0.05, 0.25, 0.2, 0, 0],
    regions: [0.25, 0.25, 0.15, 0.15, 0.2, 0, 0, 0],
    priceSensitivity: 0.35, qualityRequirement: 0.8, supportNeed: 0.88, customisationNeed: 0.8,
    leadTimeDays: 10,
    revenueMedian: 280_000, revenueSigma: 0.9,
    tenureYears: 6, retention: 0.9, growth: 0.08,
    newProductShare: 0.5,
    ordersPerYear: 16,
    channels: [0.9, 0.1, 0, 0],
    paymentTerms: [0, 0, 0.1, 0.2, 0.4, 0.3],
    cvFactor: 1.0,
  },
  {
    key: 'overseas-distributors',
    name: { en: 'Overseas distributors', 'zh-cn': '海外分销商' },
    weight: 0.12,
    industries: [0.2, 0.05, 0, 0, 0, 0.1, 0.65],
    regions: [0, 0, 0, 0, 0, 0.4, 0.3, 0.3],
    priceSensitivity: 0.6, qualityRequirement: 0.6, supportNeed: 0.25, customisationNeed: 0.2,
    leadTimeDays: 35,
    revenueMedian: 600_000, revenueSigma: 1.0,
    tenureYears: 4, retention: 0.87, growth: 0.1,
    newProductShare: 0.35,
    ordersPerYear: 8,
    channels: [0.1, 0, 0.7, 0.2],
    paymentTerms: [0, 0, 0.2, 0.3, 0.4, 0.1],
    cvFactor: 0.9,
  },
  {
    key: 'small-online',
    name: { en: 'Small online buyers', 'zh-cn': '小型线上客户' },
    weight: 0.37,
    industries: [0.15, 0.1, 0.05, 0.15, 0.05, 0.45, 0.05],
    regions: [0.33, 0.13, 0.22, 0.09, 0.09, 0.06, 0.04, 0.04],
    priceSensitivity: 0.7, qualityRequirement: 0.5, supportNeed: 0.2, customisationNeed: 0.05,
    leadTimeDays: 5,
    revenueMedian: 8_000, revenueSigma: 1.0,
    tenureYears: 1.5, retention: 0.74, growth: 0.05,
    newProductShare: 0.3,
    ordersPerYear: 14,
    channels: [0, 0.92, 0.05, 0.03],
    paymentTerms: [0.5, 0.3, 0.2, 0, 0, 0],
    cvFactor: 1.6,
  },
];
