/**
 * Value-based segmentation, three schemes:
 * - ABC / Pareto: rank customers by annual revenue; A = customers that make up the first
 *   `thresholds[0]` of cumulative revenue (default 80 %), B up to `thresholds[1]` (95 %), C the rest.
 *   (Pareto principle; the 80/95 cut-offs are the usual inventory/customer ABC convention.)
 *   The customer whose revenue crosses a threshold belongs to the higher class.
 * - RFM: recency (weeks since last order, inverted), frequency (orders per year) and monetary value
 *   (annual revenue) each scored 1–5 by quintile (20 % of customers per score; Miglautsch 2000,
 *   "Thoughts on RFM Scoring", J. Database Marketing 8(1)); ties are broken by customer index so each
 *   score holds exactly 20 % ±1 customer. Cells are grouped into five named segments (see RFM_GROUPS).
 * - CLV: customer lifetime value = m · r / (1 + d − r) (Gupta & Lehmann 2003, "Customers as assets",
 *   J. Interactive Marketing 17(1)), with m = annual gross margin in USD/yr (revenue × margin rate),
 *   r = annual retention probability, d = annual discount rate (default 0.10, a typical weighted
 *   average cost of capital assumption); margin received at the end of each year, infinite horizon.
 *   Customers are ranked by CLV; the top `clvShares[0]` of customers (default 20 %) are "high", up to
 *   `clvShares[1]` (50 %) "medium", the rest "low".
 */
import type { Company, Segmentation } from '../types';
import { EngineError, checkKnownKeys, checkNumber, checkObject, checkOneOf } from '../errors';
import { buildSegmentation, L, type SegmentDef } from './common';

export const VALUE_SCHEMES = ['abc', 'rfm', 'clv'] as const;
export type ValueScheme = (typeof VALUE_SCHEMES)[number];

export interface ValueParams {
  scheme: ValueScheme;
  /** ABC cumulative revenue-share cut-offs [A, B], 0 < A < B < 1 */
  thresholds: [number, number];
  /** CLV annual discount rate d, 0..0.5 */
  discountRate: number;
  /** CLV cumulative customer-share cut-offs [high, medium], 0 < high < medium < 1 */
  clvShares: [number, number];
}

export const DEFAULT_VALUE_PARAMS: ValueParams = { scheme: 'abc', thresholds: [0.8, 0.95], discountRate: 0.1, clvShares: [0.2, 0.5] };

function pair(field: string, v: unknown, fallback: [number, number]): [number, number] {
  if (v === undefined) return [fallback[0], fallback[1]];
  if (!Array.isArray(v) || v.length !== 2) throw new EngineError(field, v, 'two increasing fractions [a, b] with 0 < a < b < 1');
  const a = checkNumber(`${field}[0]`, v[0], 0.01, 0.99);
  const b = checkNumber(`${field}[1]`, v[1], 0.01, 0.99);
  if (b <= a) throw new EngineError(`${field}[1]`, b, `${a}..0.99 (greater than ${field}[0])`, 'is not greater than the first cut-off');
  return [a, b];
}

export function resolveValueParams(params: unknown, field = 'params'): ValueParams {
  const p = checkObject(field, params);
  checkKnownKeys(field, p, ['scheme', 'thresholds', 'discountRate', 'clvShares']);
  return {
    scheme: p.scheme === undefined ? DEFAULT_VALUE_PARAMS.scheme : checkOneOf(`${field}.scheme`, p.scheme, VALUE_SCHEMES),
    thresholds: pair(`${field}.thresholds`, p.thresholds, DEFAULT_VALUE_PARAMS.thresholds),
    discountRate: p.discountRate === undefined ? DEFAULT_VALUE_PARAMS.discountRate : checkNumber(`${field}.discountRate`, p.discountRate, 0, 0.5),
    clvShares: pair(`${field}.clvShares`, p.clvShares, DEFAULT_VALUE_PARAMS.clvShares),
  };
}

/** Indices sorted by value descending, ties by index ascending (stable, deterministic). */
function orderDesc(values: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(values.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => values[b] - values[a] || a - b);
}

/** ABC class per customer (0 = A, 1 = B, 2 = C) by cumulative share of `values`. */
export function abcClasses(values: ArrayLike<number>, thresholds: readonly [number, number]): Uint16Array {
  const n = values.length;
  const order = orderDesc(values);
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i];
  const out = new Uint16Array(n);
  let before = 0; // cumulative share of customers ranked above
  for (let r = 0; r < n; r++) {
    const i = order[r];
    out[i] = before < thresholds[0] ? 0 : before < thresholds[1] ? 1 : 2;
    before += total > 0 ? values[i] / total : 1 / n;
  }
  return out;
}

