/**
 * The trends worker's answer to one request, as a pure function (no worker globals), so the unit tests
 * can check that what the worker sends equals the page's own main-thread run byte for byte.
 * trends.worker.ts serves it through serveRpc, which turns a thrown error into an error reply.
 */
import type { TrendsRequest, TrendsResponse } from './trends-protocol';
import { trendsView } from './run';

/** The view for a request (a bad seed falls back to run.ts's default); throws for a request without a state. */
export function answerTrends(payload: unknown): { value: TrendsResponse } {
  const req = (payload && typeof payload === 'object' ? payload : {}) as Partial<TrendsRequest>;
  if (!req.state || typeof req.state !== 'object') throw new Error('trends worker: request without a state');
  const t0 = performance.now();
  const view = trendsView(typeof req.seed === 'number' ? req.seed : NaN, req.state);
  return { value: { view, ms: performance.now() - t0 } };
}
