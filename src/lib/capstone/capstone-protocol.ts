/** Payloads between the capstone page (capstone-engine.ts) and its worker (capstone.worker.ts); src/lib/worker/rpc.ts numbers them. Types only. */
import type { Segmentation, SegmentationSpec } from '@sim/types';
import type { KMeansStep } from '@sim/segmentation/kmeans';

/** The company both sides regenerate: generateCompany(seed, { customers }). */
export interface CompanyRef {
  seed: number;
  customers: number;
}

export type CapRequest = { kind: 'steps'; company: CompanyRef; params: unknown } | { kind: 'segment'; company: CompanyRef; spec: SegmentationSpec };

/** `ms`: engine time in the worker, milliseconds. */
export type CapResponse = { kind: 'steps'; steps: KMeansStep[]; ms: number } | { kind: 'segment'; segmentation: Segmentation; ms: number };
