/**
 * The CRM lab's engine off the main thread. `createCrmEngine()` starts crmdata.worker.ts (a module
 * worker) and returns typed request functions, or null where workers are unavailable (server render,
 * happy-dom unit tests); the lab then computes on the main thread with the same functions. A worker
 * that fails to load or crashes rejects every pending request with WorkerUnavailable, and the lab
 * falls back to the main thread for good. `Coalescer` keeps one run in flight and runs only the latest
 * state asked for meanwhile (the view keeps the previous figures until the new ones arrive).
 */
import type { DataLang } from '@sim/data/quality';
import type { Company } from '@sim/types';
import { createRpcClient, WorkerUnavailable, workerSupported } from '../worker/rpc';
import type { CrmBody, CrmOk, TaskAnswer } from './crm-protocol';
import type { CrmDataState } from './state';
import type { CrmSummary } from './summary';

export { WorkerUnavailable, workerSupported };

export interface CrmEngine {
  run(state: CrmDataState, lang: DataLang): Promise<{ summary: CrmSummary | null; error: string }>;
  task(state: CrmDataState): Promise<TaskAnswer>;
  csv(state: CrmDataState, lang: DataLang): Promise<string>;
  company(seed: number): Promise<Company>;
  dispose(): void;
}

export function createCrmEngine(): CrmEngine | null {
  const client = createRpcClient<CrmBody, CrmOk>(
    () => new Worker(new URL('./crmdata.worker.ts', import.meta.url), { type: 'module', name: 'segment-lab-crmdata' }),
    'CRM lab',
  );
  if (!client) return null;
  const expect = <K extends CrmOk['kind']>(kind: K, r: CrmOk): Extract<CrmOk, { kind: K }> => {
    if (r.kind !== kind) throw new Error(`CRM lab worker: expected a ${kind} reply`);
    return r as Extract<CrmOk, { kind: K }>;
  };
  return {
    run: async (state, lang) => {
      const r = expect('run', await client.call({ kind: 'run', state: { ...state }, lang }));
      return { summary: r.summary, error: r.error };
    },
    task: async (state) => expect('task', await client.call({ kind: 'task', state: { ...state } })).answer,
    csv: async (state, lang) => expect('csv', await client.call({ kind: 'csv', state: { ...state }, lang })).csv,
    company: async (seed) => expect('company', await client.call({ kind: 'company', seed })).company,
    dispose() {
      client.dispose();
    },
  };
}

/**
 * One job in flight; a job submitted meanwhile waits, and a later one replaces it (only the latest
 * state runs). `onResult` gets every finished job's result (each is newer than what is shown);
 * `onBusy(true)` when work starts, `onBusy(false)` when nothing is running or waiting.
 */
export class Coalescer<S, R> {
  private running = false;
  private waiting: { s: S } | null = null;
  constructor(
    private readonly exec: (s: S) => Promise<R>,
    private readonly onResult: (r: R, s: S) => void,
    private readonly onError: (e: unknown, s: S) => void,
    private readonly onBusy: (busy: boolean) => void,
  ) {}

  submit(s: S): void {
    if (this.running) {
      this.waiting = { s };
      return;
    }
    this.running = true;
    this.onBusy(true);
    this.exec(s)
      .then(
        (r) => this.onResult(r, s),
        (e: unknown) => this.onError(e, s),
      )
      .finally(() => {
        this.running = false;
        const next = this.waiting;
        this.waiting = null;
        if (next) this.submit(next.s);
        else this.onBusy(false);
      });
  }

  get busy(): boolean {
    return this.running;
  }
}
