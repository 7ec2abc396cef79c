/**
 * runSimulation(input, { onProgress, signal }) → Promise<SimulationResult>
 *
 * Runs the weekly simulation in a module Web Worker (sim.worker.ts) so a 20,000-customer run never
 * freezes the page, reporting progress every few weeks; an AbortSignal cancels the run (the promise
 * rejects with an AbortError). Where Worker is unavailable (unit tests, very old browsers) or the
 * worker script fails to load, the same chunked run (protocol.ts runChunked) runs on the main thread,
 * yielding to the event loop between chunks of weeks so the page stays responsive.
 *
 * runPair(input, options) → Promise<{ result, baseline }> does the same and, with input.withBaseline,
 * also runs the one-size-fits-all baseline under the same event (scenario), demand seed and options.
 * This module does not import the engine: the main-thread fallback loads protocol.ts on first use, so a
 * page that runs everything in the worker does not ship the simulation loop.
 *
 * The worker is created lazily on the first run (never at import, so server-side rendering is safe)
 * and reused by later runs; several runs may be in flight, each with its own id.
 */
import type { SimulationResult } from '@sim/types';
import { abortError } from './abort';
import type { FromWorker, RunInput, RunPair, RunProgress, ToWorker } from './protocol';

export type { RunInput, RunPair, RunProgress, Scenario } from './protocol';
export { isAbortError } from './abort';

export interface RunOptions {
  onProgress?: (progress: RunProgress) => void;
  signal?: AbortSignal;
  /** 'auto' (default): worker when available; 'main': always the main-thread fallback */
  mode?: 'auto' | 'main';
  /** weeks per progress report / yield, default 4 */
  chunkWeeks?: number;
}

interface Pending {
  resolve: (r: RunPair) => void;
  reject: (e: unknown) => void;
  onProgress?: (p: RunProgress) => void;
  input: RunInput;
  options: RunOptions;
}

let worker: Worker | null = null;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

/** True when this environment can start module workers (and the worker has not failed to load). */
export function workerAvailable(): boolean {
  return !workerBroken && typeof Worker === 'function' && typeof window !== 'undefined';
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'segment-lab-sim' });
  w.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const msg = event.data;
    const job = pending.get(msg.id);
    if (!job) return;
    if (msg.type === 'progress') {
      job.onProgress?.(msg.progress);
      return;
    }
    pending.delete(msg.id);
    if (msg.type === 'done') job.resolve({ result: msg.result, baseline: msg.baseline ?? null });
    else if (msg.type === 'cancelled') job.reject(abortError());
    else {
      const e = new Error(msg.message);
      e.name = msg.name;
      job.reject(e);
    }
  });
  // The script could not be loaded or crashed: finish every pending run on the main thread instead.
  w.addEventListener('error', (event) => {
    event.preventDefault();
    workerBroken = true;
    w.terminate();
    worker = null;
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) runOnMainThread(job.input, job.options).then(job.resolve, job.reject);
  });
  worker = w;
  return w;
}

/** The fallback loads the engine on first use (a separate chunk), so pages that always get a worker never download it twice. */
async function runOnMainThread(input: RunInput, options: RunOptions): Promise<RunPair> {
  const { signal } = options;
  const { runPairChunked } = await import('./protocol');
  return runPairChunked(input, {
    onProgress: options.onProgress,
    chunkWeeks: options.chunkWeeks,
    isCancelled: () => signal?.aborted === true,
  });
}

export async function runSimulation(input: RunInput, options: RunOptions = {}): Promise<SimulationResult> {
  return (await runPair({ ...input, withBaseline: false }, options)).result;
}

/**
 * runPair(input, options) → Promise<RunPair>: the plan run and, with `input.withBaseline: true`, the
 * one-size-fits-all baseline on the same customers under the same event, demand seed and options (the
 * baseline of the previous run is reused when those are unchanged). Progress and cancel as runSimulation.
 */
export function runPair(input: RunInput, options: RunOptions = {}): Promise<RunPair> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  if (options.mode === 'main' || !workerAvailable()) return runOnMainThread(input, options);

  let w: Worker;
  try {
    w = getWorker();
  } catch {
    workerBroken = true;
    return runOnMainThread(input, options);
  }
  const id = nextId++;
  return new Promise<RunPair>((resolve, reject) => {
    const onAbort = () => {
      if (!pending.has(id)) return;
      pending.delete(id);
      worker?.postMessage({ type: 'cancel', id } satisfies ToWorker);
      reject(abortError());
    };
    const cleanup = () => signal?.removeEventListener('abort', onAbort);
    pending.set(id, {
      resolve: (r) => {
        cleanup();
        resolve(r);
      },
      reject: (e) => {
        cleanup();
        reject(e);
      },
      onProgress: options.onProgress,
      input,
      options,
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    const message: ToWorker = { type: 'run', id, input, chunkWeeks: options.chunkWeeks };
    try {
      w.postMessage(message);
    } catch (e) {
      // e.g. a plan that cannot be cloned
      pending.delete(id);
      cleanup();
      reject(e);
    }
  });
}

/** Stops the shared worker (e.g. when the last simulator on a page is destroyed); pending runs are cancelled. */
export function disposeWorker(): void {
  if (!worker) return;
  worker.terminate();
  worker = null;
  const jobs = [...pending.values()];
  pending.clear();
  for (const job of jobs) job.reject(abortError());
}
