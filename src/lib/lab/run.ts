/**
 * Runs the engine for a lab state: company per (seed, customers) and the one-size-fits-all baseline
 * are cached, the segmentation is cached per spec (a strategy change only re-simulates), and the
 * results are joined per segment with the baseline of the same customers (the baseline's
 * per-customer results grouped by the current segment labels), plus the data each lens chart needs.
 * Pure TypeScript: no DOM, no Svelte.
 */
import { generateCompany } from '@sim/company/generate';
import { segment } from '@sim/segmentation/index';
import { baselinePlan } from '@sim/strategy/plan';
import { simulate, simulateSteps, COST_KEYS, type CostKey } from '@sim/simulate/simulate';
import type { Company, Localized, Plan, Segmentation, SegmentResult, SegmentStrategy, SimulationResult } from '@sim/types';
import { CHANNELS } from '@sim/types';
import { getLens } from './lenses';
import { normaliseState, strategyFor, type LabState } from './state';

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

// Small caches: a lesson page needs one or two seeds at a time.
const companies = new Map<string, Company>();
const baselines = new Map<string, SimulationResult>();
const segmentations = new Map<string, Segmentation>();
const MAX_ENTRIES = 4;

function remember<T>(map: Map<string, T>, key: string, make: () => T): T {
  const hit = map.get(key);
  if (hit !== undefined) {
    map.delete(key);
    map.set(key, hit); // most recently used last
    return hit;
  }
  const value = make();
  map.set(key, value);
  while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as string);
  return value;
}

export function getCompany(seed: number, customers: number): Company {
  return remember(companies, `${seed}/${customers}`, () => generateCompany(seed, { customers }));
}

export function getBaseline(seed: number, customers: number): SimulationResult {
  const steps = baselineSteps(seed, customers);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The baseline in weekly steps (a cache hit returns at once, without yielding). */
function* baselineSteps(seed: number, customers: number): Generator<void, SimulationResult, void> {
  const key = `${seed}/${customers}`;
  const hit = baselines.get(key);
  if (hit) return remember(baselines, key, () => hit);
  const weeks = simulateSteps(getCompany(seed, customers), baselinePlan(), { weeks: WEEKS });
  for (;;) {
    const r = weeks.next();
    if (r.done) return remember(baselines, key, () => r.value);
    yield;
  }
}

function getSegmentation(seed: number, customers: number, spec: Plan['segmentation']): Segmentation {
  return remember(segmentations, `${seed}/${customers}/${JSON.stringify(spec)}`, () => segment(getCompany(seed, customers), spec));
}

/**
 * Seed this thread's caches with a baseline and a segmentation computed elsewhere (the lab worker), so
 * a later run of the same seed here is warm: it re-simulates only the plan.
 */
export function primeRunCaches(state: LabState, customers: number, baseline: SimulationResult, segmentation: Segmentation, company?: Company): void {
  if (company) remember(companies, `${state.seed}/${customers}`, () => company);
  remember(baselines, `${state.seed}/${customers}`, () => baseline);
  remember(segmentations, segmentationKey(state, customers), () => segmentation);
}

/** This thread's cached company, baseline and segmentation for a (normalised) state, where it has them. */
export function cachedFor(state: LabState, customers: number): { company?: Company; baseline?: SimulationResult; segmentation?: Segmentation } {
  const key = `${state.seed}/${customers}`;
  return { company: companies.get(key), baseline: baselines.get(key), segmentation: segmentations.get(segmentationKey(state, customers)) };
}

/** True when a run of this seed on this thread needs no company or baseline computed first. */
export function isWarm(seed: number, customers: number): boolean {
  const key = `${seed}/${clampCustomers(customers)}`;
  return companies.has(key) && baselines.has(key);
}

/** The cache key of a (normalised) state's segmentation: equal keys give identical segmentations. */
export function segmentationKey(state: LabState, customers: number): string {
  return `${state.seed}/${customers}/${JSON.stringify(getLens(state.lens).spec(state.params))}`;
}

/** The engine plan of a state: the lens's segmentation and the strategy of every current segment. */
export function planFor(state: LabState, segmentation: Segmentation): Plan {
  const strategies: Record<string, SegmentStrategy> = {};
  for (const s of segmentation.segments) strategies[s.key] = strategyFor(state, s.key);
  return { name: `lab:${state.lens}`, segmentation: getLens(state.lens).spec(state.params), strategies };
}

function slices(baseline: SimulationResult, labels: Uint16Array, k: number): BaselineSlice[] {
  const c = baseline.customers;
  const rev = new Float64Array(k);
  const cost = new Float64Array(k);
  const sat = new Float64Array(k);
  const churned = new Float64Array(k);
  const count = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    const s = labels[i];
    rev[s] += c.revenue[i];
    cost[s] += c.costToServe[i];
    sat[s] += c.satisfaction[i];
    if (c.churnWeek[i] >= 0) churned[s]++;
    count[s]++;
  }
  return Array.from({ length: k }, (_, s) => ({
    revenue: rev[s],
    cost: cost[s],
    profit: rev[s] - cost[s],
    satisfaction: count[s] > 0 ? sat[s] / count[s] : 0,
    churnRate: count[s] > 0 ? churned[s] / count[s] : 0,
  }));
}

