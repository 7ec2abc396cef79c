/**
 * Messages between the page and the simulation worker (sim.worker.ts), and the chunked run both the
 * worker and the main-thread fallback use, so the two paths cannot drift apart.
 * Pure TypeScript: no DOM. Relative imports, not the @sim alias: Vite bundles the worker with its own
 * plugin pipeline, which does not resolve the tsconfig path aliases.
 */
import { generateCompany } from '../../../simulations/company/generate';
import { simulateSteps } from '../../../simulations/simulate/simulate';
import { baselinePlan } from '../../../simulations/strategy/plan';
import { abortError } from './abort';
import type { Company, DigitalOptions, Plan, ScenarioKey, ScenarioSpec, SimulateOptions, SimulationResult } from '../../../simulations/types';

/**
 * What-if overrides of one run (the engine's SimulateOptions without the segmentation):
 * `demandSeed` = seed of the demand stream (default the company seed, common random numbers across
 * plans); `params` = overrides of simulations/simulate/params.ts DEFAULT_PARAMS, validated by the engine.
 */
export interface Scenario {
  demandSeed?: number | string;
  params?: Record<string, unknown>;
}

/** One run: the company is regenerated from (seed, customers) on the other side, never sent. */
export interface RunInput {
  seed: number | string;
  /** number of customers, 50..200,000 (engine limit) */
  customers: number;
  plan: Plan;
  /** weeks to simulate, 1..260 (default 52) */
  weeks?: number;
  scenario?: Scenario;
  /** the external event played against the plan (engine SimulateOptions.scenario: a preset key such as
   * 'demand-shock' or { key, params }; MODEL.md §7.1); default none */
  event?: ScenarioSpec | ScenarioKey;
  /** digital demand visibility (engine SimulateOptions.digital, MODEL.md §7.3); default off */
  digital?: DigitalOptions;
  /** also run the one-size-fits-all baseline (strategy/plan.ts baselinePlan) on the same customers with
   * the same weeks, demand seed, params, event and digital options: the result then carries `baseline` */
  withBaseline?: boolean;
}

/** A plan run and, when asked for (RunInput.withBaseline), the baseline under the same conditions. */
export interface RunPair {
  result: SimulationResult;
  baseline: SimulationResult | null;
}

export interface RunProgress {
  /** weeks finished so far */
  week: number;
  weeks: number;
  /** week / weeks, 0..1 (of the whole job: with a baseline, the plan is the first half) */
  fraction: number;
  /** which run of the job is simulating (absent for a plan-only run) */
  phase?: 'plan' | 'baseline';
}

export type ToWorker = { type: 'run'; id: number; input: RunInput; chunkWeeks?: number } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; progress: RunProgress }
  | { type: 'done'; id: number; result: SimulationResult; baseline?: SimulationResult | null }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; name: string; message: string };

/** Weeks between progress reports and yields to the event loop (cancel messages are read then). */
export const DEFAULT_CHUNK_WEEKS = 4;

export { abortError, isAbortError } from './abort';

// One company kept per side: re-running with another plan on the same (seed, customers) skips generation.
let cached: { seed: number | string; customers: number; company: Company } | null = null;
export function companyFor(seed: number | string, customers: number): Company {
  if (cached && cached.seed === seed && cached.customers === customers) return cached.company;
  const company = generateCompany(seed, { customers });
  cached = { seed, customers, company };
  return company;
}

/** Resolves after the event loop has had a turn (lets cancel messages, clicks and paints through). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ChunkedHooks {
  onProgress?: (p: RunProgress) => void;
  /** checked between chunks; true stops the run with an AbortError */
  isCancelled?: () => boolean;
  chunkWeeks?: number;
  yieldFn?: () => Promise<void>;
}

function engineOptions(input: RunInput): SimulateOptions {
  const options: SimulateOptions = {};
  if (input.weeks !== undefined) options.weeks = input.weeks;
  if (input.scenario?.demandSeed !== undefined) options.seed = input.scenario.demandSeed;
  if (input.scenario?.params !== undefined) options.params = input.scenario.params;
  if (input.event !== undefined) options.scenario = input.event;
  if (input.digital !== undefined) options.digital = input.digital;
  return options;
}

