/// <reference lib="webworker" />
/**
 * Module Web Worker that runs the segment lab's engine (run.ts runLab) off the main thread, so a
 * control change costs the page only the DOM update: the 8–10 ms of simulation run on another core
 * while the page keeps painting frames. It keeps its own caches (company, baseline, segmentation per
 * seed) and sends the segmentation and the baseline only when the page says it lacks them (they are
 * large and rarely change); the plan's result is new on every run and its typed arrays are transferred.
 * Started by lab-engine.ts through src/lib/worker/rpc.ts.
 */
import { serveRpc, transferablesOf } from '../worker/rpc';
import { runLab } from './run';
import type { LabReply, LabRequest } from './lab-protocol';

serveRpc<LabRequest, LabReply>((req) => {
  const run = runLab(req.state, req.customers);
  return {
    value: {
      state: run.state,
      customers: run.customers,
      plan: run.plan,
      result: run.result,
      segments: run.segments,
      segmentation: req.needSegmentation ? run.segmentation : null,
      baseline: req.needBaseline ? run.baseline : null,
      company: req.needCompany ? run.company : null,
      ms: run.ms,
    },
    transfer: transferablesOf(run.result.customers, run.result.weekly),
  };
});
