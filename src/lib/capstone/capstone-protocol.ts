/** Messages between the capstone page (capstone-engine.ts) and its worker (capstone.worker.ts). Types only. */
import type { Segmentation, SegmentationSpec } from '@sim/types';
import type { KMeansStep } from '@sim/segmentation/kmeans';

/** The company both sides regenerate: generateCompany(seed, { customers }). */
export interface CompanyRef {
  seed: number;
  customers: number;
}

export type CapRequest =
  | { id: number; kind: 'steps'; company: CompanyRef; params: unknown }
  | { id: number; kind: 'segment'; company: CompanyRef; spec: SegmentationSpec };

export type CapResponse =
  | { id: number; ok: true; kind: 'steps'; steps: KMeansStep[]; ms: number }
  | { id: number; ok: true; kind: 'segment'; segmentation: Segmentation; ms: number }
  | { id: number; ok: false; message: string };
