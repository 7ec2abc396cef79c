/// <reference lib="webworker" />
/**
 * Module Web Worker that runs the flexibility lab's engine (run.ts FlexEngine: company generation,
 * segmentation and two to four simulated years per change) off the main thread, so neither hydration
 * nor a control change gives the page a long task. It keeps the engine (and its caches of rigid and
 * flexible years) between requests. Started by flex-engine.ts; Vite (Astro) bundles
 * `new Worker(new URL('./flexibility.worker.ts', import.meta.url), { type: 'module' })` as its own chunk.
 */
import { FlexEngines, handleFlexRequest, isFlexRequest } from './flex-worker-core';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engines = new FlexEngines();

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isFlexRequest(msg)) return;
  const { reply, transfer } = handleFlexRequest(engines, msg);
  scope.postMessage(reply, transfer);
});
