/**
 * The trends lab off the main thread (issue 5, "the page never freezes"): the worker's reply equals the
 * main-thread run byte for byte; the engine client (trends-engine.ts) resolves, rejects and falls back;
 * and the island, driven by a fake Worker whose replies the test releases by hand, keeps one run in
 * flight, coalesces changes to the latest state, keeps the previous figures (never blank, never NaN)
 * with its "updating" status while a run is in flight, and falls back to the main thread for good when
 * the worker dies.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../components/lab/dict';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import TrendsLabSvelte from '../../../src/components/trends/TrendsLab.svelte';
import { generateCompany } from '../../../simulations/company/generate';
import { segment } from '../../../simulations/segmentation/index';
import { BASELINE_STATE, START_STATE, TRENDS_CUSTOMERS, TRENDS_SEGMENTATION, cloneState, runState, type TrendsState } from '../../../src/lib/trends/model';
import { decodeChoice } from '../../../src/lib/trends/share';
import { trendsView } from '../../../src/lib/trends/run';
import { answerTrends } from '../../../src/lib/trends/trends-answer';
import { WorkerUnavailable, createTrendsEngine } from '../../../src/lib/trends/trends-engine';
import type { TrendsRequest, TrendsResponse } from '../../../src/lib/trends/trends-protocol';
import type { RpcReply, RpcRequest } from '../../../src/lib/worker/rpc';
import { rpcInside } from '../rpc-inside';

const TrendsLab = TrendsLabSvelte as unknown as Component<{ lang: string; seed?: number }>;

function st(dom: string, intl: string, digital = 0): TrendsState {
  return { digital, segments: { domestic: decodeChoice(dom)!, international: decodeChoice(intl)! } };
}

/**
 * A stand-in for a module Worker: requests queue until the test releases them (or it "crashes"); its
 * inside is the worker's own handler (answerTrends) behind serveRpc.
 */
class FakeWorker {
  static all: FakeWorker[] = [];
  queue: RpcRequest<TrendsRequest>[] = [];
  terminated = false;
  private listeners: Record<string, ((e: unknown) => void)[]> = {};
  private inside = rpcInside(answerTrends, (reply) => {
    for (const fn of this.listeners.message ?? []) fn({ data: structuredClone(reply) });
  });
  constructor(
    public url: URL | string,
    public options?: WorkerOptions,
  ) {
    FakeWorker.all.push(this);
  }
  addEventListener(type: string, fn: (e: unknown) => void): void {
    (this.listeners[type] ??= []).push(fn);
  }
  postMessage(msg: RpcRequest<TrendsRequest>): void {
    // what the browser does: a structured clone (throws on a Svelte proxy, a function, ...)
    this.queue.push(structuredClone(msg));
  }
  terminate(): void {
    this.terminated = true;
  }
  /** answer the oldest request as the real worker would (a structured clone of serveRpc's reply); returns its payload */
  release(): TrendsRequest {
    const req = this.queue.shift();
    if (!req) throw new Error('no request in flight');
    this.inside(req);
    return req.payload;
  }
  crash(): void {
    for (const fn of this.listeners.error ?? []) fn({ preventDefault() {} });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.all = [];
  window.history.replaceState(null, '', '/');
});

describe('worker reply = main-thread run', () => {
  const company = generateCompany(42, { customers: TRENDS_CUSTOMERS });
  const seg = segment(company, TRENDS_SEGMENTATION);
  const states = [cloneState(START_STATE), cloneState(BASELINE_STATE), st('ecp', 'ers', 0.45), st('rrs', 'ecp', 0.3), st('ecs', 'rcs', 0.05)];
  for (const s of states) {
    it(`is byte-identical for ${JSON.stringify(s)}`, () => {
      const reply = answerTrends({ seed: 42, state: s });
      expect(Number.isFinite(reply.value.ms)).toBe(true);
      // what crosses the thread boundary is a structured clone: it must not change a bit
      const got = structuredClone(reply.value.view);
      const direct = runState(company, seg, s, 42);
      expect(JSON.stringify(got.current)).toBe(JSON.stringify(direct));
      expect(JSON.stringify(got.start)).toBe(JSON.stringify(runState(company, seg, START_STATE, 42)));
      expect(JSON.stringify(got.baseline)).toBe(JSON.stringify(runState(company, seg, BASELINE_STATE, 42)));
      expect(got.withoutPlatform === null).toBe(s.digital === 0);
      if (got.withoutPlatform) expect(JSON.stringify(got.withoutPlatform)).toBe(JSON.stringify(runState(company, seg, { ...s, digital: 0 }, 42)));
      expect(got).toEqual(trendsView(42, s));
    });
  }

  it('ignores what is not a request, reports a bad one, and falls back to seed 42 for a bad seed', () => {
    const replies: RpcReply<TrendsResponse>[] = [];
    const deliver = rpcInside(answerTrends, (r) => replies.push(r as RpcReply<TrendsResponse>));
    deliver(null);
    deliver('run');
    deliver({ payload: { seed: 42, state: START_STATE } });
    expect(replies).toEqual([]);
    expect(() => answerTrends({ seed: 42 })).toThrow(/without a state/);
    deliver({ id: 3, payload: { seed: 42 } });
    expect(replies).toHaveLength(1);
    const bad = replies[0];
    expect(bad).toMatchObject({ id: 3, ok: false });
    expect(!bad.ok && bad.message).toMatch(/without a state/);
    deliver({ id: 4, payload: { seed: -5, state: START_STATE } });
    const seeded = replies[1];
    expect(seeded.id).toBe(4);
    expect(seeded.ok && seeded.value.view.seed).toBe(42);
  });
});

