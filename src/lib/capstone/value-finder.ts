/**
 * Value finder of the capstone (lesson 07): who is valuable now and who could be tomorrow.
 * Pure computations over the engine (simulations/segmentation/value.ts), no DOM.
 *
 * - RFM groups: counts of the engine's five RFM segments (champions, loyal, at-risk, promising,
 *   hibernating; quintile scores, Miglautsch 2000), via segment(company, {method:'value', scheme:'rfm'}).
 * - CLV per customer, USD: annual gross margin (USD/yr) × r / (1 + d − r) (Gupta & Lehmann 2003),
 *   r = annual retention probability, d = annual discount rate (engine's customerLifetimeValue).
 * - High value: the top `highValueShare` of customers by CLV (default 20 %, the engine's
 *   DEFAULT_VALUE_PARAMS.clvShares[0]); ties broken by customer index, like the engine.
 * - High potential: expected annual revenue growth (CustomerTable.growth, fraction per year) at or
 *   above `growthThreshold` but NOT high value — customers worth developing before they are big.
 */
import type { Company, Localized } from '@sim/types';
import { segment } from '@sim/segmentation/index';
import { DEFAULT_VALUE_PARAMS, RFM_GROUPS, customerLifetimeValue } from '@sim/segmentation/value';
import { crmRecordAt } from '@sim/company/crm-export';
import { nameKey } from '@sim/company/names';

/** Discount rate d, fraction per year: the engine accepts 0..0.5. */
export const DISCOUNT_MIN = 0;
export const DISCOUNT_MAX = 0.5;
export const DISCOUNT_DEFAULT = DEFAULT_VALUE_PARAMS.discountRate;
/** Growth threshold g, fraction per year (generated growth spans about −14 % .. +36 %). */
export const GROWTH_MIN = 0;
export const GROWTH_MAX = 0.35;
export const GROWTH_DEFAULT = 0.15;
export const HIGH_VALUE_SHARE = DEFAULT_VALUE_PARAMS.clvShares[0];
export const TOP_N = 10;

export interface ValueFinderParams {
  discountRate: number;
  growthThreshold: number;
  /** share of customers (by CLV rank) counted as high value, 0 < s < 1 */
  highValueShare?: number;
}

export interface RfmCount {
  key: string;
  name: Localized;
  count: number;
  /** share of customers, 0..1 */
  share: number;
  /** share of annual revenue, 0..1 */
  revenueShare: number;
}

export interface TopCustomer {
  index: number;
  id: string;
  name: Localized;
  clv: number;
  annualRevenue: number;
  grossMargin: number;
  retention: number;
  growth: number;
}

/** 0 = high value, 1 = high potential, 2 = other */
export type ValueGroup = 0 | 1 | 2;
export const VALUE_GROUP_KEYS = ['high-value', 'high-potential', 'other'] as const;

export interface ValueFinderResult {
  n: number;
  discountRate: number;
  growthThreshold: number;
  highValueShare: number;
  clv: Float64Array;
  totalClv: number;
  /** group per customer */
  group: Uint8Array;
  counts: [number, number, number];
  /** share of total CLV held by each group, 0..1 */
  clvShares: [number, number, number];
  /** smallest CLV still counted as high value, USD */
  highValueCutoff: number;
  rfm: RfmCount[];
  top: TopCustomer[];
  /** the high-potential customers with the highest growth (at most TOP_N) */
  topPotential: TopCustomer[];
}

export type Check = { ok: true; value: number } | { ok: false; reason: 'malformed' | 'range' };

export function checkDiscountRate(v: number): Check {
  if (!Number.isFinite(v)) return { ok: false, reason: 'malformed' };
  if (v < DISCOUNT_MIN || v > DISCOUNT_MAX) return { ok: false, reason: 'range' };
  return { ok: true, value: v };
}

export function checkGrowthThreshold(v: number): Check {
  if (!Number.isFinite(v)) return { ok: false, reason: 'malformed' };
  if (v < GROWTH_MIN || v > GROWTH_MAX) return { ok: false, reason: 'range' };
  return { ok: true, value: v };
}

