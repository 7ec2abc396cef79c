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
import { createRpcClient, WorkerUnavailable } from '../worker/rpc';
import type { LabReply, LabRequest } from './lab-protocol';
import { clampCustomers, getCompany, primeRunCaches, segmentationKey, type LabRun } from './run';
import { normaliseState, type LabState } from './state';

export { WorkerUnavailable };

export interface LabEngine {
  run(state: LabState, customers: number): Promise<LabRun>;
  dispose(): void;
}

const KEEP = 4;
function keep<T>(map: Map<string, T>, key: string, value: T): T {
  map.delete(key);
  map.set(key, value);
  while (map.size > KEEP) map.delete(map.keys().next().value as string);
  return value;
}

export function createWorkerEngine(): LabEngine | null {
  const client = createRpcClient<LabRequest, LabReply>(
    () => new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'segment-lab-lab' }),
    'lab',
  );
  if (!client) return null;
  const segmentations = new Map<string, Segmentation>();
  const baselines = new Map<string, SimulationResult>();
  return {
    async run(input, customersInput) {
      const state = normaliseState(input);
      const customers = clampCustomers(customersInput);
      const segKey = segmentationKey(state, customers);
      const baseKey = `${state.seed}/${customers}`;
      // held for the reply even if the caches evict them meanwhile
      const cachedSegmentation = segmentations.get(segKey);
      const cachedBaseline = baselines.get(baseKey);
      const msg = await client.call({ state, customers, needSegmentation: !cachedSegmentation, needBaseline: !cachedBaseline });
      const segmentation = msg.segmentation ?? cachedSegmentation;
      const baseline = msg.baseline ?? cachedBaseline;
      if (!segmentation || !baseline) throw new Error('lab worker: missing segmentation or baseline');
      keep(segmentations, segKey, segmentation);
      keep(baselines, baseKey, baseline);
      // the main thread can now run a change of this seed warm (SegmentLab runs lone changes here)
      primeRunCaches(msg.state, msg.customers, baseline, segmentation);
      return {
        state: msg.state,
        customers: msg.customers,
        company: getCompany(msg.state.seed, msg.customers),
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
