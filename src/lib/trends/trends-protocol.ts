/** Payloads between the page (trends-engine.ts) and the trends worker (trends.worker.ts); src/lib/worker/rpc.ts numbers them. Types only. */
import type { TrendsState } from './model';
import type { TrendsView } from './run';

export interface TrendsRequest {
  /** company seed, integer 0..999999 */
  seed: number;
  state: TrendsState;
}

export interface TrendsResponse {
  view: TrendsView;
  /** engine time in the worker, ms */
  ms: number;
}
