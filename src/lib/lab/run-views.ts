/**
 * What the segment lab shows of a run, and the run's shape: customer counts, the LabRun / SegmentView
 * types, the outcome figures and the data each lens chart needs. Light on purpose (no engine import):
 * the page loads it with the island, while the engine itself (run.ts) runs in the lab worker and is
 * loaded on the page only when needed. Pure TypeScript: no DOM, no Svelte.
 */
import type { Company, Localized, Plan, Segmentation, SegmentResult, SegmentStrategy, SimulationResult } from '@sim/types';
import { CHANNELS } from '@sim/types';
import { COST_KEYS, type CostKey } from '@sim/simulate/cost-keys';
import type { LabState } from './state';

export const DEFAULT_CUSTOMERS = 2000;
/** Customer counts a lab accepts (prop); anything else falls back to the default. */
export const CUSTOMER_SIZES = [200, 500, 1000, 2000] as const;
export const WEEKS = 52;

export function clampCustomers(value: unknown): number {
  return typeof value === 'number' && (CUSTOMER_SIZES as readonly number[]).includes(value) ? value : DEFAULT_CUSTOMERS;
}

/** Baseline figures of one segment's customers (same customers under the one-size-fits-all plan). */
export interface BaselineSlice {
  revenue: number;
  cost: number;
  profit: number;
  /** mean end-of-horizon satisfaction, 0..100 */
  satisfaction: number;
  churnRate: number;
}

export interface SegmentView {
  key: string;
  name: Localized;
  index: number;
  customers: number;
  strategy: SegmentStrategy;
  result: SegmentResult;
  /** cost-to-serve per customer, USD/yr */
  costPerCustomer: number;
  /** cost-to-serve as a share of revenue, 0..∞ (0 when no revenue) */
  costShare: number;
  /** order-handling cost as a share of revenue */
  orderCostShare: number;
  /** profit per customer, USD/yr */
  profitPerCustomer: number;
  base: BaselineSlice;
}

export interface LabRun {
  state: LabState;
  customers: number;
  company: Company;
  segmentation: Segmentation;
  plan: Plan;
  result: SimulationResult;
  baseline: SimulationResult;
  segments: SegmentView[];
  /** engine time of this run (segment + simulate), ms */
  ms: number;
}

const ratio = (a: number, b: number): number => (b > 0 && Number.isFinite(a) ? a / b : 0);

// ---------------------------------------------------------------- chart data per lens

export interface OutcomeFigures {
  totalCost: number;
  costPerCustomer: number;
  revenue: number;
  profit: number;
  satisfaction: number;
  otif: number;
  churnRate: number;
  cost: Record<CostKey, number>;
}

export function outcomeFigures(result: SimulationResult): OutcomeFigures {
  const t = result.totals;
  const n = result.customers.segment.length;
  const cost = {} as Record<CostKey, number>;
  for (const k of COST_KEYS) cost[k] = t.cost[k];
  return {
    totalCost: t.cost.total,
    costPerCustomer: ratio(t.cost.total, n),
    revenue: t.revenue,
    profit: t.profit,
    satisfaction: t.satisfaction,
    otif: t.otif,
    churnRate: t.churnRate,
    cost,
  };
}

/** Needs scatter: price sensitivity (0..1) against required lead time (days); segment = index. */
export function needsPoints(company: Company, segmentation: Segmentation): { x: number; y: number; segment: number }[] {
  const c = company.customers;
  const out = new Array<{ x: number; y: number; segment: number }>(c.n);
  for (let i = 0; i < c.n; i++) out[i] = { x: c.priceSensitivity[i], y: c.requiredLeadTimeDays[i], segment: segmentation.labels[i] };
  return out;
}

/** Behaviour scatter: orders per year against average order value (USD); group = channel index (CHANNELS). */
export function behaviourPoints(company: Company): { x: number; y: number; group: number }[] {
  const c = company.customers;
  const out = new Array<{ x: number; y: number; group: number }>(c.n);
  for (let i = 0; i < c.n; i++) out[i] = { x: c.ordersPerYear[i], y: c.avgOrderValue[i], group: c.channel[i] < CHANNELS.length ? c.channel[i] : 0 };
  return out;
}

