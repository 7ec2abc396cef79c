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
import { simulateSteps } from '@sim/simulate/simulate';
import type { Company, Plan, Segmentation, SegmentStrategy, SimulationResult } from '@sim/types';
import { baselines, companies, remember, segmentations } from './run-cache';
import { clampCustomers, DEFAULT_CUSTOMERS, WEEKS, type BaselineSlice, type LabRun, type SegmentView } from './run-views';
import { getLens } from './lenses';
import { normaliseState, strategyFor, type LabState } from './state';

// the views and the caches, for callers that import everything from here (tests, the worker)
export * from './run-views';
export { cachedFor, isWarm, primeRunCaches, segmentationKey } from './run-cache';

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
  const hit = baselines.get(key); // a hit becomes the most recently used, as remember() does
  if (hit) return hit;
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

