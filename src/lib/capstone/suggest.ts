/**
 * A textbook strategy for a segment, derived from its profile (the segment means of
 * simulations/segmentation/common.ts PROFILE_FIELDS) compared with the whole company's.
 * Each rule names its source; `reasons` lets the view say why a lever was chosen.
 * Pure TypeScript: no DOM.
 *
 * Calibration check (test/chapters/capstone/suggest.test.ts): on Kestrel (seed 42, 2,000 customers)
 * the suggested strategies of the default rules and of k-means (k = 5) beat the one-size-fits-all
 * baseline on profit.
 */
import type { SegmentInfo, SegmentStrategy } from '@sim/types';
import { DEFAULT_STRATEGY } from '@sim/strategy/levers';

export type SuggestReason = 'innovative' | 'urgent' | 'support' | 'keyValue' | 'smallAccounts' | 'standard';
export const SUGGEST_REASONS: readonly SuggestReason[] = ['innovative', 'urgent', 'support', 'keyValue', 'smallAccounts', 'standard'];

export interface Suggestion {
  key: string;
  strategy: SegmentStrategy;
  reasons: SuggestReason[];
}

/** Company-wide means the profile is compared with (from segmentNone's single profile, or computed). */
export interface CompanyMeans {
  /** mean annual revenue per customer, USD/yr */
  annualRevenue: number;
}

const num = (p: Record<string, number>, k: string): number => (Number.isFinite(p[k]) ? p[k] : 0);

/**
 * Thresholds (units in brackets):
 * - innovative: newProductShare ≥ 0.6 [fraction of revenue on new products] and a required lead time
 *   ≤ 5 [days] → responsive chain + priority delivery. Fisher (1997), "What is the right supply chain
 *   for your product?", HBR 75(2): innovative products with unpredictable demand need a responsive chain.
 * - urgent: required lead time ≤ 4 [days] without the innovative mix → priority delivery only.
 * - support: mean supportNeed ≥ 0.6 [0..1] → premium service (Christopher 2016, Logistics & Supply
 *   Chain Management, ch. 2: the service offer is segmented by what customers value).
 * - keyValue: mean annual revenue ≥ 2 × the company mean → premium service and a 98 % cycle service
 *   level (value-based service tiers; Kaplan & Narayanan 2001, "Measuring and managing customer
 *   profitability", J. Cost Management 15(5)).
 * - smallAccounts: mean annual revenue ≤ 0.1 × the company mean → 90 % cycle service level, standard
 *   everything (their cost-to-serve eats their margin: Kaplan & Narayanan 2001).
 * Fulfilment stays central and products standard: at Kestrel's volumes a regional hub's duplicated
 * safety stock and customised products' set-ups cost more than they earn in year one
 * (simulations/plans/rules.json).
 */
export function suggestStrategy(info: Pick<SegmentInfo, 'key' | 'profile'>, means: CompanyMeans): Suggestion {
  const p = info.profile;
  const s: SegmentStrategy = { ...DEFAULT_STRATEGY };
  const reasons: SuggestReason[] = [];
  const lead = num(p, 'requiredLeadTimeDays');
  const revenue = num(p, 'annualRevenue');
  const meanRevenue = means.annualRevenue > 0 ? means.annualRevenue : 0;
  if (num(p, 'newProductShare') >= 0.6 && lead <= 5) {
    s.supplyChain = 'responsive';
    s.delivery = 'priority';
    reasons.push('innovative');
  } else if (lead <= 4 && revenue > 0.1 * meanRevenue) {
    s.delivery = 'priority';
    reasons.push('urgent');
  }
  if (num(p, 'supportNeed') >= 0.6) {
    s.service = 'premium';
    reasons.push('support');
  }
  if (meanRevenue > 0 && revenue >= 2 * meanRevenue) {
    s.service = 'premium';
    s.serviceLevel = 0.98;
    reasons.push('keyValue');
  } else if (meanRevenue > 0 && revenue > 0 && revenue <= 0.1 * meanRevenue) {
    s.serviceLevel = 0.9;
    reasons.push('smallAccounts');
  }
  if (reasons.length === 0) reasons.push('standard');
  return { key: info.key, strategy: s, reasons };
}

/** Suggestions for every segment; the company mean is the size-weighted mean of the segment profiles. */
export function suggestAll(segments: readonly Pick<SegmentInfo, 'key' | 'profile' | 'size'>[]): Suggestion[] {
  let n = 0;
  let total = 0;
  for (const s of segments) {
    n += s.size;
    total += s.size * num(s.profile, 'annualRevenue');
  }
  const means: CompanyMeans = { annualRevenue: n > 0 ? total / n : 0 };
  return segments.map((s) => suggestStrategy(s, means));
}
