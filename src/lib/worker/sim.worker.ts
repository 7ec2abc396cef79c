/// <reference lib="webworker" />
/**
 * Module Web Worker that runs the weekly simulation off the main thread.
 * Receives ToWorker messages: {type:'run', id, input:{seed, customers, plan, weeks, scenario, event, digital,
 * withBaseline}} and {type:'cancel', id}. Posts {type:'progress'} every few weeks, then {type:'done', result,
 * baseline} with the plan result's typed arrays transferred (not copied; the baseline is copied, because the
 * worker keeps it for the next run with the same conditions), {type:'cancelled'} or {type:'error'}.
 * Started by runner.ts with `new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' })`,
 * the pattern Vite (and so Astro) detects and bundles as a separate chunk.
 */
import { runPairChunked, transferables, isAbortError, type FromWorker, type ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<number>();

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
  if (msg.type === 'cancel') {
    cancelled.add(msg.id);
    return;
  }
  if (msg.type !== 'run') return;
  const id = msg.id;
  runPairChunked(msg.input, {
    chunkWeeks: msg.chunkWeeks,
    onProgress: (progress) => post({ type: 'progress', id, progress }),
    isCancelled: () => cancelled.has(id),
  })
    .then(({ result, baseline }) => post({ type: 'done', id, result, baseline }, transferables(result)))
    .catch((e: unknown) => {
      if (isAbortError(e)) post({ type: 'cancelled', id });
      else post({ type: 'error', id, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) });
    })
    .finally(() => cancelled.delete(id));
});
