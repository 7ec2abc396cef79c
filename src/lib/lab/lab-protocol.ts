/** Messages between the page (lab-engine.ts) and the lab worker (lab.worker.ts). Types only. */
import type { Plan, Segmentation, SimulationResult } from '@sim/types';
import type { LabState } from './state';
import type { SegmentView } from './run';

export interface LabRequest {
  id: number;
  state: LabState;
  customers: number;
  /** the page has no copy of this state's segmentation (send it) */
  needSegmentation: boolean;
  /** the page has no copy of this seed's baseline (send it) */
  needBaseline: boolean;
}

export type LabResponse =
  | {
      id: number;
      ok: true;
      state: LabState;
      customers: number;
      plan: Plan;
      result: SimulationResult;
      segments: SegmentView[];
      segmentation: Segmentation | null;
      baseline: SimulationResult | null;
      ms: number;
    }
  | { id: number; ok: false; message: string };
