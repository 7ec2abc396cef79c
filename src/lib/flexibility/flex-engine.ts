/**
 * The flexibility lab's engine off the main thread: `createFlexWorkerEngine(seed, customers)` starts
 * flexibility.worker.ts (a module worker) and returns `compare(state) → Promise<FlexComparison>`, or
 * null where workers are unavailable (unit tests in happy-dom, very old browsers); the lab then runs
 * FlexEngine on the main thread as before. The worker runs the same pure code (run.ts), so its results
 * equal the main-thread ones. A worker that fails to load or throws rejects every pending comparison
 * with FlexWorkerUnavailable, and the lab falls back to the main thread for good.
 * The lab keeps one comparison in flight and coalesces changes to the latest state (FlexibilityLab.svelte).
 */
import type { FlexRequest, FlexResponse } from './flex-protocol';
import type { FlexComparison } from './run';
import { normaliseFlexState, type FlexState } from './state';

export interface FlexWorkerEngine {
  compare(state: FlexState): Promise<FlexComparison>;
  dispose(): void;
}

export class FlexWorkerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlexWorkerUnavailable';
  }
}

export function flexWorkerSupported(): boolean {
  return typeof Worker === 'function' && typeof window !== 'undefined';
}

export function createFlexWorkerEngine(seed: number, customers: number): FlexWorkerEngine | null {
  if (!flexWorkerSupported()) return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./flexibility.worker.ts', import.meta.url), { type: 'module', name: 'segment-lab-flexibility' });
  } catch {
    return null;
  }
  const pending = new Map<number, { resolve: (c: FlexComparison) => void; reject: (e: unknown) => void }>();
  let nextId = 1;
  let broken = false;

  const failAll = (why: string): void => {
    broken = true;
    const jobs = [...pending.values()];
    pending.clear();
    for (const j of jobs) j.reject(new FlexWorkerUnavailable(why));
  };

  worker.addEventListener('message', (event: MessageEvent<FlexResponse>) => {
    const msg = event.data;
    const job = pending.get(msg.id);
    if (!job) return;
    pending.delete(msg.id);
    if (msg.ok) job.resolve(msg.comparison);
    else job.reject(new Error(msg.message));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    failAll('the flexibility worker could not run');
  });

  return {
    compare(input) {
      if (broken) return Promise.reject(new FlexWorkerUnavailable('the flexibility worker could not run'));
      const id = nextId++;
      return new Promise<FlexComparison>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const req: FlexRequest = { id, seed, customers, state: normaliseFlexState(input) };
        worker.postMessage(req);
      });
    },
    dispose() {
      worker.terminate();
      failAll('disposed');
    },
  };
}
