/**
 * The capstone's k-means off the main thread. `getCapstoneEngine()` starts capstone.worker.ts (a module
 * worker) once per page and returns it, or null where workers are unavailable (unit tests in happy-dom,
 * very old browsers): the islands then keep their main-thread path (SegmentBuilder: k-means in time
 * slices; CapstoneLab: segment() directly). The channel is src/lib/worker/rpc.ts: a worker that fails
 * to load or throws rejects every pending job with WorkerUnavailable and the page falls back to the
 * main thread for good.
 * `LatestRunner` keeps one job in flight per island: changes made meanwhile coalesce to the latest
 * one, and a result that a newer request has overtaken is dropped, so the view keeps the previous
 * results until the newest ones arrive.
 */
import type { Segmentation, SegmentationSpec } from '@sim/types';
import type { KMeansStep } from '@sim/segmentation/kmeans';
import { createRpcClient, WorkerUnavailable } from '../worker/rpc';
import type { CapRequest, CapResponse, CompanyRef } from './capstone-protocol';

export type { CompanyRef } from './capstone-protocol';
export { WorkerUnavailable };

export interface CapstoneEngine {
  steps(company: CompanyRef, params: unknown): Promise<KMeansStep[]>;
  segment(company: CompanyRef, spec: SegmentationSpec): Promise<Segmentation>;
}

let shared: CapstoneEngine | null | undefined;

/** The page's capstone worker (started on first use), or null where workers are unavailable. */
export function getCapstoneEngine(): CapstoneEngine | null {
  if (shared === undefined) shared = createCapstoneEngine();
  return shared;
}

export function createCapstoneEngine(): CapstoneEngine | null {
  const client = createRpcClient<CapRequest, CapResponse>(
    () => new Worker(new URL('./capstone.worker.ts', import.meta.url), { type: 'module', name: 'segment-lab-capstone' }),
    'capstone',
  );
  if (!client) return null;
  return {
    async steps(company, params) {
      const r = await client.call({ kind: 'steps', company, params });
      if (r.kind !== 'steps') throw new Error('capstone worker: unexpected reply');
      return r.steps;
    },
    async segment(company, spec) {
      const r = await client.call({ kind: 'segment', company, spec });
      if (r.kind !== 'segment') throw new Error('capstone worker: unexpected reply');
      return r.segmentation;
    },
  };
}

/**
 * One job in flight; requests made meanwhile coalesce to the latest, which starts when the job in
 * flight ends (its result is then dropped: it is already out of date). `cancel()` drops everything.
 */
export class LatestRunner<I, O> {
  private inFlight = false;
  private next: { input: I } | null = null;
  private generation = 0;

  constructor(
    private readonly run: (input: I) => Promise<O>,
    private readonly handlers: {
      done: (input: I, output: O) => void;
      error: (input: I, error: unknown) => void;
      busy?: (busy: boolean) => void;
    },
  ) {}

  get busy(): boolean {
    return this.inFlight;
  }

  request(input: I): void {
    if (this.inFlight) {
      this.next = { input };
      return;
    }
    this.start(input);
  }

  cancel(): void {
    this.next = null;
    this.generation++;
    if (this.inFlight) {
      this.inFlight = false;
      this.handlers.busy?.(false);
    }
  }

  private start(input: I): void {
    const gen = this.generation;
    this.inFlight = true;
    this.handlers.busy?.(true);
    const settle = (finish: () => void): void => {
      if (gen !== this.generation) return; // cancelled meanwhile
      this.inFlight = false;
      const next = this.next;
      this.next = null;
      if (next) {
        this.start(next.input);
        return;
      }
      this.handlers.busy?.(false);
      finish();
    };
    let p: Promise<O>;
    try {
      p = this.run(input);
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(
      (out) => settle(() => this.handlers.done(input, out)),
      (e) => settle(() => this.handlers.error(input, e)),
    );
  }
}
