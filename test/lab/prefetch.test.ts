// Speculative runs (src/lib/lab/prefetch.ts): the states one step away on a control, the canonical
// state key, the LRU, and the one-at-a-time, idle-only prefetch queue.
import { describe, expect, it } from 'vitest';
import { neighbourStates, Prefetcher, stateKey } from '../../src/lib/lab/prefetch';
import { LruCache } from '../../src/lib/lab/run-cache';
import { defaultState, normaliseState, strategyFor, type LabState } from '../../src/lib/lab/state';
import { DEFAULT_STRATEGY } from '../../simulations/strategy/levers';

const N = 2000;

describe('stateKey', () => {
  it('ignores the order in which strategies were set and anything normalisation removes', () => {
    const base = defaultState('value', 42);
    const a: LabState = { ...base, strategies: { A: { ...DEFAULT_STRATEGY, discount: 0.05 }, B: { ...DEFAULT_STRATEGY, serviceLevel: 0.9 } } };
    const b: LabState = { ...base, strategies: { B: { ...DEFAULT_STRATEGY, serviceLevel: 0.9 }, A: { ...DEFAULT_STRATEGY, discount: 0.05 } } };
    expect(stateKey(a, N)).toBe(stateKey(b, N));
    // a strategy equal to the default is the same state as none
    expect(stateKey({ ...base, strategies: { C: { ...DEFAULT_STRATEGY } } }, N)).toBe(stateKey(base, N));
  });

  it('differs for a different seed, parameter, strategy or customer count', () => {
    const base = defaultState('value', 42);
    const k = stateKey(base, N);
    expect(stateKey({ ...base, seed: 43 }, N)).not.toBe(k);
    expect(stateKey({ ...base, params: { ...base.params, a: 0.7 } }, N)).not.toBe(k);
    expect(stateKey({ ...base, strategies: { A: { ...DEFAULT_STRATEGY, discount: 0.05 } } }, N)).not.toBe(k);
    expect(stateKey(base, 500)).not.toBe(k);
  });
});

describe('neighbourStates', () => {
  it('a slider: one step either way, nearest first, and only inward at an end of its range', () => {
    const base = defaultState('value', 42); // a = 0.8, step 0.01, range 0.5..0.9
    expect(neighbourStates(base, { kind: 'param', id: 'a' }, N).map((s) => s.params.a)).toEqual([0.81, 0.79]);
    const top = normaliseState({ ...base, params: { ...base.params, a: 0.9 } });
    expect(neighbourStates(top, { kind: 'param', id: 'a' }, N).map((s) => s.params.a)).toEqual([0.89]);
  });

  it('a select: the adjacent options first (what the arrow keys reach), then the rest', () => {
    const geo = defaultState('geography', 42); // by: domestic | region | warehouse | distance
    expect(neighbourStates(geo, { kind: 'param', id: 'by' }, N).map((s) => s.params.by)).toEqual(['region', 'warehouse', 'distance']);
    const mid = normaliseState({ ...geo, params: { ...geo.params, by: 'warehouse' } });
    expect(neighbourStates(mid, { kind: 'param', id: 'by' }, N).map((s) => s.params.by)).toEqual(['distance', 'region', 'domestic']);
    expect(neighbourStates(mid, { kind: 'param', id: 'by' }, N, 1)).toHaveLength(1);
  });

  it('a checkbox: its option toggled, only where the minimum and maximum allow', () => {
    const needs = defaultState('needs', 42); // price, speed, service chosen; min 2
    const off = neighbourStates(needs, { kind: 'param', id: 'needs', option: 'speed' }, N);
    expect(off.map((s) => s.params.needs)).toEqual([['price', 'service']]);
    const two = normaliseState({ ...needs, params: { ...needs.params, needs: ['price', 'speed'] } });
    expect(neighbourStates(two, { kind: 'param', id: 'needs', option: 'speed' }, N)).toEqual([]);
  });

  it('a strategy lever of one segment: the slider steps, or the other options of a choice', () => {
    const base = defaultState('value', 42);
    const sl = neighbourStates(base, { kind: 'lever', segment: 'A', lever: 'serviceLevel' }, N);
    expect(sl.map((s) => strategyFor(s, 'A').serviceLevel)).toEqual([DEFAULT_STRATEGY.serviceLevel + 0.01, DEFAULT_STRATEGY.serviceLevel - 0.01].map((x) => Number(x.toFixed(2))));
    for (const s of sl) expect(Object.keys(s.strategies)).toEqual(['A']);
    const chain = neighbourStates(base, { kind: 'lever', segment: 'A', lever: 'supplyChain' }, N);
    expect(chain.length).toBeGreaterThan(0);
    for (const s of chain) expect(strategyFor(s, 'A').supplyChain).not.toBe(DEFAULT_STRATEGY.supplyChain);
  });

  it('nothing for a control the lesson locked, a hidden control, an unknown control or a malformed segment key', () => {
    const locked = defaultState('needs', 42, ['needs']);
    expect(neighbourStates(locked, { kind: 'param', id: 'minScore' }, N)).toEqual([]);
    const value = defaultState('value', 42); // scheme abc: the CLV shares are hidden
    expect(neighbourStates(value, { kind: 'param', id: 'high' }, N)).toEqual([]);
    expect(neighbourStates(value, { kind: 'param', id: 'nonsense' }, N)).toEqual([]);
    expect(neighbourStates(value, { kind: 'lever', segment: '../x', lever: 'discount' }, N)).toEqual([]);
  });

  it('returns normalised states, never the current one', () => {
    const base = defaultState('behaviour', 7);
    const key = stateKey(base, N);
    for (const c of ['by', 'freq', 'size']) {
      expect(neighbourStates(base, { kind: 'param', id: c }, N).length).toBeGreaterThan(0);
      for (const s of neighbourStates(base, { kind: 'param', id: c }, N)) {
        expect(s).toEqual(normaliseState(s));
        expect(stateKey(s, N)).not.toBe(key);
      }
    }
  });
});

