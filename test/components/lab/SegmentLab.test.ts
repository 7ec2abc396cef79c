import { afterEach, describe, expect, it, vi } from 'vitest';
import './dict';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import SegmentLab from '../../../src/components/simulators/SegmentLab.svelte';
import { LENSES } from '../../../src/lib/lab/lenses';
import { encodeState } from '../../../src/lib/lab/share';
import { defaultState } from '../../../src/lib/lab/state';

/** Wait until the lab's time-sliced run has finished (it runs in several short tasks). */
async function settled(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await vi.waitFor(() => expect(screen.getByTestId('lab-busy').getAttribute('data-busy')).toBe('false'), { timeout: 5000, interval: 5 });
}

function summary(): string {
  return screen.getByTestId('lab-summary').textContent ?? '';
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('SegmentLab', () => {
  for (const lens of LENSES) {
    for (const lang of ['en', 'zh-cn'] as const) {
      it(`renders the ${lens} lens in ${lang} with outcomes, tasks, its chart and no NaN`, async () => {
        const { container } = render(SegmentLab, { lang, lens, customers: 500 });
        expect(container.querySelector(`[data-lens="${lens}"]`)).not.toBeNull();
        // the engine runs after mount, in slices: first a translated "preparing" state, no results yet
        expect(screen.getByTestId('lab-busy').getAttribute('data-busy')).toBe('true');
        expect(screen.getByTestId('lab-preparing').textContent).toContain(lang === 'en' ? 'Preparing the simulation' : '正在准备');
        expect(container.querySelectorAll('[data-testid^="outcome-"]')).toHaveLength(0);
        await settled();
        expect(screen.queryByTestId('lab-preparing')).toBeNull();
        expect(summary().length).toBeGreaterThan(20);
        expect(screen.getByTestId('lab-summary').getAttribute('aria-live')).toBe('polite');
        expect(container.querySelectorAll('[data-testid^="outcome-"]')).toHaveLength(6);
        expect(container.querySelectorAll('[data-testid^="task-"][data-met]')).toHaveLength(2);
        expect(container.querySelector('svg')).not.toBeNull();
        // formulas: the MathML itself is server-rendered (checked in the browser tests); here the panel and its parts
        expect(container.querySelectorAll('[data-formula]').length).toBe(9);
        // the lens chart loads on demand: wait for its figure
        await vi.waitFor(() => expect(screen.getByTestId('lens-chart').querySelector('figure svg')).not.toBeNull(), { timeout: 5000 });
        expect(container.textContent).not.toMatch(/NaN|Infinity|undefined|lab\.[a-z]+\./);
      });
    }
  }

  it('updates outcomes when a segmentation control changes', async () => {
    const { container } = render(SegmentLab, { lang: 'en', lens: 'value', customers: 500 });
    await settled();
    const before = summary();
    const scheme = container.querySelector('select[data-control="scheme"]') as HTMLSelectElement;
    await fireEvent.change(scheme, { target: { value: 'rfm' } });
    await settled();
    expect(summary()).not.toBe(before);
    expect(container.querySelector('[data-segment="champions"]')).not.toBeNull();
    expect(screen.getByTestId('delta-previous-totalCost').textContent).not.toContain('no previous run');
  });

  it('coalesces a burst of slider events into runs of the latest value (no queue, same numbers)', async () => {
    // reference: one change straight to 60 %
    const ref = render(SegmentLab, { lang: 'en', lens: 'value', customers: 500 });
    await settled();
    await fireEvent.input(ref.container.querySelector('input[data-control="a"]') as HTMLInputElement, { target: { value: '0.6' } });
    await settled();
    const expected = summary();
    ref.unmount();
    // a drag: five values in one go, ending at 60 %
    const { container } = render(SegmentLab, { lang: 'en', lens: 'value', customers: 500 });
    await settled();
    const slider = container.querySelector('input[data-control="a"]') as HTMLInputElement;
    const marks: number[] = [];
    const mark = performance.mark.bind(performance);
    const spy = vi.spyOn(performance, 'mark').mockImplementation((name: string, options?: PerformanceMarkOptions) => {
      if (name === 'lab:input') marks.push(1);
      return mark(name, options);
    });
    for (const v of ['0.85', '0.7', '0.75', '0.65', '0.6']) await fireEvent.input(slider, { target: { value: v } });
    expect(screen.getByTestId('lab-busy').getAttribute('data-busy')).toBe('true');
    await settled();
    spy.mockRestore();
    expect(summary()).toBe(expected);
    expect(screen.getByTestId('control-value-a').textContent).toBe('60%');
    // one `lab:input` mark for the whole burst (it opens the input → painted measure)
    expect(marks).toHaveLength(1);
  });

  it('runs a change on an idle, warm lab in the input task itself; a second change in the same frame waits for the next frame', async () => {
    // 200 customers: the run must fit the input slice (40 ms) even on a loaded test machine
    const { container } = render(SegmentLab, { lang: 'en', lens: 'value', customers: 200 });
    await settled();
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const before = summary();
    const scheme = container.querySelector('select[data-control="scheme"]') as HTMLSelectElement;
    const original = scheme.value;
    expect(original).not.toBe('rfm');
    // dispatched synchronously, no await: the new results must already be in the DOM when it returns
    scheme.value = 'rfm';
    scheme.dispatchEvent(new Event('change', { bubbles: true }));
    expect(screen.getByTestId('lab-busy').getAttribute('data-busy')).toBe('false');
    const afterRfm = summary();
    expect(afterRfm).not.toBe(before);
    expect(container.querySelector('[data-segment="champions"]')).not.toBeNull();
    // a second change in the same frame is coalesced to the next frame (no second synchronous run)
    scheme.value = original;
    scheme.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync(); // apply the "updating" flag (the deferred path does not touch the DOM itself)
    expect(screen.getByTestId('lab-busy').getAttribute('data-busy')).toBe('true');
    expect(summary()).toBe(afterRfm);
    // then the latest state wins: the original scheme's results again
    await settled();
    expect(summary()).toBe(before);
    expect(container.querySelector('[data-segment="champions"]')).toBeNull();
  });

  it('updates outcomes when a strategy lever changes and can meet a task', async () => {
    const { container } = render(SegmentLab, { lang: 'en', lens: 'geography', customers: 2000 });
    await settled();
    expect(screen.getByTestId('task-geography-1').getAttribute('data-met')).toBe('false');
    const card = container.querySelector('[data-segment="international"]') as HTMLElement;
    const fulfil = within(card).getByLabelText('Ship from') as HTMLSelectElement;
    const before = summary();
    await fireEvent.change(fulfil, { target: { value: 'regional' } });
    await settled();
    expect(summary()).not.toBe(before);
    expect(screen.getByTestId('task-geography-1').getAttribute('data-met')).toBe('true');
    expect(screen.getByTestId('task-reason-geography-1').textContent).toMatch(/^Met:/);
  });

  it('restores a shared state and shows a notice for bad parameters', async () => {
    const q = encodeState({ ...defaultState('lifecycle', 7), params: { new: 0.7, mature: 0.2 } });
    q.set('p.new', '5');
    q.set('bogus', 'x');
    window.history.replaceState(null, '', `/?${q.toString()}`);
    render(SegmentLab, { lang: 'en', lens: 'lifecycle', customers: 500 });
    await settled();
    const notice = screen.getByTestId('lab-notice');
    expect(notice.textContent).toContain('p.new');
    expect(notice.textContent).toContain('outside the allowed range');
    expect(notice.textContent).toContain('bogus');
    expect((screen.getByLabelText('Company seed') as HTMLInputElement).value).toBe('7');
    expect(screen.getByTestId('control-value-mature').textContent).toBe('20%');
    expect(screen.getByTestId('control-value-new').textContent).toBe('60%');
  });
});
