/**
 * One run of the trends lab for a state: the learner's plan, the same plan without the data platform
 * (for the platform's net effect), the starting plan and one size fits all, all as TrendsFigures.
 * Pure TypeScript (no DOM): the same function runs inside trends.worker.ts (off the main thread) and,
 * where module workers are unavailable (unit tests, a worker that failed to load), on the page itself,
 * so both paths give byte-identical figures (test/chapters/trends/worker.test.ts compares them).
 *
 * The company (seed, 2,000 customers) and its domestic/international segmentation are built once per
 * seed and kept; figures are cached per (seed, state) so going back to an earlier plan costs nothing.
 * Units as in model.ts: USD per simulated year, CO2e tonnes, satisfaction 0..100, OTIF 0..1.
 */
import type { Company, Segmentation } from '@sim/types';
import { generateCompany } from '@sim/company/generate';
import { segment } from '@sim/segmentation/index';
import { BASELINE_STATE, START_STATE, TRENDS_CUSTOMERS, TRENDS_SEED, TRENDS_SEGMENTATION, cloneState, runState, snapDigital, type TrendsFigures, type TrendsState } from './model';
import { encodeTrends } from './share';

/** What the island shows for one state. */
export interface TrendsView {
  seed: number;
  /** the state the figures belong to (digital snapped to the lever's grid) */
  state: TrendsState;
  current: TrendsFigures;
  /** the same plan with the platform off, null when the platform is off (digital = 0) */
  withoutPlatform: TrendsFigures | null;
  /** "Kestrel today": priority for everyone, no platform */
  start: TrendsFigures;
  /** one size fits all (DEFAULT_STRATEGY) */
  baseline: TrendsFigures;
}

interface Ctx {
  seed: number;
  company: Company;
  segmentation: Segmentation;
  figures: Map<string, TrendsFigures>;
}

/** Largest number of cached plan results per seed (each is a few hundred bytes). */
const CACHE_MAX = 200;
let ctx: Ctx | null = null;

/** A valid company seed (integer 0..999999), else the lab's default. */
export function trendsSeed(seed: unknown): number {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 999_999 ? seed : TRENDS_SEED;
}

function context(seed: number): Ctx {
  if (ctx && ctx.seed === seed) return ctx;
  const company = generateCompany(seed, { customers: TRENDS_CUSTOMERS });
  const segmentation = segment(company, TRENDS_SEGMENTATION);
  ctx = { seed, company, segmentation, figures: new Map() };
  return ctx;
}

function figures(c: Ctx, s: Readonly<TrendsState>): TrendsFigures {
  const key = encodeTrends(cloneState(s)).toString();
  let f = c.figures.get(key);
  if (!f) {
    f = runState(c.company, c.segmentation, s, c.seed);
    if (c.figures.size >= CACHE_MAX) c.figures.clear();
    c.figures.set(key, f);
  }
  return f;
}

/**
 * Run (or recall) a state on the lab's company. Throws the engine's error for a state the engine
 * rejects (the island then shows its translated error and the starting plan).
 */
export function trendsView(seedInput: number, input: Readonly<TrendsState>): TrendsView {
  const seed = trendsSeed(seedInput);
  const c = context(seed);
  const state = { ...cloneState(input), digital: snapDigital(input.digital) };
  const start = figures(c, START_STATE);
  const baseline = figures(c, BASELINE_STATE);
  const current = figures(c, state);
  const withoutPlatform = state.digital > 0 ? figures(c, { ...state, digital: 0 }) : null;
  return { seed, state, current, withoutPlatform, start, baseline };
}

