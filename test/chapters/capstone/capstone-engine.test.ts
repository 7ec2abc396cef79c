// The capstone's off-main-thread k-means: the worker's answers are byte-identical to the main-thread
// path (same engine functions), k-means segment keys need no clustering, LatestRunner keeps one job in
// flight and coalesces changes to the latest, and a failing worker makes the page fall back for good.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateCompany } from '../../../simulations/company/generate';
import { segment } from '../../../simulations/segmentation/index';
import { kmeansSteps } from '../../../simulations/segmentation/kmeans';
import type { SegmentationSpec } from '../../../simulations/types';
import { StepBuffer, defaultSpec } from '../../../src/lib/capstone/builder';
import { answerCapRequest, allKMeansSteps, capstoneCompany, segmentKeysOf } from '../../../src/lib/capstone/kmeans-run';
import { WorkerUnavailable, LatestRunner, createCapstoneEngine } from '../../../src/lib/capstone/capstone-engine';
import type { CapResponse } from '../../../src/lib/capstone/capstone-protocol';
import type { RpcReply } from '../../../src/lib/worker/rpc';
import { rpcInside } from '../rpc-inside';

const company = generateCompany(42, { customers: 2000 });
const params = { k: 5, features: ['annualRevenue', 'supportNeed', 'requiredLeadTimeDays', 'growth'], seed: 7 };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('worker answers equal the main-thread path', () => {
  it('steps: every k-means step, labels and centroids identical to the sliced generator', () => {
    const { value: reply, transfer } = answerCapRequest({ kind: 'steps', company: { seed: 42, customers: 2000 }, params });
    if (reply.kind !== 'steps') throw new Error('unexpected reply');
    const buf = new StepBuffer(kmeansSteps(company, params));
    buf.drain();
    expect(reply.steps.length).toBe(buf.steps.length);
    expect(reply.steps.length).toBeGreaterThan(2);
    reply.steps.forEach((s, i) => {
      const m = buf.steps[i];
      expect(s.iteration).toBe(m.iteration);
      expect(s.inertia).toBe(m.inertia);
      expect(s.changed).toBe(m.changed);
      expect(s.converged).toBe(m.converged);
      expect(s.centroids).toEqual(m.centroids);
      expect(Buffer.from(s.labels.buffer).equals(Buffer.from(m.labels.buffer))).toBe(true);
    });
    // one distinct buffer per step (each step owns a copy of its labels)
    expect(transfer.length).toBe(reply.steps.length);
  });

  it.each<[string, SegmentationSpec]>([
    ['k-means', { method: 'kmeans', params }],
    ['rules', defaultSpec()],
  ])('segment (%s): identical to segment() on the same company', (_, spec) => {
    const { value: reply } = answerCapRequest({ kind: 'segment', company: { seed: 42, customers: 2000 }, spec });
    if (reply.kind !== 'segment') throw new Error('unexpected reply');
    const main = segment(company, spec);
    expect(Array.from(reply.segmentation.labels)).toEqual(Array.from(main.labels));
    expect(reply.segmentation.segments).toEqual(main.segments);
    expect(reply.segmentation.ari).toBe(main.ari);
  });

  it('an engine error becomes an error reply (message at most 200 characters), not a crash of the worker', () => {
    const bad = { kind: 'steps', company: { seed: 42, customers: 2000 }, params: { k: 99, features: ['growth'] } } as const;
    expect(() => answerCapRequest(bad)).toThrow();
    const replies: RpcReply<CapResponse>[] = [];
    const deliver = rpcInside(answerCapRequest, (r) => replies.push(r as RpcReply<CapResponse>));
    deliver({ id: 3, payload: bad });
    expect(replies).toHaveLength(1);
    const reply = replies[0];
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.id).toBe(3);
    expect(reply.message.length).toBeGreaterThan(0);
    expect(reply.message.length).toBeLessThanOrEqual(200);
  });

  it('regenerates the same company from its seed and size, cached', () => {
    const a = capstoneCompany(42, 2000);
    expect(capstoneCompany(42, 2000)).toBe(a);
    expect(Array.from(a.customers.annualRevenue)).toEqual(Array.from(company.customers.annualRevenue));
    expect(allKMeansSteps(a, params).at(-1)!.inertia).toBe(allKMeansSteps(company, params).at(-1)!.inertia);
  });
});

