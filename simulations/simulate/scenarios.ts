/**
 * Scenario presets (MODEL.md §7.1): an external event played against a plan, kept apart from the
 * plan so that one plan can be tested against several futures (the capstone's "stress test").
 *
 * Every scenario starts in a week W of the simulated year, a 0-based index like every week in the engine
 * (W = 20 is the year's 21st week: `readerWeek`); before W a run is identical to the run
 * without a scenario (common random numbers). Demand scenarios change the *mean* of demand, which the
 * plan did not foresee: the stocking points learn it through their forecasts (exponential smoothing),
 * and from week W the plant's output is capped at the planned volume × (1 + headroom + capacityBuffer)
 * (simulate.ts), so a rigid plan cannot simply produce its way out of the shock.
 *
 * - none: today's model.
 * - demand-shock: demand of one product class (or all) jumps or drops by `change` (fraction) from week W.
 *   Default +40 % on new (innovative) products from W = 20 (the 21st week), a hit product or a competitor's exit.
 *   Fisher (1997): forecast errors of innovative products are 40–100 %.
 * - tariff-rise: the import duty rate of one region rises by `points` percentage points from week W.
 *   Default North America +15 points from W = 13 (the 14th week; calibration §6b: Section 301 lists at 7.5–25 %; rates
 *   changed again in 2025, so a scenario parameter, not a constant).
 * - new-product-launch: a new innovative product (Kestrel Fold 12) launches at week W (default 26, the 27th week), sharing the
 *   new-product demand with the products on sale, with a log-normal launch-volume surprise of sd
 *   `forecastError` (default 0.9, the top of Fisher's 40–100 % range; the base products use 0.5).
 * - demand-shift: from week W a share of demand moves between product classes (default 30 % of mature
 *   demand moves to new products from W = 26, the 27th week) or between regions (dimension "region"), total volume unchanged:
 *   the flexibility chapter's test of whether capacity and stock can follow demand.
 */
import type { Localized, ScenarioKey, ScenarioSpec } from '../types';
import { EngineError, checkKnownKeys, checkNumber, checkObject, checkOneOf } from '../errors';
import { REGIONS } from '../company/regions';

export const SCENARIO_KEYS: readonly ScenarioKey[] = ['none', 'demand-shock', 'tariff-rise', 'new-product-launch', 'demand-shift'];

export type ProductClassOption = 'new' | 'mature' | 'all';
export const PRODUCT_CLASS_OPTIONS: readonly ProductClassOption[] = ['new', 'mature', 'all'];

/** The resolved parameters of each preset (units in the field comments). */
export type ResolvedScenario =
  | { key: 'none' }
  /** change: fraction (+0.4 = demand × 1.4), −0.9..2; week: start week 0..259; productClass; region: key or "all" */
  | { key: 'demand-shock'; week: number; change: number; productClass: ProductClassOption; region: string }
  /** points: duty rise in percentage points 0..100 (15 = +15 % of goods value); week; region: key */
  | { key: 'tariff-rise'; week: number; points: number; region: string }
  /** forecastError: log-scale sd of the launch-volume surprise, 0..2; lifeWeeks 13..104 */
  | { key: 'new-product-launch'; week: number; forecastError: number; lifeWeeks: number }
  /** share: fraction of the `from` demand that moves to `to`, 0..0.9 */
  | { key: 'demand-shift'; week: number; share: number; dimension: 'class' | 'region'; from: string; to: string };

export interface ScenarioPreset {
  key: ScenarioKey;
  name: Localized;
  /** what happens, for a reader: weeks 1-based (readerWeek of the default `week`) */
  description: Localized;
  /** default parameters (the same field names as ResolvedScenario; `week` 0-based) */
  defaults: Readonly<Record<string, number | string>>;
}

