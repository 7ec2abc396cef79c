/**
 * The CRM lab off the main thread: the worker's answers (CrmHost, what crmdata.worker.ts runs) are
 * identical to the main-thread path after the structured clone of postMessage and after the JSON the
 * server embeds for hydration; the coalescer runs one job at a time and only the latest waiting one;
 * the component keeps the previous figures while a worker run is in flight, and falls back to the
 * main thread when the worker cannot load.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync, type Component } from 'svelte';
import CrmDataLabSvelte from '../../../src/components/crmdata/CrmDataLab.svelte';
import { CrmHost, companyTransferables } from '../../../src/lib/crmdata/crm-host';
import type { CrmReply, CrmRequest } from '../../../src/lib/crmdata/crm-protocol';
import { Coalescer } from '../../../src/lib/crmdata/crm-engine';
import { CrmDataModel } from '../../../src/lib/crmdata/lab';
import { defaultCrmState, type CrmDataState } from '../../../src/lib/crmdata/state';
import { ModelCache, computeSummary, csvFor, initScriptHtml, inlineJson, stateKey } from '../../../src/lib/crmdata/summary';

const CrmDataLab = CrmDataLabSvelte as unknown as Component<{ lang: 'en' | 'zh-cn'; seed?: number }>;
const d = defaultCrmState();
const STATES: CrmDataState[] = [
  d,
  { ...d, dedupe: true },
  { ...d, labels: true, dedupe: true, stale: true, missing: 'median' },
  { ...d, dup: 50, rev: 0, date: 50, reg: 0, lapsed: 3, missing: 'drop', stale: true },
];

describe('worker answers equal the main-thread path', () => {
  const host = new CrmHost();
  const models = new ModelCache();

  it('run: same summary after structured clone and after the hydration JSON', () => {
    for (const lang of ['en', 'zh-cn'] as const) {
      for (const s of STATES) {
        const { reply } = host.handle(structuredClone({ id: 1, kind: 'run', state: s, lang } satisfies CrmRequest));
        const got = structuredClone(reply);
        const want = computeSummary(models, s, lang);
        expect(got.ok && got.kind === 'run').toBe(true);
        if (!got.ok || got.kind !== 'run') continue;
        expect(got.error).toBe('');
        expect(got.summary).toEqual(want.summary);
        expect(JSON.parse(JSON.stringify(got.summary))).toEqual(want.summary);
        expect(got.summary?.state).toEqual(s);
      }
    }
    const dedupe = computeSummary(models, { ...d, dedupe: true }, 'en').summary;
    expect(dedupe?.ariClean).toBeCloseTo(0.881, 3);
    expect(dedupe?.sample.length).toBe(10);
  }, 60_000);

  it('a bad state: the defaults with the engine message, on both paths', () => {
    const bad = { ...d, dedupe: 'yes' as unknown as boolean };
    const { reply } = host.handle({ id: 2, kind: 'run', state: bad, lang: 'en' });
    const want = computeSummary(models, bad, 'en');
    expect(want.error).not.toBe('');
    expect(reply).toMatchObject({ ok: true, kind: 'run', error: want.error });
    if (reply.ok && reply.kind === 'run') expect(reply.summary).toEqual(want.summary);
  }, 60_000);

  it('task check, CSV and company match the model', () => {
    const m = new CrmDataModel(42);
    const s = { ...d, labels: true };
    expect(host.handle({ id: 3, kind: 'task', state: s }).reply).toEqual({ id: 3, ok: true, kind: 'task', answer: m.fewestSteps(s) });
    const csv = host.handle({ id: 4, kind: 'csv', state: s, lang: 'zh-cn' }).reply;
    expect(csv).toEqual({ id: 4, ok: true, kind: 'csv', csv: csvFor(m, s, 'zh-cn') });
    if (csv.ok && csv.kind === 'csv') expect(csv.csv.charCodeAt(0)).toBe(0xfeff);
    const { reply, transfer } = host.handle({ id: 5, kind: 'company', seed: 42 });
    expect(reply.ok && reply.kind === 'company' && reply.company).toEqual(m.company);
    if (reply.ok && reply.kind === 'company') {
      expect(transfer.length).toBe(companyTransferables(reply.company).length);
      expect(transfer.length).toBeGreaterThan(3);
      expect(new Set(transfer).size).toBe(transfer.length);
    }
  }, 60_000);

  it('the embedded JSON cannot close its script element', () => {
    const html = initScriptHtml('s1-init', { name: '</script><b>', x: 1 });
    expect(html.indexOf('</script>')).toBe(html.length - '</script>'.length);
    expect(JSON.parse(inlineJson({ name: '</script>\u2028' }))).toEqual({ name: '</script>\u2028' });
    expect(stateKey({ ...d })).toBe(JSON.stringify(d));
  });
});

describe('Coalescer', () => {
  it('one job in flight; only the latest waiting job runs; busy until all done', async () => {
    const started: number[] = [];
    const results: number[] = [];
    const busy: boolean[] = [];
    const gates: (() => void)[] = [];
    const c = new Coalescer<number, number>(
      (n) => {
        started.push(n);
        return new Promise((res) => gates.push(() => res(n * 10)));
      },
      (r) => results.push(r),
      () => {},
      (b) => busy.push(b),
    );
    c.submit(1);
    c.submit(2);
    c.submit(3);
    expect(started).toEqual([1]);
    gates[0]();
    await vi.waitFor(() => expect(started).toEqual([1, 3]));
    expect(results).toEqual([10]);
    expect(c.busy).toBe(true);
    gates[1]();
    await vi.waitFor(() => expect(results).toEqual([10, 30]));
    expect(c.busy).toBe(false);
    expect(busy[0]).toBe(true);
    expect(busy[busy.length - 1]).toBe(false);
  });
});

// A stand-in for the module worker: answers with the same CrmHost, asynchronously, through
// structuredClone (as postMessage does). `broken` makes it fail to load like a missing chunk.
class FakeWorker {
  static broken = false;
  static made = 0;
  private host = new CrmHost();
  private listeners: Record<string, ((e: unknown) => void)[]> = {};
  constructor(_url: URL, _opts: WorkerOptions) {
    FakeWorker.made++;
    if (FakeWorker.broken) setTimeout(() => this.emit('error', { preventDefault() {} }), 5);
  }
  addEventListener(type: string, fn: (e: unknown) => void): void {
    (this.listeners[type] ??= []).push(fn);
  }
  // the rpc.ts wire format: { id, payload } in, { id, ok, value | message } out
  postMessage(msg: { id: number; payload: Omit<CrmRequest, 'id'> }): void {
    if (FakeWorker.broken) return;
    const copy = structuredClone(msg);
    setTimeout(() => {
      const { reply } = this.host.handle({ ...copy.payload, id: copy.id } as CrmRequest);
      const wire = reply.ok ? { id: copy.id, ok: true, value: reply as CrmReply } : { id: copy.id, ok: false, message: reply.message };
      this.emit('message', { data: structuredClone(wire) });
    }, 20);
  }
  terminate(): void {
    this.listeners = {};
  }
  private emit(type: string, e: unknown): void {
    for (const fn of this.listeners[type] ?? []) fn(e);
  }
}

describe('CrmDataLab with a worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.broken = false;
    history.replaceState(null, '', '/');
  });

  it('computes in the worker and keeps the previous figures while a change runs', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const made = FakeWorker.made;
    render(CrmDataLab, { lang: 'en' });
    expect(FakeWorker.made).toBe(made + 1);
    await waitFor(() => expect(screen.getByTestId('crm-ari').textContent).toBe('0.755'), { timeout: 20_000 });
    await waitFor(() => expect(screen.getByTestId('crm-status').dataset.busy).toBe('false'));
    await fireEvent.click(screen.getByTestId('crm-fix-dedupe'));
    flushSync();
    // the run is in flight: old figures stay, the status says so
    expect(screen.getByTestId('crm-ari').textContent).toBe('0.755');
    expect(screen.getByTestId('crm-status').dataset.busy).toBe('true');
    expect(screen.getByTestId('crm-status').textContent).toContain('Updating');
    await waitFor(() => expect(screen.getByTestId('crm-ari').textContent).toBe('0.881'), { timeout: 20_000 });
    await waitFor(() => expect(screen.getByTestId('crm-status').dataset.busy).toBe('false'));
    // the task check runs in the worker too
    await fireEvent.click(screen.getByTestId('crm-task-check'));
    await waitFor(() => expect(screen.getByTestId('task-crm-clean').dataset.met).toBe('true'), { timeout: 20_000 });
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
  }, 60_000);

  it('falls back to the main thread when the worker cannot load', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.broken = true;
    render(CrmDataLab, { lang: 'zh-cn' });
    await waitFor(() => expect(screen.getByTestId('crm-ari').textContent).toBe('0.755'), { timeout: 20_000 });
    await fireEvent.click(screen.getByTestId('crm-fix-dedupe'));
    flushSync();
    expect(screen.getByTestId('crm-ari').textContent).toBe('0.881');
    expect(screen.getByTestId('crm-status').dataset.busy).toBe('false');
  }, 60_000);
});
