// Rendering a lesson's chunks ahead, in short tasks, and keeping in-page jumps right meanwhile
// (src/lib/render-ahead.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUDGET_MS, HEAVY_ELEMENTS, fragmentTarget, keepJumps, renderChunks, type Clock } from '../src/lib/render-ahead';

/** A clock whose tasks run when the test says, and whose time moves `cost` ms per chunk laid out. */
function fakeClock() {
  let t = 0;
  const queue: (() => void)[] = [];
  const clock: Clock = { now: () => t, later: (f) => queue.push(f) };
  return {
    clock,
    advance: (ms: number) => (t += ms),
    /** runs the queued tasks one by one; returns how many ran */
    drain() {
      let n = 0;
      while (queue.length) {
        queue.shift()?.();
        n++;
      }
      return n;
    },
  };
}

/** Chunks whose layout (reading offsetHeight) costs `cost` ms on the fake clock; `elements` children each. */
function chunks(n: number, cost: number, advance: (ms: number) => void, elements = 3): HTMLElement[] {
  return Array.from({ length: n }, (_, i) => {
    const el = document.createElement('div');
    el.className = 'lesson-chunk';
    el.dataset.i = String(i);
    for (let k = 0; k < elements; k++) el.append(document.createElement('p'));
    Object.defineProperty(el, 'offsetHeight', {
      get() {
        advance(cost);
        return 100;
      },
    });
    return el;
  });
}

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe('renderChunks', () => {
  it('renders every chunk in order, in tasks of about BUDGET_MS, then resolves', async () => {
    const { clock, advance, drain } = fakeClock();
    const list = chunks(20, 5, advance); // 5 ms each: 3 a task (15 ms ≥ 12)
    const order: string[] = [];
    for (const c of list) new MutationObserver(() => order.push(c.dataset.i ?? '')).observe(c, { attributes: true });
    let resolved = false;
    const done = renderChunks(list, clock).then(() => (resolved = true));
    expect(list.some((c) => c.classList.contains('is-rendered'))).toBe(false); // nothing before the first task
    const tasks = drain();
    await done;
    expect(resolved).toBe(true);
    expect(list.every((c) => c.classList.contains('is-rendered'))).toBe(true);
    expect(tasks).toBe(Math.ceil(20 / Math.ceil(BUDGET_MS / 5)));
    await Promise.resolve();
    expect(order).toEqual(list.map((c) => c.dataset.i));
  });

  it('gives a chunk that alone overruns the budget a task of its own', async () => {
    const { clock, advance, drain } = fakeClock();
    const done = renderChunks(chunks(4, 40, advance), clock);
    expect(drain()).toBe(4);
    await done;
  });

  it('starts a task with a heavy chunk rather than adding it to one that has rendered something', async () => {
    const { clock, advance, drain } = fakeClock();
    // light, heavy, light, light, heavy, heavy at 1 ms each: all would fit one 12 ms task
    const kinds = [false, true, false, false, true, true];
    const list = kinds.map((heavy) => chunks(1, 1, advance, heavy ? HEAVY_ELEMENTS + 1 : HEAVY_ELEMENTS)[0]);
    const perTask: number[][] = [];
    const wrapped: Clock = {
      now: clock.now,
      later: (f) =>
        clock.later(() => {
          const before = list.filter((c) => c.classList.contains('is-rendered')).length;
          f();
          const after = list.filter((c) => c.classList.contains('is-rendered')).length;
          perTask.push(Array.from({ length: after - before }, (_, k) => before + k));
        }),
    };
    const done = renderChunks(list, wrapped);
    drain();
    await done;
    expect(perTask).toEqual([[0], [1, 2, 3], [4], [5]]);
  });

  it('resolves at once for a page without chunks', async () => {
    const { clock, drain } = fakeClock();
    const done = renderChunks([], clock);
    expect(drain()).toBe(1);
    await expect(done).resolves.toBeUndefined();
  });
});

describe('fragmentTarget', () => {
  it('finds the element a fragment names, percent-encoded or not, and nothing for a bad one', () => {
    document.body.innerHTML = '<h2 id="why-it-matters">A</h2><h2 id="为什么">B</h2>';
    expect(fragmentTarget(document, '#why-it-matters')?.textContent).toBe('A');
    expect(fragmentTarget(document, `#${encodeURIComponent('为什么')}`)?.textContent).toBe('B');
    expect(fragmentTarget(document, '#为什么')?.textContent).toBe('B');
    expect(fragmentTarget(document, '#%E4%ZZ')).toBeNull();
    expect(fragmentTarget(document, '#')).toBeNull();
    expect(fragmentTarget(document, '')).toBeNull();
    expect(fragmentTarget(document, '#missing')).toBeNull();
  });
});

describe('keepJumps', () => {
  it('holds an in-page link clicked before the chunks are rendered, then follows it', async () => {
    document.body.innerHTML = '<a id="to" href="#target">go</a><a id="away" href="/elsewhere/">away</a><h2 id="target">T</h2>';
    let finish = () => {};
    let settled = false;
    const done = new Promise<void>((r) => (finish = r)).then(() => {
      settled = true;
    });
    keepJumps(document, done, () => settled);
    // a listener after keepJumps' own: notes whether it held the click, then stops the test
    // browser from following the link itself
    let held: boolean | undefined;
    document.addEventListener('click', (event) => {
      held = event.defaultPrevented;
      event.preventDefault();
    });
    const click = (id: string, init: MouseEventInit = {}) => {
      held = undefined;
      document.getElementById(id)?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }));
      return held;
    };
    expect(click('away')).toBe(false); // not an in-page link: the browser follows it
    expect(click('to', { ctrlKey: true })).toBe(false); // a modified click is the reader's business
    expect(click('to')).toBe(true); // held
    expect(location.hash).toBe('');
    finish();
    await done;
    await Promise.resolve();
    expect(location.hash).toBe('#target');
    // once settled, clicks are the browser's again
    expect(click('to')).toBe(false);
  });

  it('scrolls a page opened at a #fragment to it again once the chunks are rendered, unless the reader moved', async () => {
    for (const readerMoves of [false, true]) {
      document.body.innerHTML = '<h2 id="target">T</h2>';
      history.replaceState(null, '', '#target');
      const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => {});
      let finish = () => {};
      const done = new Promise<void>((r) => (finish = r));
      keepJumps(document, done, () => false);
      if (readerMoves) window.dispatchEvent(new Event('wheel'));
      expect(scroll).not.toHaveBeenCalled();
      finish();
      await done;
      await Promise.resolve();
      expect(scroll).toHaveBeenCalledTimes(readerMoves ? 0 : 1);
      scroll.mockRestore();
    }
  });
});
