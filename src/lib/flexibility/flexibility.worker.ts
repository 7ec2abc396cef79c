/// <reference lib="webworker" />
/**
 * Module Web Worker that runs the flexibility lab's engine (run.ts FlexEngine: company generation,
 * segmentation and two to four simulated years per change) off the main thread, so neither hydration
 * nor a control change gives the page a long task. It keeps the engine (and its caches of rigid and
 * flexible years) between requests. Started by flex-engine.ts through src/lib/worker/rpc.ts; Vite (Astro)
 * bundles `new Worker(new URL('./flexibility.worker.ts', import.meta.url), { type: 'module' })` as its own chunk.
 */
import { serveRpc } from '../worker/rpc';
import type { FlexRequest, FlexResponse } from './flex-protocol';
import { FlexEngines, handleFlexRequest } from './flex-worker-core';

const engines = new FlexEngines();

serveRpc<FlexRequest, FlexResponse>((req) => handleFlexRequest(engines, req));
