/**
 * The flexibility lab off the main thread (src/lib/flexibility/flex-worker-core.ts, flex-engine.ts and
 * FlexibilityLab.svelte's worker path). happy-dom has no Worker, so a fake one runs the worker's own
 * request handler (handleFlexRequest, behind the real serveRpc of src/lib/worker/rpc.ts) in a later task
 * and passes messages through structuredClone with the transfer list, as postMessage does. Checks: the worker's comparison is byte-identical to the
 * main-thread FlexEngine's, transfers do not detach the engine's caches, errors are reported, a broken
 * worker rejects with WorkerUnavailable, and the island keeps one run in flight, coalesces changes to
 * the latest state, never blanks its results, and falls back to the main thread when the worker fails.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../components/lab/dict';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import FlexibilityLabImport from '../../../src/components/flexibility/FlexibilityLab.svelte';
import { FlexEngine, type FlexComparison } from '../../../src/lib/flexibility/run';
import { FlexEngines, handleFlexRequest, isFlexRequest } from '../../../src/lib/flexibility/flex-worker-core';
import { createFlexWorkerEngine, WorkerUnavailable } from '../../../src/lib/flexibility/flex-engine';
import type { FlexRequest, FlexResponse } from '../../../src/lib/flexibility/flex-protocol';
import type { RpcReply, RpcRequest } from '../../../src/lib/worker/rpc';
import { rpcInside } from '../rpc-inside';
import { DEFAULT_FLEX_STATE, type FlexState } from '../../../src/lib/flexibility/state';

const FlexibilityLab = FlexibilityLabImport as unknown as Component<{ lang: 'en' | 'zh-cn'; seed?: number }>;

/** Everything but the timing, with typed arrays as their exact bytes (so −0, NaN bits and ULPs count). */
function bytes(c: FlexComparison): unknown {
  const { ms: _ms, weekly, ...rest } = c;
  const hex = (a: Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
  return {
    ...rest,
    weekly: { rigidProfit: hex(weekly.rigidProfit), flexibleProfit: hex(weekly.flexibleProfit), rigidFill: hex(weekly.rigidFill), flexibleFill: hex(weekly.flexibleFill) },
  };
}

const STATES: FlexState[] = [
  { ...DEFAULT_FLEX_STATE },
  { ...DEFAULT_FLEX_STATE, buffer: 0.05 },
  { ...DEFAULT_FLEX_STATE, scenario: 'shock', week: 30, size: 0.5, buffer: 0.1, dualSourcing: false, fastDelivery: true },
  { ...DEFAULT_FLEX_STATE, scenario: 'none' },
  { ...DEFAULT_FLEX_STATE, scenario: 'shift-region', postponement: false },
];

let main: FlexEngine;
beforeAll(() => {
  main = new FlexEngine(42, 2000);
}, 30000);

describe('flexibility worker core', () => {
  it('gives byte-identical comparisons to the main-thread engine, through postMessage cloning and transfer', () => {
    const engines = new FlexEngines();
    const received: RpcReply<FlexResponse>[] = [];
    const deliver = rpcInside((req: unknown) => handleFlexRequest(engines, req), (reply, transfer) => {
      expect(transfer).toHaveLength(4);
      received.push(structuredClone(reply, { transfer }) as RpcReply<FlexResponse>);
    });
    STATES.forEach((state, i) => {
      deliver({ id: i + 1, payload: { seed: 42, customers: 2000, state } } satisfies RpcRequest<FlexRequest>);
      const got = received[i];
      expect(got.id).toBe(i + 1);
      if (!got.ok) throw new Error(got.message);
      expect(bytes(got.value)).toEqual(bytes(main.compare(state)));
      expect(Number.isFinite(got.value.ms)).toBe(true);
    });
    expect(received).toHaveLength(STATES.length);
  }, 60000);

  it('transferring a reply leaves the engine cache intact (same result when asked again)', () => {
    const engines = new FlexEngines();
    const req: FlexRequest = { seed: 42, customers: 2000, state: { ...DEFAULT_FLEX_STATE } };
    const first = handleFlexRequest(engines, req);
    structuredClone(first.value, { transfer: first.transfer });
    // the transferred buffers are detached…
    expect(first.transfer.every((b) => b.byteLength === 0)).toBe(true);
    // …but the engine's cached years are not: the cached (second) answer is still 52 full weeks
    const again = handleFlexRequest(engines, { ...req });
    expect(again.value.weekly.rigidFill).toHaveLength(52);
    expect(bytes(again.value)).toEqual(bytes(main.compare(req.state)));
  }, 30000);

  it('reports an engine error as a message, and rejects malformed requests', () => {
    const replies: { reply: RpcReply<FlexResponse>; transfer: Transferable[] }[] = [];
    const engines = new FlexEngines();
    const deliver = rpcInside((req: unknown) => handleFlexRequest(engines, req), (reply, transfer) => replies.push({ reply: reply as RpcReply<FlexResponse>, transfer }));
    deliver({ id: 7, payload: { seed: 42, customers: 3, state: { ...DEFAULT_FLEX_STATE } } });
    expect(replies).toHaveLength(1);
    const { reply, transfer } = replies[0];
    expect(reply.ok).toBe(false);
    expect(reply.id).toBe(7);
    if (!reply.ok) expect(reply.message).toMatch(/customers/);
    expect(transfer).toEqual([]);
    expect(isFlexRequest({ seed: 42, customers: 2000, state: {} })).toBe(true);
    expect(isFlexRequest({ seed: '42', customers: 2000, state: {} })).toBe(false);
    expect(isFlexRequest(null)).toBe(false);
    expect(isFlexRequest({ seed: 42, customers: 2000 })).toBe(false);
    // a malformed request gets an error reply, not a crash of the worker
    deliver({ id: 8, payload: { seed: 42, customers: 2000 } });
    expect(replies[1].reply).toMatchObject({ id: 8, ok: false, message: expect.stringMatching(/malformed/) });
  });
});

// ------------------------------------------------------------------------------------------------
// A fake module worker running the real handler one task later.
// ------------------------------------------------------------------------------------------------
const sent: FlexRequest[] = [];
let crash = false;
class FakeWorker extends EventTarget {
  static engines = new FlexEngines();
  private inside = rpcInside(
    (req: unknown) => handleFlexRequest(FakeWorker.engines, req),
    (reply, transfer) => this.dispatchEvent(new MessageEvent('message', { data: structuredClone(reply, { transfer }) })),
  );
  constructor(_url: URL | string, _opts?: WorkerOptions) {
    super();
  }
  postMessage(msg: unknown): void {
    const req = structuredClone(msg) as RpcRequest<FlexRequest>;
    sent.push(req.payload);
    setTimeout(() => {
      if (crash) {
        const ev = new Event('error', { cancelable: true });
        this.dispatchEvent(ev);
        return;
      }
      this.inside(req);
    }, 5);
  }
  terminate(): void {}
}

describe('with a (fake) worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sent.length = 0;
    crash = false;
    window.history.replaceState(null, '', '/');
  });

  it('createFlexWorkerEngine resolves comparisons equal to the main thread; a crash rejects with WorkerUnavailable for good', async () => {
    expect(createFlexWorkerEngine(42, 2000)).toBeNull(); // happy-dom: no Worker
    vi.stubGlobal('Worker', FakeWorker);
    const w = createFlexWorkerEngine(42, 2000);
    if (!w) throw new Error('no worker engine');
    const c = await w.compare(STATES[2]);
    expect(bytes(c)).toEqual(bytes(main.compare(STATES[2])));
    crash = true;
    await expect(w.compare(STATES[0])).rejects.toBeInstanceOf(WorkerUnavailable);
    await expect(w.compare(STATES[0])).rejects.toBeInstanceOf(WorkerUnavailable);
    w.dispose();
  }, 30000);

  it('the island runs in the worker, keeps one run in flight and coalesces changes to the latest state', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    render(FlexibilityLab, { lang: 'en' });
    const lab = screen.getByTestId('flex-lab');
    await vi.waitFor(() => expect(lab.getAttribute('data-ready')).toBe('true'), { timeout: 20000, interval: 10 });
    expect(sent).toHaveLength(1);
    const profit = () => screen.getByTestId('flex-row-profit').querySelector('[data-col="flexible"]')?.textContent ?? '';
    const before = profit();
    const buffer = screen.getByTestId('flex-buffer') as HTMLInputElement;
    // three changes in one task: the first is sent, the other two coalesce into one run of the last
    await fireEvent.input(buffer, { target: { value: '0.1' } });
    await fireEvent.input(buffer, { target: { value: '0.15' } });
    await fireEvent.input(buffer, { target: { value: '0.05' } });
    expect(lab.getAttribute('data-ready')).toBe('false');
    expect(screen.getByTestId('flex-status').textContent).toBe('Updating…');
    // results stay on screen while the run is in flight
    expect(profit()).toBe(before);
    await vi.waitFor(() => expect(lab.getAttribute('data-ready')).toBe('true'), { timeout: 20000, interval: 10 });
    expect(sent.map((r) => r.state.buffer)).toEqual([0.2, 0.1, 0.05]);
    expect(screen.getByTestId('task-flex-buffer').getAttribute('data-met')).toBe('true');
    const mainFlex = main.compare({ ...DEFAULT_FLEX_STATE, buffer: 0.05 });
    expect(profit()).not.toBe(before);
    expect(screen.getByTestId('flex-verdict').getAttribute('data-winner')).toBe(mainFlex.verdict.winner);
    expect(lab.textContent).not.toMatch(/NaN|Infinity|undefined/);
  }, 60000);

  it('falls back to the main thread when the worker fails, without blanking or an error', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    crash = true;
    const errors = vi.spyOn(console, 'error');
    render(FlexibilityLab, { lang: 'zh-cn' });
    const lab = screen.getByTestId('flex-lab');
    await vi.waitFor(() => expect(lab.getAttribute('data-ready')).toBe('true'), { timeout: 20000, interval: 10 });
    expect(sent).toHaveLength(1);
    expect(screen.getByTestId('flex-verdict').getAttribute('data-winner')).toBe('flexible');
    await fireEvent.click(screen.getByTestId('flex-postponement'));
    await vi.waitFor(() => expect(lab.getAttribute('data-ready')).toBe('true'), { timeout: 20000, interval: 10 });
    expect(sent).toHaveLength(1); // the worker is not asked again
    expect(screen.queryByRole('alert')).toBeNull();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  }, 60000);
});
