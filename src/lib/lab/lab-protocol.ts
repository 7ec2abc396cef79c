/** What the page (lab-engine.ts) asks the lab worker (lab.worker.ts) and what it answers. Types only. */
import type { Plan, Segmentation, SimulationResult } from '@sim/types';
import type { LabState } from './state';
import type { SegmentView } from './run';

export interface LabRequest {
  state: LabState;
  customers: number;
  /** the page has no copy of this state's segmentation (send it) */
  needSegmentation: boolean;
  /** the page has no copy of this seed's baseline (send it) */
  needBaseline: boolean;
}

export interface LabReply {
  state: LabState;
  customers: number;
  plan: Plan;
  result: SimulationResult;
  segments: SegmentView[];
  segmentation: Segmentation | null;
  baseline: SimulationResult | null;
  ms: number;
}