export const SCENARIOS: Readonly<Record<ScenarioKey, ScenarioPreset>> = Object.freeze({
  none: {
    key: 'none',
    name: { en: 'Business as usual', 'zh-cn': '常态经营' },
    description: { en: 'Demand, duties and products as planned.', 'zh-cn': '需求、关税和产品都按计划进行。' },
    defaults: {},
  },
  'demand-shock': {
    key: 'demand-shock',
    name: { en: 'Demand shock', 'zh-cn': '需求冲击' },
    description: {
      en: 'From week 21, demand for new products is 40 % above plan.',
      'zh-cn': '从第 21 周起，新产品需求比计划高出 40%。',
    },
    defaults: { week: 20, change: 0.4, productClass: 'new', region: 'all' },
  },
  'tariff-rise': {
    key: 'tariff-rise',
    name: { en: 'Tariff rise', 'zh-cn': '关税上调' },
    description: {
      en: 'From week 14, the import duty in North America rises by 15 percentage points.',
      'zh-cn': '从第 14 周起，北美的进口关税提高 15 个百分点。',
    },
    defaults: { week: 13, points: 15, region: 'north-america' },
  },
  'new-product-launch': {
    key: 'new-product-launch',
    name: { en: 'New product launch', 'zh-cn': '新品上市' },
    description: {
      en: 'In week 27 the Kestrel Fold 12 launches; nobody knows how well it will sell.',
      'zh-cn': '第 27 周隼科 Fold 12 上市，销量谁也说不准。',
    },
    defaults: { week: 26, forecastError: 0.9, lifeWeeks: 39 },
  },
  'demand-shift': {
    key: 'demand-shift',
    name: { en: 'Demand shift', 'zh-cn': '需求转移' },
    description: {
      en: 'From week 27, 30 % of the demand for mature accessories moves to new devices.',
      'zh-cn': '从第 27 周起，成熟配件 30% 的需求转向新设备。',
    },
    defaults: { week: 26, share: 0.3, dimension: 'class', from: 'mature', to: 'new' },
  },
} satisfies Record<ScenarioKey, ScenarioPreset>);

/** The product a new-product-launch scenario adds (a foldable laptop-tablet; price and cost in USD per unit,
 * class margin like the other new products, products.ts). */
export const LAUNCH_PRODUCT = Object.freeze({
  key: 'fold-12',
  name: { en: 'Kestrel Fold 12 foldable laptop', 'zh-cn': '隼科 Fold 12 折叠屏笔记本' },
  lifecycle: 'new' as const,
  price: 1200,
  unitCost: 750,
  demandCv: 0.8,
});

const REGION_KEYS = REGIONS.map((r) => r.key);
const CLASS_KEYS = ['new', 'mature'] as const;

/**
 * Validate a scenario (a preset key or { key, params }) and return its complete parameters.
 * Throws EngineError naming the field, the value and the allowed range. Undefined → none.
 * Region keys are those of company/regions.ts.
 */
export function resolveScenario(spec: unknown): ResolvedScenario {
  if (spec === undefined) return { key: 'none' };
  const o: Record<string, unknown> = typeof spec === 'string' ? { key: spec } : checkObject('scenario', spec);
  checkKnownKeys('scenario', o, ['key', 'params']);
  const key = checkOneOf('scenario.key', o.key, SCENARIO_KEYS);
  const preset = SCENARIOS[key];
  const given = checkObject('scenario.params', o.params);
  checkKnownKeys('scenario.params', given, Object.keys(preset.defaults));
  const v = { ...preset.defaults, ...given } as Record<string, unknown>;
  const week = () => checkNumber('scenario.params.week', v.week, 0, 259, { integer: true });
  switch (key) {
    case 'none':
      return { key };
    case 'demand-shock':
      return {
        key,
        week: week(),
        change: checkNumber('scenario.params.change', v.change, -0.9, 2),
        productClass: checkOneOf('scenario.params.productClass', v.productClass, PRODUCT_CLASS_OPTIONS),
        region: checkOneOf('scenario.params.region', v.region, ['all', ...REGION_KEYS]),
      };
    case 'tariff-rise':
      return {
        key,
        week: week(),
        points: checkNumber('scenario.params.points', v.points, 0, 100),
        region: checkOneOf('scenario.params.region', v.region, REGION_KEYS),
      };
    case 'new-product-launch':
      return {
        key,
        week: week(),
        forecastError: checkNumber('scenario.params.forecastError', v.forecastError, 0, 2),
        lifeWeeks: checkNumber('scenario.params.lifeWeeks', v.lifeWeeks, 13, 104, { integer: true }),
      };
    case 'demand-shift': {
      const dimension = checkOneOf('scenario.params.dimension', v.dimension, ['class', 'region'] as const);
      // a region shift without from/to given uses Europe → Southeast Asia (the class defaults do not apply)
      const regionDefaults = dimension === 'region' && given.from === undefined && given.to === undefined;
      const allowed: readonly string[] = dimension === 'class' ? CLASS_KEYS : REGION_KEYS;
      const from = checkOneOf('scenario.params.from', regionDefaults ? 'europe' : v.from, allowed);
      const to = checkOneOf('scenario.params.to', regionDefaults ? 'sea' : v.to, allowed);
      if (from === to) throw new EngineError('scenario.params.to', to, `a ${dimension} other than "${from}"`, 'equals from');
      return { key, week: week(), share: checkNumber('scenario.params.share', v.share, 0, 0.9), dimension, from, to };
    }
  }
}

