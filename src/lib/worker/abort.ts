/**
 * The cancellation error of a simulation run, in a module of its own so that the page's runner.ts can
 * use it without bundling the engine (protocol.ts, loaded only for the main-thread fallback).
 */

/** Thrown (or rejected with) when a run is cancelled; `name` is 'AbortError' like fetch's. */
export function abortError(): Error {
  if (typeof DOMException === 'function') return new DOMException('The simulation run was cancelled.', 'AbortError');
  const e = new Error('The simulation run was cancelled.');
  e.name = 'AbortError';
  return e;
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}
