/**
 * Speculative runs for the segment lab: while the learner rests on a control, the lab worker already
 * simulates the states that control reaches in one step (a slider one step either way, a select's
 * other options, a checkbox toggled), so that when the change comes its results are waiting and the
 * change costs the page only the DOM update. The same idea as a chess engine pondering on the
 * opponent's time, or a browser's link prefetch.
 *
 * Pure TypeScript, no DOM: which control a DOM element is (`ControlTarget`) is read by the component;
 * this module lists the neighbouring states, keys states canonically, and keeps a small LRU of runs.
 * A prefetched run comes from the same pure function (run.ts runLab) as any other, so a hit shows
 * exactly the numbers a fresh run would.
 */
import type { SegmentStrategy } from '@sim/types';
import { snapRange, type ControlDef, type RangeControl } from './controls';
import { editableControls, getLens } from './lenses';
import { LruCache } from './run-cache';
import { CHOICE_LEVERS, DISCOUNT_CONTROL, SERVICE_LEVEL_CONTROL, normaliseState, strategyFor, type ChoiceLever, type LabState } from './state';

/** The control the learner is on: a lens control (`option` for one checkbox of a multi-select) or one lever of one segment. */
export type ControlTarget =
  | { kind: 'param'; id: string; option?: string }
  | { kind: 'lever'; segment: string; lever: keyof SegmentStrategy };

/**
 * A canonical key of a state and customer count: equal keys ⇔ equal normalised states (the order in
 * which segments' strategies were set does not matter).
 */
export function stateKey(input: LabState, customers: number): string {
  const s = normaliseState(input);
  const strategies = Object.keys(s.strategies)
    .sort()
    .map((k) => [k, s.strategies[k]]);
  return JSON.stringify([s.lens, s.seed, customers, s.params, strategies]);
}

/** Values one keyboard step either way (ArrowLeft/Right, Up/Down), nearest first, within the range. */
function rangeSteps(c: RangeControl, value: number): number[] {
  const out: number[] = [];
  for (const d of [1, -1]) {
    const v = snapRange(c, value + d * c.step);
    if (v !== value) out.push(v);
  }
  return out;
}

/** Other options of a select, the adjacent ones first (what ArrowDown / ArrowUp reach), then the rest. */
function selectSteps(options: readonly string[], value: string): string[] {
  const i = options.indexOf(value);
  if (i < 0) return [];
  const out: string[] = [];
  for (let d = 1; d < options.length; d++) {
    if (i + d < options.length) out.push(options[i + d]);
    if (i - d >= 0) out.push(options[i - d]);
  }
  return out;
}

function paramNeighbours(state: LabState, c: ControlDef, option?: string): LabState[] {
  const value = state.params[c.id];
  const withValue = (v: LabState['params'][string]): LabState => ({ ...state, params: { ...state.params, [c.id]: v } });
  if (c.kind === 'range') return typeof value === 'number' ? rangeSteps(c, value).map(withValue) : [];
  if (c.kind === 'select') return typeof value === 'string' ? selectSteps(c.options, value).map(withValue) : [];
  // multi-select: the focused checkbox toggled (or, with none focused, each option toggled), where allowed
  const chosen = Array.isArray(value) ? value : [];
  const toggles = option !== undefined ? [option] : [...c.options];
  const out: LabState[] = [];
  for (const o of toggles) {
    if (!c.options.includes(o)) continue;
    const next = chosen.includes(o) ? chosen.filter((x) => x !== o) : c.options.filter((x) => x === o || chosen.includes(x));
    if (next.length >= c.min && next.length <= c.max) out.push(withValue(next));
  }
  return out;
}

function leverNeighbours(state: LabState, segment: string, lever: keyof SegmentStrategy): LabState[] {
  const current = strategyFor(state, segment);
  // the value is checked by normaliseState (clampStrategy) in neighbourStates
  const withLever = (v: unknown): LabState => ({
    ...state,
    strategies: { ...state.strategies, [segment]: { ...current, [lever]: v } },
  });
  if (lever === 'serviceLevel') return rangeSteps(SERVICE_LEVEL_CONTROL, current.serviceLevel).map(withLever);
  if (lever === 'discount') return rangeSteps(DISCOUNT_CONTROL, current.discount).map(withLever);
  const options = CHOICE_LEVERS[lever as ChoiceLever] as readonly string[] | undefined;
  return options ? selectSteps(options, current[lever] as string).map(withLever) : [];
}

/**
 * The states one step away on `target`, normalised, nearest first, without the current state or
 * duplicates, at most `max`. A locked (non-editable) or unknown control has none.
 */
export function neighbourStates(input: LabState, target: ControlTarget, customers: number, max = 4): LabState[] {
  const state = normaliseState(input);
  let raw: LabState[] = [];
  if (target.kind === 'param') {
    const c = getLens(state.lens).controls.find((x) => x.id === target.id);
    if (!c || !editableControls(state.lens, state.editable).includes(c.id)) return [];
    if (c.when && !c.when(state.params)) return [];
    raw = paramNeighbours(state, c, target.option);
  } else {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(target.segment)) return [];
    raw = leverNeighbours(state, target.segment, target.lever);
  }
  const seen = new Set([stateKey(state, customers)]);
  const out: LabState[] = [];
  for (const s of raw) {
    const n = normaliseState(s);
    const key = stateKey(n, customers);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * Runs wished-for states one at a time through `run` (the lab worker) while `idle()` says the lab has
 * no real run pending, and keeps the results in an LruCache. One speculative run at most is in the
 * worker at any moment, so a real change waits behind at most one of them. A new wish list replaces
 * the old one (only the states around the current control matter). A failed run stops prefetching
 * for good (the worker is gone: the lab has its own fallback).
 */
export class Prefetcher<R> {
  private readonly cache: LruCache<R>;
  private queue: { key: string; state: LabState }[] = [];
  private running: string | null = null;
  private runningReply: Promise<R> | null = null;
  private stopped = false;

  constructor(
    private readonly run: (state: LabState) => Promise<R>,
    private readonly customers: number,
    private readonly idle: () => boolean,
    size = 8,
  ) {
    this.cache = new LruCache<R>(size);
  }

  /** Prefetch these states (those not cached or running), in order, replacing any earlier wishes. */
  want(states: readonly LabState[]): void {
    if (this.stopped) return;
    this.queue = states.map((state) => ({ key: stateKey(state, this.customers), state })).filter((w) => w.key !== this.running && !this.cache.has(w.key));
    this.kick();
  }

  /** Start the next wished-for run if the lab is idle (call again when it becomes idle). */
  kick(): void {
    if (this.stopped || this.running !== null || !this.idle()) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = next.key;
    const reply = this.run(next.state);
    this.runningReply = reply;
    reply.then(
      (r) => {
        this.running = null;
        this.runningReply = null;
        if (this.stopped) return;
        this.cache.set(next.key, r);
        this.kick();
      },
      () => {
        this.running = null;
        this.runningReply = null;
        this.stop();
      },
    );
  }

  /** The prefetched run of a state, if it is ready. */
  take(state: LabState): R | undefined {
    return this.cache.get(stateKey(state, this.customers));
  }

  /** The reply of the speculative run in the worker right now, if it is this state's. */
  pending(state: LabState): Promise<R> | undefined {
    return this.running !== null && this.running === stateKey(state, this.customers) ? (this.runningReply ?? undefined) : undefined;
  }

  /** Is a speculative run in the worker right now? */
  get busy(): boolean {
    return this.running !== null;
  }

  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.cache.clear();
  }
}