describe('segmentKeysOf', () => {
  it.each<SegmentationSpec>([
    { method: 'kmeans', params: { k: 2, features: ['growth'], seed: 1 } },
    { method: 'kmeans', params },
    { method: 'kmeans', params: { k: 8, features: ['annualRevenue', 'channelPortal'], seed: 99 } },
    defaultSpec(),
  ])('equals the keys of segment() without clustering (%#)', (spec) => {
    expect(segmentKeysOf(company, spec)).toEqual(segment(company, spec).segments.map((s) => s.key));
  });
  it('throws the engine error for a bad k-means spec, like segment()', () => {
    const bad: SegmentationSpec = { method: 'kmeans', params: { k: 1, features: ['growth'] } };
    expect(() => segment(company, bad)).toThrow();
    expect(() => segmentKeysOf(company, bad)).toThrow();
  });
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
}

describe('LatestRunner', () => {
  it('one job in flight; changes meanwhile coalesce to the latest; the overtaken result is dropped', async () => {
    const jobs: { input: number; d: ReturnType<typeof deferred<string>> }[] = [];
    const done: [number, string][] = [];
    const busy: boolean[] = [];
    const r = new LatestRunner<number, string>(
      (input) => {
        const d = deferred<string>();
        jobs.push({ input, d });
        return d.promise;
      },
      { done: (i, o) => done.push([i, o]), error: () => {}, busy: (b) => busy.push(b) },
    );
    r.request(1);
    r.request(2);
    r.request(3);
    expect(jobs.map((j) => j.input)).toEqual([1]);
    expect(r.busy).toBe(true);
    jobs[0].d.resolve('one');
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toEqual([]); // 1 was overtaken
    expect(jobs.map((j) => j.input)).toEqual([1, 3]); // 2 never ran
    jobs[1].d.resolve('three');
    await vi.waitFor(() => expect(done).toEqual([[3, 'three']]));
    expect(r.busy).toBe(false);
    expect(busy.at(-1)).toBe(false);
  });

  it('cancel drops the job in flight; errors reach the error handler', async () => {
    const d = deferred<string>();
    const done = vi.fn();
    const error = vi.fn();
    const r = new LatestRunner<number, string>(() => d.promise, { done, error });
    r.request(1);
    r.cancel();
    d.resolve('late');
    await Promise.resolve();
    await Promise.resolve();
    expect(done).not.toHaveBeenCalled();
    const r2 = new LatestRunner<number, string>(() => Promise.reject(new Error('boom')), { done, error });
    r2.request(7);
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1));
    expect(error.mock.calls[0][0]).toBe(7);
  });
});

describe('createCapstoneEngine', () => {
  it('returns null where workers are unavailable (happy-dom unit tests)', () => {
    vi.stubGlobal('Worker', undefined);
    expect(createCapstoneEngine()).toBeNull();
  });

  it('answers through the worker, and rejects with WorkerUnavailable for good once it fails', async () => {
    const workers: FakeWorker[] = [];
    class FakeWorker {
      private listeners: Record<string, ((e: unknown) => void)[]> = {};
      private inside = rpcInside(answerCapRequest, (reply) => {
        for (const fn of this.listeners.message ?? []) fn({ data: reply });
      });
      fail = false;
      constructor() {
        workers.push(this);
      }
      addEventListener(type: string, fn: (e: unknown) => void) {
        (this.listeners[type] ??= []).push(fn);
      }
      postMessage(msg: unknown) {
        queueMicrotask(() => {
          if (this.fail) {
            for (const fn of this.listeners.error ?? []) fn({ preventDefault() {} });
            return;
          }
          this.inside(msg);
        });
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    const engine = createCapstoneEngine();
    expect(engine).not.toBeNull();
    const seg = await engine!.segment({ seed: 42, customers: 2000 }, { method: 'kmeans', params });
    expect(Array.from(seg.labels)).toEqual(Array.from(segment(company, { method: 'kmeans', params }).labels));
    const badK = engine!.steps({ seed: 42, customers: 2000 }, { k: 99 });
    await expect(badK).rejects.toThrow(/k/);
    await expect(badK).rejects.not.toBeInstanceOf(WorkerUnavailable);
    workers[0].fail = true;
    await expect(engine!.steps({ seed: 42, customers: 2000 }, params)).rejects.toBeInstanceOf(WorkerUnavailable);
    workers[0].fail = false;
    await expect(engine!.segment({ seed: 42, customers: 2000 }, defaultSpec())).rejects.toBeInstanceOf(WorkerUnavailable);
  });
});