/** Indices by value descending, ties by index ascending (the engine's CLV ranking). */
function rankDesc(values: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(values.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => values[b] - values[a] || a - b);
}

function topCustomer(company: Company, i: number, clv: Float64Array, key: number): TopCustomer {
  const c = company.customers;
  const rec = crmRecordAt(company, i, { nameKey: key });
  return {
    index: i,
    id: rec.id,
    name: rec.name,
    clv: clv[i],
    annualRevenue: c.annualRevenue[i],
    grossMargin: c.grossMargin[i],
    retention: c.retention[i],
    growth: c.growth[i],
  };
}

/** Everything the ValueFinder shows. Bad parameters fall back to the defaults (the UI validates first). */
export function findValue(company: Company, params: ValueFinderParams): ValueFinderResult {
  const d = checkDiscountRate(params.discountRate);
  const g = checkGrowthThreshold(params.growthThreshold);
  const discountRate = d.ok ? d.value : DISCOUNT_DEFAULT;
  const growthThreshold = g.ok ? g.value : GROWTH_DEFAULT;
  const hvs = params.highValueShare;
  const highValueShare = typeof hvs === 'number' && hvs > 0 && hvs < 1 ? hvs : HIGH_VALUE_SHARE;
  const c = company.customers;
  const n = c.n;
  const clv = customerLifetimeValue(company, discountRate);
  const order = rankDesc(clv);
  const group = new Uint8Array(n).fill(2);
  const clvByGroup: [number, number, number] = [0, 0, 0];
  const counts: [number, number, number] = [0, 0, 0];
  let totalClv = 0;
  let highValueCutoff = Number.POSITIVE_INFINITY;
  // same cut as the engine's CLV classes: rank / n < share → high
  for (let rank = 0; rank < n; rank++) {
    const i = order[rank];
    if (rank / n < highValueShare) {
      group[i] = 0;
      highValueCutoff = clv[i];
    }
  }
  for (let i = 0; i < n; i++) {
    if (group[i] !== 0 && c.growth[i] >= growthThreshold) group[i] = 1;
    counts[group[i]]++;
    clvByGroup[group[i]] += clv[i];
    totalClv += clv[i];
  }
  const clvShares = clvByGroup.map((v) => (totalClv > 0 ? v / totalClv : 0)) as [number, number, number];

  const rfmSeg = segment(company, { method: 'value', params: { scheme: 'rfm' } });
  const rfm: RfmCount[] = RFM_GROUPS.map((grp) => {
    const s = rfmSeg.segments.find((x) => x.key === grp.key);
    const count = s?.size ?? 0;
    return { key: grp.key, name: { ...grp.name }, count, share: n > 0 ? count / n : 0, revenueShare: s?.profile.revenueShare ?? 0 };
  });

  const key = nameKey(company.seed);
  const top: TopCustomer[] = [];
  for (let r = 0; r < Math.min(TOP_N, n); r++) top.push(topCustomer(company, order[r], clv, key));
  const potentialIdx: number[] = [];
  for (let i = 0; i < n; i++) if (group[i] === 1) potentialIdx.push(i);
  potentialIdx.sort((a, b) => c.growth[b] - c.growth[a] || clv[b] - clv[a] || a - b);
  const topPotential = potentialIdx.slice(0, TOP_N).map((i) => topCustomer(company, i, clv, key));

  return {
    n,
    discountRate,
    growthThreshold,
    highValueShare,
    clv,
    totalClv,
    group,
    counts,
    clvShares,
    highValueCutoff: Number.isFinite(highValueCutoff) ? highValueCutoff : 0,
    rfm,
    top,
    topPotential,
  };
}

/** Points of the CLV (x, log) × growth (y) scatter; at most `max` points, every k-th customer. */
export function scatterPoints(res: ValueFinderResult, growth: ArrayLike<number>, max = 4000): { x: number; y: number; group: number }[] {
  const stride = Math.max(1, Math.ceil(res.n / max));
  const out: { x: number; y: number; group: number }[] = [];
  for (let i = 0; i < res.n; i += stride) out.push({ x: res.clv[i], y: growth[i], group: res.group[i] });
  return out;
}
