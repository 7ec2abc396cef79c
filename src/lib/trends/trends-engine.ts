/**
 * The trends lab's engine off the main thread: `createTrendsEngine()` starts trends.worker.ts (a module
 * worker) and returns `run(seed, state) → Promise<TrendsView>`, or null where module workers are
 * unavailable (happy-dom unit tests, very old browsers); the island then calls run.ts trendsView on the
 * main thread, the same pure function the worker runs. The island keeps one run in flight and
 * coalesces changes to the latest state (TrendsLab.svelte). A worker that fails to load or throws
 * rejects every pending run with TrendsWorkerUnavailable, and the island falls back to the main
 * thread for good; an engine error for one state rejects that run with a plain Error.
 * Pattern: src/lib/lab/lab-engine.ts.
 */
import type { TrendsState } from './model';
import type { TrendsView } from './run';
import type { TrendsRequest, TrendsResponse } from './trends-protocol';

export interface TrendsEngine {
  run(seed: number, state: TrendsState): Promise<TrendsView>;
  dispose(): void;
}

export class TrendsWorkerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrendsWorkerUnavailable';
  }
}

export function trendsWorkerSupported(): boolean {
  return typeof Worker === 'function' && typeof window !== 'undefined';
}

export function createTrendsEngine(): TrendsEngine | null {
  if (!trendsWorkerSupported()) return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./trends.worker.ts', import.meta.url), { type: 'module', name: 'segment-lab-trends' });
  } catch {
    return null;
  }
  interface Pending {
    resolve: (v: TrendsView) => void;
    reject: (e: unknown) => void;
  }
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken = false;

  const failAll = (why: string): void => {
    broken = true;
    const jobs = [...pending.values()];
    pending.clear();
    for (const j of jobs) j.reject(new TrendsWorkerUnavailable(why));
  };

  worker.addEventListener('message', (event: MessageEvent<TrendsResponse>) => {
    const msg = event.data;
    const job = pending.get(msg.id);
    if (!job) return;
    pending.delete(msg.id);
    if (msg.ok) job.resolve(msg.view);
    else job.reject(new Error(msg.message));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    failAll('the trends worker could not run');
  });
  worker.addEventListener('messageerror', () => {
    worker.terminate();
    failAll('the trends worker sent a message the page could not read');
  });

  return {
    run(seed, state) {
      if (broken) return Promise.reject(new TrendsWorkerUnavailable('the trends worker could not run'));
      const id = nextId++;
      return new Promise<TrendsView>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const req: TrendsRequest = { id, seed, state };
        try {
          worker.postMessage(req);
        } catch (e) {
          pending.delete(id);
          broken = true;
          reject(new TrendsWorkerUnavailable(e instanceof Error ? e.message : String(e)));
        }
      });
    },
    dispose() {
      worker.terminate();
      failAll('disposed');
    },
  };
}
