/** What the page (lab-engine.ts) asks the lab worker (lab.worker.ts) and what it answers. Types only. */
import type { Company, Plan, Segmentation, SimulationResult } from '@sim/types';
import type { LabState } from './state';
import type { SegmentView } from './run';

export interface LabRequest {
  state: LabState;
  customers: number;
  /** the page has no copy of this state's segmentation (send it) */
  needSegmentation: boolean;
  /** the page has no copy of this seed's baseline (send it) */
  needBaseline: boolean;
  /** the page has no copy of this seed's company (send it: cloning it is ~2 ms, generating it on the page 15–50 ms) */
  needCompany: boolean;
}

export interface LabReply {
  state: LabState;
  customers: number;
  plan: Plan;
  result: SimulationResult;
  segments: SegmentView[];
  segmentation: Segmentation | null;
  baseline: SimulationResult | null;
  company: Company | null;
  ms: number;
}