const ratio = (a: number, b: number): number => (b > 0 && Number.isFinite(a) ? a / b : 0);

/** Run the engine for a state (normalised first), all at once. Throws only on an engine bug. */
export function runLab(input: LabState, customersInput: number = DEFAULT_CUSTOMERS): LabRun {
  const steps = runLabSteps(input, customersInput);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same run in small steps, so the browser can spread it over several tasks and stay responsive
 * (no main-thread task over ~50 ms): yields after the company, after every week of the baseline (first
 * run of a seed only), after the segmentation and after every simulated week; returns the LabRun.
 * `ms` counts engine time only, not the pauses. A strategy change reuses the cached company, baseline
 * and segmentation and only re-simulates (with the segmentation passed in, not recomputed).
 */
export function* runLabSteps(input: LabState, customersInput: number = DEFAULT_CUSTOMERS): Generator<void, LabRun, void> {
  const state = normaliseState(input);
  const customers = clampCustomers(customersInput);
  let ms = 0;
  let t0 = now();
  const cold = !companies.has(`${state.seed}/${customers}`) || !baselines.has(`${state.seed}/${customers}`);
  const company = getCompany(state.seed, customers);
  if (cold && typeof performance !== 'undefined' && typeof performance.measure === 'function') performance.measure('lab:company', { start: t0, end: now() });
  if (cold) {
    ms += now() - t0;
    yield;
    t0 = now();
  }
  const baseWeeks = baselineSteps(state.seed, customers);
  let baseline: SimulationResult;
  for (;;) {
    const r = baseWeeks.next();
    if (r.done) {
      baseline = r.value;
      break;
    }
    ms += now() - t0;
    yield;
    t0 = now();
  }
  const spec = getLens(state.lens).spec(state.params);
  const segmentation = getSegmentation(state.seed, customers, spec);
  const plan = planFor(state, segmentation);
  const weeks = simulateSteps(company, plan, { weeks: WEEKS, segmentation });
  let result: SimulationResult;
  for (;;) {
    const r = weeks.next();
    if (r.done) {
      result = r.value;
      break;
    }
    ms += now() - t0;
    yield;
    t0 = now();
  }
  const base = slices(baseline, segmentation.labels, segmentation.segments.length);
  const segments: SegmentView[] = result.segments.map((r, index) => ({
    key: r.key,
    name: r.name,
    index,
    customers: r.customers,
    strategy: strategyFor(state, r.key),
    result: r,
    costPerCustomer: ratio(r.cost.total, r.customers),
    costShare: ratio(r.cost.total, r.revenue),
    orderCostShare: ratio(r.cost.orderHandling, r.revenue),
    profitPerCustomer: ratio(r.profit, r.customers),
    base: base[index],
  }));
  ms += now() - t0;
  return { state, customers, company, segmentation, plan, result, baseline, segments, ms };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

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