/** The 1-based week a reader sees in charts and texts for the engine's 0-based week index t (t = 0 is week 1). */
export function readerWeek(t: number): number {
  return t + 1;
}

/** Start week of a scenario, 0-based (Infinity for none). */
export function scenarioStart(s: ResolvedScenario): number {
  return s.key === 'none' ? Infinity : s.week;
}

/** Scenarios that change demand: from their start week the plant's capacity binds (MODEL.md §7.2). */
export function changesDemand(s: ResolvedScenario): boolean {
  return s.key === 'demand-shock' || s.key === 'demand-shift' || s.key === 'new-product-launch';
}

/**
 * Multiplier of mean demand per week, region and class (index (t·nReg + r)·2 + class, class 0 = new),
 * or null when the scenario does not scale demand. `regionKeys` are the company's region keys;
 * `meanByRegionClass` is the planned mean weekly demand per region and class (list USD per week), used
 * to keep total volume unchanged in a shift: the receiving side grows by share × μ_from ÷ μ_to.
 */
export function demandMultipliers(s: ResolvedScenario, weeks: number, regionKeys: readonly string[], meanByRegionClass: Float64Array): Float64Array | null {
  if (s.key !== 'demand-shock' && s.key !== 'demand-shift') return null;
  const nReg = Math.max(1, regionKeys.length);
  const m = new Float64Array(weeks * nReg * 2).fill(1);
  const f = new Float64Array(nReg * 2).fill(1); // factor from the start week on
  if (s.key === 'demand-shock') {
    for (let r = 0; r < nReg; r++) {
      if (s.region !== 'all' && regionKeys[r] !== s.region) continue;
      if (s.productClass !== 'mature') f[r * 2] = 1 + s.change;
      if (s.productClass !== 'new') f[r * 2 + 1] = 1 + s.change;
    }
  } else if (s.dimension === 'class') {
    const a = s.from === 'new' ? 0 : 1;
    const b = 1 - a;
    let muA = 0;
    let muB = 0;
    for (let r = 0; r < nReg; r++) {
      muA += meanByRegionClass[r * 2 + a];
      muB += meanByRegionClass[r * 2 + b];
    }
    const up = muB > 0 ? 1 + (s.share * muA) / muB : 1;
    for (let r = 0; r < nReg; r++) {
      f[r * 2 + a] = 1 - s.share;
      f[r * 2 + b] = up;
    }
  } else {
    const ra = regionKeys.indexOf(s.from);
    const rb = regionKeys.indexOf(s.to);
    if (ra < 0 || rb < 0) throw new EngineError('scenario.params.from', s.from, `region keys of the company: ${regionKeys.join('|')}`);
    for (let c = 0; c < 2; c++) {
      const muA = meanByRegionClass[ra * 2 + c];
      const muB = meanByRegionClass[rb * 2 + c];
      f[ra * 2 + c] = 1 - s.share;
      f[rb * 2 + c] = muB > 0 ? 1 + (s.share * muA) / muB : 1;
    }
  }
  for (let t = s.week; t < weeks; t++) m.set(f, t * nReg * 2);
  return m;
}