/**
 * Pareto / whale curve, `points` + 1 samples from 0 to 1 of the customers.
 * Revenue: customers ranked by annual revenue, cumulative share of revenue.
 * Profit (whale curve, Kaplan & Cooper 1998): customers ranked by simulated profit, cumulative
 * profit as a share of total profit (rises above 1, then falls back with the loss-makers).
 */
export function paretoData(run: LabRun, points = 100): { cumulativeCustomers: number[]; cumulativeRevenue: number[]; cumulativeProfit: number[]; top20RevenueShare: number } {
  const rev = run.company.customers.annualRevenue;
  const profit = run.result.customers.profit;
  const n = rev.length;
  const cum = (values: ArrayLike<number>): Float64Array => {
    const sorted = Float64Array.from(values).sort().reverse();
    const out = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) out[i + 1] = out[i] + sorted[i];
    return out;
  };
  const cr = cum(rev);
  const cp = cum(profit);
  const totalR = cr[n];
  const totalP = cp[n];
  const cumulativeCustomers: number[] = [];
  const cumulativeRevenue: number[] = [];
  const cumulativeProfit: number[] = [];
  for (let j = 0; j <= points; j++) {
    const idx = Math.round((j / points) * n);
    cumulativeCustomers.push(j / points);
    cumulativeRevenue.push(totalR > 0 ? cr[idx] / totalR : 0);
    cumulativeProfit.push(totalP !== 0 ? cp[idx] / Math.abs(totalP) : 0);
  }
  const top = Math.ceil(n * 0.2);
  return { cumulativeCustomers, cumulativeRevenue, cumulativeProfit, top20RevenueShare: totalR > 0 ? cr[top] / totalR : 0 };
}

export interface RegionRow {
  key: string;
  name: string;
  customers: number;
  /** cost-to-serve per customer under the current plan, USD/yr */
  costToServe: number;
  satisfaction: number;
  international: boolean;
  distanceKm: number;
  dutyRate: number;
}

/** Per-region figures of the current run (whatever the geography basis). */
export function regionRows(run: LabRun, lang: 'en' | 'zh-cn'): RegionRow[] {
  const c = run.company.customers;
  const r = run.result.customers;
  const k = run.company.regions.length;
  const count = new Float64Array(k);
  const cost = new Float64Array(k);
  const sat = new Float64Array(k);
  for (let i = 0; i < c.n; i++) {
    const g = c.region[i];
    count[g]++;
    cost[g] += r.costToServe[i];
    sat[g] += r.satisfaction[i];
  }
  return run.company.regions.map((reg, g) => ({
    key: reg.key,
    name: reg.name[lang],
    customers: count[g],
    costToServe: ratio(cost[g], count[g]),
    satisfaction: ratio(sat[g], count[g]),
    international: reg.international,
    distanceKm: reg.distanceKm,
    dutyRate: reg.dutyRate,
  }));
}

/**
 * Planned weekly demand per product class, USD at list price: each customer's annual revenue split
 * by its new-product share (simulate.ts: μ = revenue·share/52), and within a class shared equally by
 * the products on sale that week (simulate.ts planShare: a product is on sale from its launch week,
 * successors following each other). New products are shown one by one (their launches dilute each
 * other's share), the mature range as one line.
 */
export function lifecycleSeries(company: Company, lang: 'en' | 'zh-cn', matureName: string): { weeks: number; series: { key: string; name: string; values: number[] }[] } {
  const c = company.customers;
  let newAnnual = 0;
  let matureAnnual = 0;
  for (let i = 0; i < c.n; i++) {
    const share = Math.min(1, Math.max(0, c.newProductShare[i]));
    newAnnual += c.annualRevenue[i] * share;
    matureAnnual += c.annualRevenue[i] * (1 - share);
  }
  const products = company.products;
  const onSale = (launch: number, t: number) => t >= launch;
  const series: { key: string; name: string; values: number[] }[] = [];
  for (const p of products) {
    if (p.lifecycle !== 'new') continue;
    const values: number[] = [];
    for (let t = 0; t < WEEKS; t++) {
      const active = products.filter((q) => q.lifecycle === 'new' && onSale(q.launchWeek, t)).length;
      values.push(onSale(p.launchWeek, t) && active > 0 ? newAnnual / 52 / active : 0);
    }
    series.push({ key: p.key, name: p.name[lang], values });
  }
  series.push({
    key: 'mature',
    name: matureName,
    values: Array.from({ length: WEEKS }, () => matureAnnual / 52),
  });
  return { weeks: WEEKS, series };
}
