/**
 * Shared pieces of the segmentation modules: the profile table, the result builder and the
 * registry of customer attributes that rules and k-means may use.
 */
import type { Company, CustomerTable, Localized, Segmentation, SegmentationMethod, SegmentInfo } from '../types';
import { EngineError } from '../errors';
import { adjustedRandIndex } from './ari';

export interface SegmentDef {
  key: string;
  name: Localized;
}

/** Attributes averaged in every segment profile (plus revenueShare, the segment's share of revenue). */
export const PROFILE_FIELDS = [
  'annualRevenue',
  'grossMargin',
  'retention',
  'priceSensitivity',
  'qualityRequirement',
  'requiredLeadTimeDays',
  'supportNeed',
  'customisationNeed',
  'newProductShare',
  'ordersPerYear',
  'avgOrderValue',
  'international',
  'distanceKm',
  'demandCv',
] as const;

/** Numeric per-customer columns that rules and k-means may read (the hidden archetype is excluded). */
export const NUMERIC_FIELDS = [
  'priceSensitivity',
  'qualityRequirement',
  'requiredLeadTimeDays',
  'supportNeed',
  'customisationNeed',
  'annualRevenue',
  'grossMargin',
  'tenureYears',
  'retention',
  'growth',
  'international',
  'distanceKm',
  'dutyRate',
  'newProductShare',
  'ordersPerYear',
  'avgOrderValue',
  'paymentTermsDays',
  'demandCv',
  'recencyWeeks',
] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];

/** Coded (categorical) columns; rules compare them by code or by key. */
export const CODED_FIELDS = ['industry', 'region', 'channel'] as const;
export type CodedField = (typeof CODED_FIELDS)[number];

export function column(c: CustomerTable, field: NumericField | CodedField): ArrayLike<number> {
  return c[field];
}

/**
 * Build the Segmentation result: sizes, profiles (segment means; 0 for an empty segment so that no
 * NaN ever leaves the engine) and the ARI against the hidden archetypes.
 */
export function buildSegmentation(company: Company, method: SegmentationMethod, labels: Uint16Array, defs: readonly SegmentDef[]): Segmentation {
  const c = company.customers;
  const k = defs.length;
  const sizes = new Float64Array(k);
  for (let i = 0; i < c.n; i++) {
    const l = labels[i];
    if (l >= k) throw new EngineError('labels', l, `0..${k - 1}`, 'is not a segment index');
    sizes[l]++;
  }
  const sums = PROFILE_FIELDS.map(() => new Float64Array(k));
  PROFILE_FIELDS.forEach((f, j) => {
    const col = c[f];
    const s = sums[j];
    for (let i = 0; i < c.n; i++) s[labels[i]] += col[i];
  });
  let totalRevenue = 0;
  for (let i = 0; i < c.n; i++) totalRevenue += c.annualRevenue[i];
  const revenueIndex = PROFILE_FIELDS.indexOf('annualRevenue');
  const segments: SegmentInfo[] = defs.map((d, s) => {
    const profile: Record<string, number> = {};
    PROFILE_FIELDS.forEach((f, j) => {
      profile[f] = sizes[s] > 0 ? sums[j][s] / sizes[s] : 0;
    });
    profile.revenueShare = totalRevenue > 0 ? sums[revenueIndex][s] / totalRevenue : 0;
    return { key: d.key, name: { en: d.name.en, 'zh-cn': d.name['zh-cn'] }, size: sizes[s], profile };
  });
  return { method, labels, segments, ari: adjustedRandIndex(labels, c.archetype) };
}

/** z-score helper: mean and standard deviation (population); sd 1 when the column is constant. */
export function meanSd(values: ArrayLike<number>): { mean: number; sd: number } {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += values[i];
  m /= n || 1;
  let v = 0;
  for (let i = 0; i < n; i++) v += (values[i] - m) * (values[i] - m);
  const sd = Math.sqrt(v / (n || 1));
  return { mean: m, sd: sd > 1e-12 ? sd : 1 };
}

export function L(en: string, zh: string): Localized {
  return { en, 'zh-cn': zh };
}
