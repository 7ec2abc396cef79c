/**
 * The lab's engine off the main thread: `createWorkerEngine()` starts lab.worker.ts (a module worker)
 * and returns `run(state, customers) → Promise<LabRun>`, or null where workers are unavailable (unit
 * tests, very old browsers); the lab then runs the engine on the main thread in slices (run.ts
 * runLabSteps). This module does not import the engine: a page whose worker runs never needs to load
 * it, except for its own fast path (see SegmentLab). The page keeps the company, the last few segmentations and baselines in run.ts's
 * caches (shared with the main-thread path), and asks the worker to send those only when it lacks them, so the
 * objects the charts key on stay the same across strategy changes (no needless chart redraws).
 * A worker that fails to load or throws rejects every pending run with WorkerUnavailable, and the
 * lab falls back to the main thread for good.
 */
import { createRpcClient, WorkerUnavailable } from '../worker/rpc';
import type { LabReply, LabRequest } from './lab-protocol';
import { cachedFor, primeRunCaches } from './run-cache';
import { clampCustomers, type LabRun } from './run-views';
import { normaliseState, type LabState } from './state';

export { WorkerUnavailable };

export interface LabEngine {
  run(state: LabState, customers: number): Promise<LabRun>;
  dispose(): void;
}

export function createWorkerEngine(): LabEngine | null {
  const client = createRpcClient<LabRequest, LabReply>(
    () => new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'segment-lab-lab' }),
    'lab',
  );
  if (!client) return null;
  return {
    async run(input, customersInput) {
      const state = normaliseState(input);
      const customers = clampCustomers(customersInput);
      // this thread's caches (run.ts), held for the reply even if they evict them meanwhile
      const { segmentation: cachedSegmentation, baseline: cachedBaseline, company: cachedCompany } = cachedFor(state, customers);
      const msg = await client.call({ state, customers, needSegmentation: !cachedSegmentation, needBaseline: !cachedBaseline, needCompany: !cachedCompany });
      const segmentation = msg.segmentation ?? cachedSegmentation;
      const baseline = msg.baseline ?? cachedBaseline;
      const company = msg.company ?? cachedCompany;
      if (!segmentation || !baseline || !company) throw new Error('lab worker: missing company, segmentation or baseline');
      // into this thread's caches: the charts keep the same objects, and a lone change of this seed
      // can run here warm (SegmentLab)
      primeRunCaches(msg.state, msg.customers, baseline, segmentation, company);
      return {
        state: msg.state,
        customers: msg.customers,
        company,
        segmentation,
        plan: msg.plan,
        result: msg.result,
        baseline,
        segments: msg.segments,
        ms: msg.ms,
      };
    },
    dispose() {
      client.dispose();
    },
  };
}
