/** Messages between the page (flex-engine.ts) and the flexibility worker (flexibility.worker.ts). Types only. */
import type { FlexComparison } from './run';
import type { FlexState } from './state';

export interface FlexRequest {
  id: number;
  /** company seed, whole number 0..999999 */
  seed: number;
  /** number of customers of the generated company */
  customers: number;
  state: FlexState;
}

export type FlexResponse = { id: number; ok: true; comparison: FlexComparison } | { id: number; ok: false; message: string };
