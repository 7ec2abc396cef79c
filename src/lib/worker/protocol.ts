/**
 * Messages between the page and the simulation worker (sim.worker.ts), and the chunked run both the
 * worker and the main-thread fallback use, so the two paths cannot drift apart.
 * Pure TypeScript: no DOM.
 */
import { generateCompany } from '@sim/company/generate';
import { simulateSteps } from '@sim/simulate/simulate';
import type { Company, Plan, SimulationResult } from '@sim/types';

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
}

export interface RunProgress {
  /** weeks finished so far */
  week: number;
  weeks: number;
  /** week / weeks, 0..1 */
  fraction: number;
}

export type ToWorker = { type: 'run'; id: number; input: RunInput; chunkWeeks?: number } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; progress: RunProgress }
  | { type: 'done'; id: number; result: SimulationResult }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; name: string; message: string };

/** Weeks between progress reports and yields to the event loop (cancel messages are read then). */
export const DEFAULT_CHUNK_WEEKS = 4;

/** Thrown (or rejected with) when a run is cancelled; `name` is 'AbortError' like fetch's. */
export function abortError(): Error {
  if (typeof DOMException === 'function') return new DOMException('The simulation run was cancelled.', 'AbortError');
  const e = new Error('The simulation run was cancelled.');
  e.name = 'AbortError';
  return e;
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

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

/**
 * Runs simulateSteps to the end, `chunkWeeks` weeks at a time, reporting progress after each chunk
 * and yielding between chunks. Engine validation errors (EngineError) propagate unchanged.
 */
export async function runChunked(input: RunInput, hooks: ChunkedHooks = {}): Promise<SimulationResult> {
  const chunk = Number.isInteger(hooks.chunkWeeks) && (hooks.chunkWeeks as number) >= 1 ? (hooks.chunkWeeks as number) : DEFAULT_CHUNK_WEEKS;
  const pause = hooks.yieldFn ?? yieldToEventLoop;
  const cancelled = hooks.isCancelled ?? (() => false);
  if (cancelled()) throw abortError();
  const company = companyFor(input.seed, input.customers);
  const options: { weeks?: number; seed?: number | string; params?: Record<string, unknown> } = {};
  if (input.weeks !== undefined) options.weeks = input.weeks;
  if (input.scenario?.demandSeed !== undefined) options.seed = input.scenario.demandSeed;
  if (input.scenario?.params !== undefined) options.params = input.scenario.params;
  const steps = simulateSteps(company, input.plan, options);
  let done = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) {
      return next.value;
    }
    done = next.value.week + 1;
    const weeks = next.value.weeks;
    if (done % chunk === 0 && done < weeks) {
      hooks.onProgress?.({ week: done, weeks, fraction: done / weeks });
      await pause();
      if (cancelled()) {
        steps.return(undefined as never);
        throw abortError();
      }
    } else if (done === weeks) {
      hooks.onProgress?.({ week: done, weeks, fraction: 1 });
    }
  }
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
