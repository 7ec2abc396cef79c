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

// Small caches: a lesson page needs one or two seeds at a time.
export const companies = new Map<string, Company>();
export const baselines = new Map<string, SimulationResult>();
export const segmentations = new Map<string, Segmentation>();
const MAX_ENTRIES = 4;

/** The cached value of `key`, or `make()` stored under it (least recently used entries dropped). */
export function remember<T>(map: Map<string, T>, key: string, make: () => T): T {
  const hit = map.get(key);
  if (hit !== undefined) {
    map.delete(key);
    map.set(key, hit); // most recently used last
    return hit;
  }
  const value = make();
  map.set(key, value);
  while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as string);
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
  return { company: companies.get(key), baseline: baselines.get(key), segmentation: segmentations.get(segmentationKey(state, customers)) };
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