async function stepsChunked(
  company: Company,
  plan: Plan,
  options: SimulateOptions,
  hooks: ChunkedHooks,
  report: (done: number, weeks: number) => void,
): Promise<SimulationResult> {
  const chunk = Number.isInteger(hooks.chunkWeeks) && (hooks.chunkWeeks as number) >= 1 ? (hooks.chunkWeeks as number) : DEFAULT_CHUNK_WEEKS;
  const pause = hooks.yieldFn ?? yieldToEventLoop;
  const cancelled = hooks.isCancelled ?? (() => false);
  const steps = simulateSteps(company, plan, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const done = next.value.week + 1;
    const weeks = next.value.weeks;
    if (done % chunk === 0 && done < weeks) {
      report(done, weeks);
      await pause();
      if (cancelled()) {
        steps.return(undefined as never);
        throw abortError();
      }
    } else if (done === weeks) {
      report(done, weeks);
    }
  }
}

/**
 * Runs simulateSteps to the end, `chunkWeeks` weeks at a time, reporting progress after each chunk
 * and yielding between chunks. Engine validation errors (EngineError) propagate unchanged.
 */
export async function runChunked(input: RunInput, hooks: ChunkedHooks = {}): Promise<SimulationResult> {
  return (await runPairChunked({ ...input, withBaseline: false }, hooks)).result;
}

// The last baseline per side: a learner changes the plan far more often than the customers or the event.
let cachedBaseline: { key: string; result: SimulationResult } | null = null;

function baselineKey(input: RunInput): string {
  return JSON.stringify([input.seed, input.customers, input.weeks ?? null, input.scenario ?? null, input.event ?? null, input.digital ?? null]);
}

/**
 * The plan run and, with `input.withBaseline`, the one-size-fits-all baseline under the same conditions
 * (customers, weeks, demand seed, params, event, digital), in chunks like runChunked. Progress covers
 * both runs (the plan is the first half); a baseline already simulated for the same conditions is reused
 * (the caller must not mutate it).
 */
export async function runPairChunked(input: RunInput, hooks: ChunkedHooks = {}): Promise<RunPair> {
  const cancelled = hooks.isCancelled ?? (() => false);
  if (cancelled()) throw abortError();
  const company = companyFor(input.seed, input.customers);
  const options = engineOptions(input);
  const key = input.withBaseline ? baselineKey(input) : '';
  const baseHit = input.withBaseline && cachedBaseline?.key === key ? cachedBaseline.result : null;
  const twoRuns = input.withBaseline === true && baseHit === null;
  const phase = (p: 'plan' | 'baseline'): { phase?: 'plan' | 'baseline' } => (input.withBaseline ? { phase: p } : {});
  const result = await stepsChunked(company, input.plan, options, hooks, (done, weeks) =>
    hooks.onProgress?.({ week: done, weeks, fraction: twoRuns ? done / weeks / 2 : done / weeks, ...phase('plan') }),
  );
  if (!input.withBaseline) return { result, baseline: null };
  if (baseHit) return { result, baseline: baseHit };
  await (hooks.yieldFn ?? yieldToEventLoop)();
  if (cancelled()) throw abortError();
  const baseline = await stepsChunked(company, baselinePlan(), options, hooks, (done, weeks) =>
    hooks.onProgress?.({ week: done, weeks, fraction: 0.5 + done / weeks / 2, ...phase('baseline') }),
  );
  cachedBaseline = { key, result: baseline };
  return { result, baseline };
}

/** The distinct ArrayBuffers of a result's typed arrays (to transfer them instead of copying). */
export function transferables(result: SimulationResult): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  const add = (a: unknown) => {
    if (ArrayBuffer.isView(a) && a.buffer instanceof ArrayBuffer) set.add(a.buffer);
  };
  for (const v of Object.values(result.customers)) add(v);
  for (const v of Object.values(result.weekly)) add(v);
  return [...set];
}
