/** Payloads between the page (flex-engine.ts) and the flexibility worker (flexibility.worker.ts); src/lib/worker/rpc.ts numbers them. Types only. */
import type { FlexComparison } from './run';
import type { FlexState } from './state';

export interface FlexRequest {
  /** company seed, whole number 0..999999 */
  seed: number;
  /** number of customers of the generated company */
  customers: number;
  state: FlexState;
}

export type FlexResponse = FlexComparison;