describe('trends-engine client', () => {
  it('is null where there are no workers (happy-dom)', () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    expect(createTrendsEngine()).toBeNull();
  });

  it('resolves a run with the worker reply, and rejects every pending run when the worker dies', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const engine = createTrendsEngine();
    expect(engine).not.toBeNull();
    const w = FakeWorker.all[0];
    expect(w.options).toMatchObject({ type: 'module' });
    expect(String(w.url)).toMatch(/trends\.worker\.ts/);
    const p = engine!.run(42, st('ecp', 'ers', 0.45));
    w.release();
    expect((await p).current).toEqual(trendsView(42, st('ecp', 'ers', 0.45)).current);
    const a = engine!.run(42, cloneState(START_STATE));
    const b = engine!.run(42, cloneState(BASELINE_STATE));
    w.crash();
    await expect(a).rejects.toBeInstanceOf(WorkerUnavailable);
    await expect(b).rejects.toBeInstanceOf(WorkerUnavailable);
    expect(w.terminated).toBe(true);
    await expect(engine!.run(42, cloneState(START_STATE))).rejects.toBeInstanceOf(WorkerUnavailable);
  });

  it('rejects an engine error for one state without giving up on the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const engine = createTrendsEngine()!;
    const w = FakeWorker.all[0];
    const p = engine.run(42, undefined as unknown as TrendsState);
    w.release();
    await expect(p).rejects.toThrow(/without a state/);
    await expect(p).rejects.not.toBeInstanceOf(WorkerUnavailable);
    const q = engine.run(42, cloneState(START_STATE));
    w.release();
    expect((await q).state).toEqual(cloneState(START_STATE));
  });
});

describe('TrendsLab with a worker', () => {
  const lab = () => screen.getByTestId('trends-lab');
  const value = (m: string): number => Number(screen.getByTestId(`trends-m-${m}`).getAttribute('data-value'));
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('runs in the worker, keeps one run in flight, coalesces changes and keeps the old figures meanwhile', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    render(TrendsLab, { lang: 'en' });
    await vi.waitFor(() => expect(FakeWorker.all).toHaveLength(1));
    const w = FakeWorker.all[0];
    // the first run is in the worker, not on the page: nothing shown yet, "preparing"
    expect(w.queue).toHaveLength(1);
    expect(lab().getAttribute('data-ready')).toBe('false');
    expect(screen.getByTestId('trends-preparing')).toBeTruthy();
    w.release();
    await vi.waitFor(() => expect(lab().getAttribute('data-ready')).toBe('true'));
    expect(lab().getAttribute('data-busy')).toBe('false');
    const start = trendsView(42, START_STATE).current;
    expect(value('co2')).toBe(start.co2eTonnes);

    // three quick changes: one run in flight, the other two coalesce into the latest state
    await fireEvent.change(screen.getByTestId('trends-international-fulfilment'), { target: { value: 'regional' } });
    await fireEvent.change(screen.getByTestId('trends-international-delivery'), { target: { value: 'standard' } });
    await fireEvent.input(screen.getByTestId('trends-digital'), { target: { value: '0.45' } });
    expect(w.queue).toHaveLength(1);
    expect(lab().getAttribute('data-busy')).toBe('true');
    expect(screen.getByTestId('trends-busy').textContent).toBe('Updating…');
    // the old figures stay on screen (never blank, never NaN) while the run is in flight
    expect(value('co2')).toBe(start.co2eTonnes);
    expect(lab().textContent).not.toMatch(/NaN|Infinity|undefined/);
    // the controls already show the request
    expect((screen.getByTestId('trends-international-delivery') as HTMLSelectElement).value).toBe('standard');

    const first = w.release();
    expect(first.state.segments.international).toEqual({ supplyChain: 'efficient', fulfilment: 'regional', delivery: 'priority' });
    await flush();
    // the latest state went out as soon as the first run came back, the one in between was skipped
    expect(w.queue).toHaveLength(1);
    expect(w.queue[0].payload.state).toEqual(st('ecp', 'ers', 0.45));
    expect(lab().getAttribute('data-busy')).toBe('true');
    w.release();
    await vi.waitFor(() => expect(lab().getAttribute('data-busy')).toBe('false'));
    expect(w.queue).toHaveLength(0);
    expect(screen.getByTestId('trends-busy').textContent).toBe('');
    const want = trendsView(42, st('ecp', 'ers', 0.45));
    expect(value('co2')).toBe(want.current.co2eTonnes);
    expect(value('itCost')).toBe(675_000);
    expect(screen.getByTestId('trends-digital-value').textContent).toBe('45%');
    expect(screen.getByTestId('task-trends-green').getAttribute('data-met')).toBe('true');
    expect(screen.getByTestId('task-trends-info').getAttribute('data-met')).toBe('true');
    expect((screen.getByTestId('share-url') as HTMLInputElement).value).toContain('trends.f=0.45&trends.domestic=ecp&trends.international=ers');
  });

  it('falls back to the main thread for good when the worker dies', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    render(TrendsLab, { lang: 'zh-cn' });
    await vi.waitFor(() => expect(FakeWorker.all).toHaveLength(1));
    const w = FakeWorker.all[0];
    w.crash();
    await vi.waitFor(() => expect(lab().getAttribute('data-ready')).toBe('true'));
    expect(screen.queryByTestId('trends-error')).toBeNull();
    expect(value('co2')).toBe(trendsView(42, START_STATE).current.co2eTonnes);
    // later changes run on the page at once, and nothing more is sent to the dead worker
    await fireEvent.change(screen.getByTestId('trends-international-fulfilment'), { target: { value: 'regional' } });
    expect(value('co2')).toBe(trendsView(42, st('ecp', 'erp')).current.co2eTonnes);
    expect(w.queue).toHaveLength(1);
    expect(lab().getAttribute('data-busy')).toBe('false');
  });
});