describe('LruCache', () => {
  it('keeps the most recently used entries', () => {
    const c = new LruCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.has('b')).toBe(false);
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.count).toBe(2);
  });
});

/** A fake worker: records requests, resolves them when told. */
function fakeRun() {
  const calls: { state: LabState; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const run = (state: LabState) => new Promise<string>((resolve, reject) => calls.push({ state, resolve, reject }));
  return { calls, run };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('Prefetcher', () => {
  const base = defaultState('value', 42);
  const states = neighbourStates(base, { kind: 'param', id: 'a' }, N);

  it('runs one wish at a time, only while idle, and serves the results by state', async () => {
    let idle = false;
    const { calls, run } = fakeRun();
    const p = new Prefetcher<string>(run, N, () => idle);
    p.want(states);
    expect(calls).toHaveLength(0); // not idle: nothing starts
    idle = true;
    p.kick();
    expect(calls).toHaveLength(1);
    p.kick(); // one at a time
    expect(calls).toHaveLength(1);
    expect(p.busy).toBe(true);
    calls[0].resolve('first');
    await flush();
    expect(calls).toHaveLength(2); // the next wish started on its own
    calls[1].resolve('second');
    await flush();
    expect(p.take(states[0])).toBe('first');
    // the same state written another way is the same key
    expect(p.take(normaliseState({ ...states[1] }))).toBe('second');
    expect(p.take(base)).toBeUndefined();
  });

  it('hands out the reply of the run in progress for that state only', async () => {
    const { calls, run } = fakeRun();
    const p = new Prefetcher<string>(run, N, () => true);
    p.want(states);
    const coming = p.pending(states[0]);
    expect(coming).toBeInstanceOf(Promise);
    expect(p.pending(states[1])).toBeUndefined();
    calls[0].resolve('soon');
    expect(await coming).toBe('soon');
    await flush();
    expect(p.pending(states[0])).toBeUndefined(); // done: it is in the cache now
    expect(p.take(states[0])).toBe('soon');
  });

    it('a new wish list replaces the old one, and cached states are not run again', async () => {
    const { calls, run } = fakeRun();
    const p = new Prefetcher<string>(run, N, () => true);
    p.want([states[0]]);
    calls[0].resolve('x');
    await flush();
    const other = neighbourStates(base, { kind: 'param', id: 'b' }, N);
    p.want([states[0], ...other]);
    expect(calls).toHaveLength(2);
    expect(calls[1].state).toEqual(other[0]);
    p.want([]); // the learner moved on: the rest of the old list is dropped
    calls[1].resolve('y');
    await flush();
    expect(calls).toHaveLength(2);
  });

  it('a failed run stops prefetching for good', async () => {
    const { calls, run } = fakeRun();
    const p = new Prefetcher<string>(run, N, () => true);
    p.want(states);
    calls[0].reject(new Error('worker gone'));
    await flush();
    p.want(states);
    expect(calls).toHaveLength(1);
    expect(p.take(states[0])).toBeUndefined();
  });
});
