/** Messages between the page (trends-engine.ts) and the trends worker (trends.worker.ts). Types only. */
import type { TrendsState } from './model';
import type { TrendsView } from './run';

export interface TrendsRequest {
  id: number;
  /** company seed, integer 0..999999 */
  seed: number;
  state: TrendsState;
}

export type TrendsResponse = { id: number; ok: true; view: TrendsView; ms: number } | { id: number; ok: false; message: string };
