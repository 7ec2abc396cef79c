/** Messages between the page (crm-engine.ts) and the CRM lab's worker (crmdata.worker.ts). Types only. */
import type { DataLang } from '@sim/data/quality';
import type { Company } from '@sim/types';
import type { CrmDataState } from './state';
import type { CrmSummary } from './summary';

export type CrmRequest =
  | { id: number; kind: 'run'; state: CrmDataState; lang: DataLang }
  | { id: number; kind: 'task'; state: CrmDataState }
  | { id: number; kind: 'csv'; state: CrmDataState; lang: DataLang }
  | { id: number; kind: 'company'; seed: number };

export interface TaskAnswer {
  /** fewest cleaning steps reaching the target agreement, null if none does */
  steps: number | null;
  /** best agreement any combination reaches */
  best: number;
}

export type CrmReply =
  | { id: number; ok: true; kind: 'run'; summary: CrmSummary | null; error: string }
  | { id: number; ok: true; kind: 'task'; answer: TaskAnswer }
  | { id: number; ok: true; kind: 'csv'; csv: string }
  | { id: number; ok: true; kind: 'company'; company: Company }
  | { id: number; ok: false; message: string };

/** A request without its number (src/lib/worker/rpc.ts numbers requests). */
export type CrmBody = CrmRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
/** A successful reply. */
export type CrmOk = Extract<CrmReply, { ok: true }>;
