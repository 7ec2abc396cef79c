/**
 * The lab's engine off the main thread: `createWorkerEngine()` starts lab.worker.ts (a module worker)
 * and returns `run(state, customers) → Promise<LabRun>`, or null where workers are unavailable (unit
 * tests, very old browsers); the lab then runs the engine on the main thread in slices (run.ts
 * runLabSteps). The page keeps the company (generated here, cached in run.ts) and the last few
 * segmentations and baselines, and asks the worker to send those only when it lacks them, so the
 * objects the charts key on stay the same across strategy changes (no needless chart redraws).
 * A worker that fails to load or throws rejects every pending run with WorkerUnavailable, and the
 * lab falls back to the main thread for good.
 */
import type { Segmentation, SimulationResult } from '@sim/types';
import type { LabRequest, LabResponse } from './lab-protocol';
import { clampCustomers, getCompany, segmentationKey, type LabRun } from './run';
import { normaliseState, type LabState } from './state';

export interface LabEngine {
  run(state: LabState, customers: number): Promise<LabRun>;
  dispose(): void;
}

export class WorkerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerUnavailable';
  }
}

const KEEP = 4;
function keep<T>(map: Map<string, T>, key: string, value: T): T {
  map.delete(key);
  map.set(key, value);
  while (map.size > KEEP) map.delete(map.keys().next().value as string);
  return value;
}

export function workerSupported(): boolean {
  return typeof Worker === 'function' && typeof window !== 'undefined';
}

export function createWorkerEngine(): LabEngine | null {
  if (!workerSupported()) return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'segment-lab-lab' });
  } catch {
    return null;
  }
  const segmentations = new Map<string, Segmentation>();
  const baselines = new Map<string, SimulationResult>();
  interface Pending {
    resolve: (r: LabRun) => void;
    reject: (e: unknown) => void;
    segKey: string;
    baseKey: string;
    /** the cached objects at send time (kept alive even if the caches evict them meanwhile) */
    segmentation: Segmentation | undefined;
    baseline: SimulationResult | undefined;
  }
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken = false;

  const failAll = (why: string): void => {
    broken = true;
    const jobs = [...pending.values()];
    pending.clear();
    for (const j of jobs) j.reject(new WorkerUnavailable(why));
  };

  worker.addEventListener('message', (event: MessageEvent<LabResponse>) => {
    const msg = event.data;
    const job = pending.get(msg.id);
    if (!job) return;
    pending.delete(msg.id);
    if (!msg.ok) {
      job.reject(new Error(msg.message));
      return;
    }
    const segmentation = msg.segmentation ?? job.segmentation;
    const baseline = msg.baseline ?? job.baseline;
    if (!segmentation || !baseline) {
      job.reject(new Error('lab worker: missing segmentation or baseline'));
      return;
    }
    keep(segmentations, job.segKey, segmentation);
    keep(baselines, job.baseKey, baseline);
    job.resolve({
      state: msg.state,
      customers: msg.customers,
      company: getCompany(msg.state.seed, msg.customers),
      segmentation,
      plan: msg.plan,
      result: msg.result,
      baseline,
      segments: msg.segments,
      ms: msg.ms,
    });
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    failAll('the lab worker could not run');
  });

  return {
    run(input, customersInput) {
      if (broken) return Promise.reject(new WorkerUnavailable('the lab worker could not run'));
      const state = normaliseState(input);
      const customers = clampCustomers(customersInput);
      const segKey = segmentationKey(state, customers);
      const baseKey = `${state.seed}/${customers}`;
      const segmentation = segmentations.get(segKey);
      const baseline = baselines.get(baseKey);
      const id = nextId++;
      return new Promise<LabRun>((resolve, reject) => {
        pending.set(id, { resolve, reject, segKey, baseKey, segmentation, baseline });
        const req: LabRequest = { id, state, customers, needSegmentation: !segmentation, needBaseline: !baseline };
        worker.postMessage(req);
      });
    },
    dispose() {
      worker.terminate();
      failAll('disposed');
    },
  };
}
