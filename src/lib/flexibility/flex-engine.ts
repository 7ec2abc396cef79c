/**
 * The flexibility lab's engine off the main thread: `createFlexWorkerEngine(seed, customers)` starts
 * flexibility.worker.ts (a module worker) and returns `compare(state) → Promise<FlexComparison>`, or
 * null where workers are unavailable (unit tests in happy-dom, very old browsers); the lab then runs
 * FlexEngine on the main thread as before. The worker runs the same pure code (run.ts), so its results
 * equal the main-thread ones. The channel is src/lib/worker/rpc.ts: a worker that fails to load or
 * throws rejects every pending comparison with WorkerUnavailable, and the lab falls back to the main
 * thread for good. The lab keeps one comparison in flight and coalesces changes to the latest state
 * (FlexibilityLab.svelte).
 */
import { createRpcClient, WorkerUnavailable } from '../worker/rpc';
import type { FlexRequest, FlexResponse } from './flex-protocol';
import type { FlexComparison } from './run';
import { normaliseFlexState, type FlexState } from './state';

export { WorkerUnavailable };

export interface FlexWorkerEngine {
  compare(state: FlexState): Promise<FlexComparison>;
  dispose(): void;
}

export function createFlexWorkerEngine(seed: number, customers: number): FlexWorkerEngine | null {
  const client = createRpcClient<FlexRequest, FlexResponse>(
    () => new Worker(new URL('./flexibility.worker.ts', import.meta.url), { type: 'module', name: 'segment-lab-flexibility' }),
    'flexibility',
  );
  if (!client) return null;
  return {
    compare(input) {
      return client.call({ seed, customers, state: normaliseFlexState(input) });
    },
    dispose() {
      client.dispose();
    },
  };
}
