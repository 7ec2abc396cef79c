/**
 * The trends lab's engine off the main thread: `createTrendsEngine()` starts trends.worker.ts (a module
 * worker) and returns `run(seed, state) → Promise<TrendsView>`, or null where module workers are
 * unavailable (happy-dom unit tests, very old browsers); the island then calls run.ts trendsView on the
 * main thread, the same pure function the worker runs. The island keeps one run in flight and
 * coalesces changes to the latest state (TrendsLab.svelte). The channel is src/lib/worker/rpc.ts: a
 * worker that fails to load or throws rejects every pending run with WorkerUnavailable, and the island
 * falls back to the main thread for good; an engine error for one state rejects that run with a plain Error.
 */
import { createRpcClient, WorkerUnavailable } from '../worker/rpc';
import type { TrendsState } from './model';
import type { TrendsView } from './run';
import type { TrendsRequest, TrendsResponse } from './trends-protocol';

export { WorkerUnavailable };

export interface TrendsEngine {
  run(seed: number, state: TrendsState): Promise<TrendsView>;
  dispose(): void;
}

export function createTrendsEngine(): TrendsEngine | null {
  const client = createRpcClient<TrendsRequest, TrendsResponse>(
    () => new Worker(new URL('./trends.worker.ts', import.meta.url), { type: 'module', name: 'segment-lab-trends' }),
    'trends',
  );
  if (!client) return null;
  return {
    async run(seed, state) {
      try {
        return (await client.call({ seed, state })).view;
      } catch (e) {
        // a state the page cannot clone (a reactive proxy): compute it on the main thread instead
        if (e instanceof DOMException && e.name === 'DataCloneError') throw new WorkerUnavailable(e.message);
        throw e;
      }
    },
    dispose() {
      client.dispose();
    },
  };
}