/** Quintile score 1..5 per item (5 = highest value), ties broken by index. */
export function quintileScores(values: ArrayLike<number>): Uint8Array {
  const n = values.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => values[a] - values[b] || a - b);
  const out = new Uint8Array(n);
  for (let r = 0; r < n; r++) out[idx[r]] = 1 + Math.floor((5 * r) / n);
  return out;
}

/** RFM scores per customer, each 1..5 (5 = best: most recent, most frequent, highest revenue). */
export function rfmScores(company: Company): { r: Uint8Array; f: Uint8Array; m: Uint8Array } {
  const c = company.customers;
  const negRecency = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) negRecency[i] = -c.recencyWeeks[i];
  return { r: quintileScores(negRecency), f: quintileScores(c.ordersPerYear), m: quintileScores(c.annualRevenue) };
}

/**
 * Gupta & Lehmann (2003) margin multiple r / (1 + d − r): CLV per USD of annual margin.
 * r = 0.8, d = 0.1 gives 2.667.
 */
export function clvMultiple(retention: number, discountRate: number): number {
  return retention / (1 + discountRate - retention);
}

/** CLV per customer, USD: annual gross margin (USD/yr) × clvMultiple(retention, d). */
export function customerLifetimeValue(company: Company, discountRate = DEFAULT_VALUE_PARAMS.discountRate): Float64Array {
  checkNumber('discountRate', discountRate, 0, 0.5);
  const c = company.customers;
  const out = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) out[i] = c.annualRevenue[i] * c.grossMargin[i] * clvMultiple(c.retention[i], discountRate);
  return out;
}

/** RFM groups, first match wins (R, F, M are the 1..5 scores). */
export const RFM_GROUPS: readonly (SegmentDef & { rule: string })[] = [
  { key: 'champions', name: L('Champions', '核心价值客户'), rule: 'R≥4 and F≥4 and M≥4' },
  { key: 'loyal', name: L('Loyal', '忠诚客户'), rule: 'R≥3 and F+M≥7' },
  { key: 'at-risk', name: L('At risk', '流失风险客户'), rule: 'R≤2 and (F≥3 or M≥3)' },
  { key: 'promising', name: L('Promising', '潜力客户'), rule: 'R≥4' },
  { key: 'hibernating', name: L('Hibernating', '沉睡客户'), rule: 'otherwise' },
];

function rfmGroup(r: number, f: number, m: number): number {
  if (r >= 4 && f >= 4 && m >= 4) return 0;
  if (r >= 3 && f + m >= 7) return 1;
  if (r <= 2 && (f >= 3 || m >= 3)) return 2;
  if (r >= 4) return 3;
  return 4;
}

export function segmentByValue(company: Company, params?: unknown): Segmentation {
  const p = resolveValueParams(params);
  const c = company.customers;
  if (p.scheme === 'abc') {
    const labels = abcClasses(c.annualRevenue, p.thresholds);
    const pct = (x: number) => `${Math.round(x * 100)}`;
    return buildSegmentation(company, 'value', labels, [
      { key: 'A', name: L(`A (top ${pct(p.thresholds[0])} % of revenue)`, `A 类（贡献前 ${pct(p.thresholds[0])}% 的收入）`) },
      { key: 'B', name: L(`B (next ${pct(p.thresholds[1] - p.thresholds[0])} %)`, `B 类（其后 ${pct(p.thresholds[1] - p.thresholds[0])}%）`) },
      { key: 'C', name: L(`C (last ${pct(1 - p.thresholds[1])} %)`, `C 类（最后 ${pct(1 - p.thresholds[1])}%）`) },
    ]);
  }
  if (p.scheme === 'rfm') {
    const { r, f, m } = rfmScores(company);
    const labels = new Uint16Array(c.n);
    for (let i = 0; i < c.n; i++) labels[i] = rfmGroup(r[i], f[i], m[i]);
    return buildSegmentation(company, 'value', labels, RFM_GROUPS.map(({ key, name }) => ({ key, name })));
  }
  const clv = customerLifetimeValue(company, p.discountRate);
  const order = orderDesc(clv);
  const labels = new Uint16Array(c.n);
  for (let rank = 0; rank < c.n; rank++) {
    const share = rank / c.n;
    labels[order[rank]] = share < p.clvShares[0] ? 0 : share < p.clvShares[1] ? 1 : 2;
  }
  return buildSegmentation(company, 'value', labels, [
    { key: 'clv-high', name: L('High lifetime value', '高终身价值') },
    { key: 'clv-medium', name: L('Medium lifetime value', '中等终身价值') },
    { key: 'clv-low', name: L('Low lifetime value', '低终身价值') },
  ]);
}
