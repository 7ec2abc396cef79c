/**
 * What the flexibility worker does with one request, as a pure function of the request and its engine
 * cache, so a unit test can run it without a Worker and compare it with the main-thread path
 * (FlexEngine.compare, the same code): the worker only adds the transfer of the weekly arrays.
 * flexibility.worker.ts serves handleFlexRequest through src/lib/worker/rpc.ts serveRpc.
 *
 * The weekly fill rates of a comparison are the engine's own cached arrays (FlexEngine keeps the rigid
 * and flexible years per scenario); transferring them would detach the cache, so the reply carries
 * copies of all four weekly arrays (52 numbers each) and transfers those.
 */
import type { FlexRequest, FlexResponse } from './flex-protocol';
import { FlexEngine, type FlexComparison } from './run';

/** Engines per company (seed/customers); the lab uses one, so a tiny cache is enough. */
export class FlexEngines {
  private engines = new Map<string, FlexEngine>();

  get(seed: number, customers: number): FlexEngine {
    const key = `${seed}/${customers}`;
    let e = this.engines.get(key);
    if (!e) {
      e = new FlexEngine(seed, customers);
      if (this.engines.size >= 2) this.engines.clear();
      this.engines.set(key, e);
    }
    return e;
  }
}

/** A comparison whose weekly arrays are fresh copies (safe to transfer), and the buffers to transfer. */
export function detachable(c: FlexComparison): { comparison: FlexComparison; transfer: ArrayBuffer[] } {
  const weekly = {
    rigidProfit: c.weekly.rigidProfit.slice(),
    flexibleProfit: c.weekly.flexibleProfit.slice(),
    rigidFill: c.weekly.rigidFill.slice(),
    flexibleFill: c.weekly.flexibleFill.slice(),
  };
  return {
    comparison: { ...c, weekly },
    transfer: [weekly.rigidProfit.buffer, weekly.flexibleProfit.buffer, weekly.rigidFill.buffer, weekly.flexibleFill.buffer],
  };
}

export function isFlexRequest(msg: unknown): msg is FlexRequest {
  if (!msg || typeof msg !== 'object') return false;
  const m = msg as Record<string, unknown>;
  return typeof m.seed === 'number' && typeof m.customers === 'number' && !!m.state && typeof m.state === 'object';
}

/**
 * Answer one request: the comparison (with transferable copies of its weekly arrays) and the buffers to
 * transfer. Throws for a malformed request or the engine's error; serveRpc turns that into an error reply.
 */
export function handleFlexRequest(engines: FlexEngines, req: unknown): { value: FlexResponse; transfer: ArrayBuffer[] } {
  if (!isFlexRequest(req)) throw new Error('flexibility worker: malformed request');
  const { comparison, transfer } = detachable(engines.get(req.seed, req.customers).compare(req.state));
  return { value: comparison, transfer };
}
