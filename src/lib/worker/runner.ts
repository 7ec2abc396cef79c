/**
 * runSimulation(input, { onProgress, signal }) → Promise<SimulationResult>
 *
 * Runs the weekly simulation in a module Web Worker (sim.worker.ts) so a 20,000-customer run never
 * freezes the page, reporting progress every few weeks; an AbortSignal cancels the run (the promise
 * rejects with an AbortError). Where Worker is unavailable (unit tests, very old browsers) or the
 * worker script fails to load, the same chunked run (protocol.ts runChunked) runs on the main thread,
 * yielding to the event loop between chunks of weeks so the page stays responsive.
 *
 * The worker is created lazily on the first run (never at import, so server-side rendering is safe)
 * and reused by later runs; several runs may be in flight, each with its own id.
 */
import type { SimulationResult } from '@sim/types';
import { abortError, runChunked, type FromWorker, type RunInput, type RunProgress, type ToWorker } from './protocol';

export type { RunInput, RunProgress, Scenario } from './protocol';
export { isAbortError } from './protocol';

export interface RunOptions {
  onProgress?: (progress: RunProgress) => void;
  signal?: AbortSignal;
  /** 'auto' (default): worker when available; 'main': always the main-thread fallback */
  mode?: 'auto' | 'main';
  /** weeks per progress report / yield, default 4 */
  chunkWeeks?: number;
}

interface Pending {
  resolve: (r: SimulationResult) => void;
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
    if (msg.type === 'done') job.resolve(msg.result);
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

function runOnMainThread(input: RunInput, options: RunOptions): Promise<SimulationResult> {
  const { signal } = options;
  return runChunked(input, {
    onProgress: options.onProgress,
    chunkWeeks: options.chunkWeeks,
    isCancelled: () => signal?.aborted === true,
  });
}

export function runSimulation(input: RunInput, options: RunOptions = {}): Promise<SimulationResult> {
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
  return new Promise<SimulationResult>((resolve, reject) => {
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
