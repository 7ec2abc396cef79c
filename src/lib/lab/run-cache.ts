/**
 * The segment lab's caches on one thread: companies and one-size-fits-all baselines per (seed,
 * customers), segmentations per spec. run.ts fills them when it runs the engine here; the worker client
 * (lab-engine.ts) primes them with what the worker sends, so a later run of the same seed on this
 * thread is warm and the charts keep the same objects. No engine import: the page needs the caches
 * before (and often without) loading the engine.
 */
import type { Company, Segmentation, SimulationResult } from '@sim/types';
import { getLens } from './lenses';
import type { LabState } from './state';
import { clampCustomers } from './run-views';

/** A small map that keeps its most recently used entries (the lab's caches and its runs computed ahead). */
export class LruCache<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly size: number) {}
  /** The value of `key`, which becomes the most recently used. */
  get(key: string): T | undefined {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }
  /** The value of `key`, leaving the order as it is. */
  peek(key: string): T | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  set(key: string, value: T): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
  clear(): void {
    this.map.clear();
  }
  get count(): number {
    return this.map.size;
  }
}

// Small caches: a lesson page needs one or two seeds at a time.
const MAX_ENTRIES = 4;
export const companies = new LruCache<Company>(MAX_ENTRIES);
export const baselines = new LruCache<SimulationResult>(MAX_ENTRIES);
export const segmentations = new LruCache<Segmentation>(MAX_ENTRIES);

/** The cached value of `key`, or `make()` stored under it. */
export function remember<T>(cache: LruCache<T>, key: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  cache.set(key, value);
  return value;
}

/**
 * Seed this thread's caches with a baseline and a segmentation computed elsewhere (the lab worker), so
 * a later run of the same seed here is warm: it re-simulates only the plan.
 */
export function primeRunCaches(state: LabState, customers: number, baseline: SimulationResult, segmentation: Segmentation, company?: Company): void {
  if (company) remember(companies, `${state.seed}/${customers}`, () => company);
  remember(baselines, `${state.seed}/${customers}`, () => baseline);
  remember(segmentations, segmentationKey(state, customers), () => segmentation);
}

/** This thread's cached company, baseline and segmentation for a (normalised) state, where it has them. */
export function cachedFor(state: LabState, customers: number): { company?: Company; baseline?: SimulationResult; segmentation?: Segmentation } {
  const key = `${state.seed}/${customers}`;
  return { company: companies.peek(key), baseline: baselines.peek(key), segmentation: segmentations.peek(segmentationKey(state, customers)) };
}

/** True when a run of this seed on this thread needs no company or baseline computed first. */
export function isWarm(seed: number, customers: number): boolean {
  const key = `${seed}/${clampCustomers(customers)}`;
  return companies.has(key) && baselines.has(key);
}

/** The cache key of a (normalised) state's segmentation: equal keys give identical segmentations. */
export function segmentationKey(state: LabState, customers: number): string {
  return `${state.seed}/${customers}/${JSON.stringify(getLens(state.lens).spec(state.params))}`;
}
