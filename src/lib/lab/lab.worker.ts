/// <reference lib="webworker" />
/**
 * Module Web Worker that runs the segment lab's engine (run.ts runLab) off the main thread, so a
 * control change costs the page only the DOM update: the 8–10 ms of simulation run on another core
 * while the page keeps painting frames. It keeps its own caches (company, baseline, segmentation per
 * seed) and sends the segmentation and the baseline only when the page says it lacks them (they are
 * large and rarely change); the plan's result is new on every run and its typed arrays are transferred.
 * Started by lab-engine.ts; Vite (Astro) bundles `new Worker(new URL('./lab.worker.ts', import.meta.url),
 * { type: 'module' })` as a separate chunk.
 */
import type { SimulationResult } from '@sim/types';
import { runLab } from './run';
import type { LabRequest, LabResponse } from './lab-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** The distinct buffers of a result's typed arrays (a buffer listed twice would make postMessage throw). */
function transferables(r: SimulationResult): Transferable[] {
  const out = new Set<ArrayBuffer>();
  for (const a of [...Object.values(r.customers), ...Object.values(r.weekly)]) {
    if (ArrayBuffer.isView(a) && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  }
  return [...out];
}

scope.addEventListener('message', (event: MessageEvent<LabRequest>) => {
  const msg = event.data;
  if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
  let reply: LabResponse;
  let transfer: Transferable[] = [];
  try {
    const run = runLab(msg.state, msg.customers);
    reply = {
      id: msg.id,
      ok: true,
      state: run.state,
      customers: run.customers,
      plan: run.plan,
      result: run.result,
      segments: run.segments,
      segmentation: msg.needSegmentation ? run.segmentation : null,
      baseline: msg.needBaseline ? run.baseline : null,
      ms: run.ms,
    };
    transfer = transferables(run.result);
  } catch (e) {
    reply = { id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(reply, transfer);
});
