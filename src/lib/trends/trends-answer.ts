/**
 * The trends worker's reply to one request, as a pure function (no worker globals), so the unit tests
 * can check that what the worker sends equals the page's own main-thread run byte for byte.
 */
import type { TrendsRequest, TrendsResponse } from './trends-protocol';
import { trendsView } from './run';

/** The reply to a request, or null for a message that is not a request (ignored). */
export function answerTrends(msg: unknown): TrendsResponse | null {
  if (!msg || typeof msg !== 'object') return null;
  const req = msg as Partial<TrendsRequest>;
  if (typeof req.id !== 'number') return null;
  const id = req.id;
  try {
    if (!req.state || typeof req.state !== 'object') throw new Error('trends worker: request without a state');
    const t0 = performance.now();
    const view = trendsView(typeof req.seed === 'number' ? req.seed : NaN, req.state);
    return { id, ok: true, view, ms: performance.now() - t0 };
  } catch (e) {
    return { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
