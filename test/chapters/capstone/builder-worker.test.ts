// SegmentBuilder and CapstoneLab with a (fake, in-process) capstone worker: a k-means change keeps the
// previous run on screen with a "computing" note until the worker answers, then shows exactly the
// engine's clusters; a worker that fails makes the builder fall back to the main thread.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import SegmentBuilderSvelte from '../../../src/components/capstone/SegmentBuilder.svelte';
import { answerCapRequest } from '../../../src/lib/capstone/kmeans-run';
import { rpcInside } from '../rpc-inside';
import { generateCompany } from '../../../simulations/company/generate';
import { segment } from '../../../simulations/segmentation/index';
import type { Company, SegmentationSpec } from '../../../simulations/types';
import { expectNoBadNumbers } from '../../components/charts/helpers';

type Props = { lang: 'en' | 'zh-cn'; company: Company; companySeed?: number; spec: SegmentationSpec; onchange: (s: SegmentationSpec) => void; idPrefix: string };
const SegmentBuilder = SegmentBuilderSvelte as unknown as Component<Props>;
const company = generateCompany(42, { customers: 2000 });

/** Answers in-process (answerCapRequest behind serveRpc), but only when the test releases it (so the "computing" state can be seen). */
class FakeWorker {
  static all: FakeWorker[] = [];
  static held: (() => void)[] = [];
  static hold = false;
  static fail = false;
  private listeners: Record<string, ((e: unknown) => void)[]> = {};
  requests = 0;
  private inside = rpcInside(answerCapRequest, (reply) => {
    for (const fn of this.listeners.message ?? []) fn({ data: reply });
  });
  constructor() {
    FakeWorker.all.push(this);
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    (this.listeners[type] ??= []).push(fn);
  }
  postMessage(msg: unknown) {
    this.requests++;
    const answer = () => {
      if (FakeWorker.fail) {
        for (const fn of this.listeners.error ?? []) fn({ preventDefault() {} });
        return;
      }
      this.inside(msg);
    };
    if (FakeWorker.hold) FakeWorker.held.push(answer);
    else setTimeout(answer, 0);
  }
  terminate() {}
}
function release(): void {
  const jobs = FakeWorker.held.splice(0);
  for (const j of jobs) j();
}

beforeAll(() => {
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce'), media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false }) as unknown as MediaQueryList);
});
afterAll(() => vi.unstubAllGlobals());

function sizes(): number[] {
  return [...screen.getByTestId('builder-sizes').querySelectorAll('tbody tr td:first-of-type')].map((td) => Number(td.textContent!.replace(/,/g, '')));
}

describe('SegmentBuilder with the capstone worker', () => {
  const kspec: SegmentationSpec = { method: 'kmeans', params: { k: 4, features: ['annualRevenue', 'supportNeed', 'requiredLeadTimeDays'], seed: 7 } };

  it('runs k-means in the worker, keeps the previous run on screen while a change computes, then shows the engine clusters', async () => {
    const onchange = vi.fn();
    const { container } = render(SegmentBuilder, { lang: 'en', company, companySeed: 42, spec: kspec, onchange, idPrefix: 'w' });
    await vi.waitFor(() => expect(screen.queryByTestId('builder-ari')).not.toBeNull());
    expect(FakeWorker.all.length).toBe(1);
    expect(FakeWorker.all[0].requests).toBe(1);
    expect(sizes()).toEqual(segment(company, kspec).segments.map((s) => s.size));

    FakeWorker.hold = true;
    const k = container.querySelector<HTMLInputElement>('#w-k')!;
    await fireEvent.input(k, { target: { value: '3' } });
    await fireEvent.change(k);
    expect(onchange).toHaveBeenCalledTimes(1);
    // in flight: the note is shown and the previous clusters stay (4 centroids, 4 rows)
    await vi.waitFor(() => expect(screen.queryByTestId('k-computing')).not.toBeNull());
    expect(container.querySelectorAll('[data-testid="centroid"]')).toHaveLength(4);
    expect(sizes()).toHaveLength(4);
    // two more changes while it computes coalesce into one more request
    await fireEvent.input(k, { target: { value: '5' } });
    await fireEvent.change(k);
    await fireEvent.input(k, { target: { value: '6' } });
    await fireEvent.change(k);
    expect(FakeWorker.all[0].requests).toBe(2);
    FakeWorker.hold = false;
    release();
    await vi.waitFor(() => expect(FakeWorker.all[0].requests).toBe(3));
    await vi.waitFor(() => expect(screen.queryByTestId('k-computing')).toBeNull());
    const k6: SegmentationSpec = { method: 'kmeans', params: { ...(kspec.params as object), k: 6 } };
    await vi.waitFor(() => expect(sizes()).toEqual(segment(company, k6).segments.map((s) => s.size)));
    expect(container.querySelectorAll('[data-testid="centroid"]')).toHaveLength(6);
    expect(screen.getByTestId('builder-ari').textContent).toContain(segment(company, k6).ari.toFixed(2));
    expectNoBadNumbers(container);
  });

  it('falls back to the main thread when the worker fails, with the same clusters', async () => {
    FakeWorker.fail = true;
    const { container } = render(SegmentBuilder, { lang: 'zh-cn', company, companySeed: 42, spec: kspec, onchange: () => {}, idPrefix: 'f' });
    // the shared engine is already broken or breaks now: the main-thread path finishes the run
    const k = container.querySelector<HTMLInputElement>('#f-k')!;
    await fireEvent.input(k, { target: { value: '5' } });
    await fireEvent.change(k);
    const k5: SegmentationSpec = { method: 'kmeans', params: { ...(kspec.params as object), k: 5 } };
    await vi.waitFor(() => expect(sizes()).toEqual(segment(company, k5).segments.map((s) => s.size)), { timeout: 5000 });
    expect(screen.queryByTestId('k-computing')).toBeNull();
    expectNoBadNumbers(container);
    FakeWorker.fail = false;
  });
});
