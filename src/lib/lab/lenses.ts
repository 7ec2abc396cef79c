/**
 * The five method lenses of the segment lab. For each lens: its controls (ranges, defaults and which
 * ones the lesson lets the learner change), the SegmentationSpec built from the control values, a
 * suggested ("textbook") strategy per segment, the predict-then-reveal question whose answer is
 * computed from the run, and two guided tasks as pure predicates over the run.
 *
 * Segment keys come from simulations/segmentation/*.ts (needs: price|speed|service|quality|
 * customisation|balanced; value: A|B|C, champions|loyal|at-risk|promising|hibernating,
 * clv-high|clv-medium|clv-low; geography: domestic|international, region keys, facility keys,
 * distance bands; lifecycle: new|mixed|mature; behaviour: channel keys, frequent|occasional,
 * large-orders|small-orders, frequent-large|…, steady|volatile).
 */
import type { Localized, SegmentationSpec, SegmentStrategy } from '@sim/types';
import type { ControlDef, LabParams } from './controls';
import { list, num, str } from './controls';
import type { PredictDef, TaskDef } from './tasks';
import { PREDICTS, TASKS } from './tasks';

export const LENSES = ['needs', 'value', 'geography', 'lifecycle', 'behaviour'] as const;
export type LensId = (typeof LENSES)[number];

export interface LensConfig {
  id: LensId;
  controls: readonly ControlDef[];
  /** control ids the learner may change; the others stay at their default */
  editable: readonly string[];
  /** the engine's segmentation spec for these control values (values already valid) */
  spec(params: LabParams): SegmentationSpec;
  /** a sensible strategy for a segment key of this lens (partial: the rest is DEFAULT_STRATEGY) */
  suggested(key: string): Partial<SegmentStrategy>;
  predict: PredictDef;
  tasks: readonly TaskDef[];
}

const NEEDS_OPTIONS = ['price', 'speed', 'service', 'quality', 'customisation'] as const;

// ---------------------------------------------------------------- suggested strategies
// Fisher (1997): efficient chains for functional / price-led demand, responsive chains for
// innovative / speed-led demand; premium service and customisation only where the need is.
const LEAN: Partial<SegmentStrategy> = { supplyChain: 'efficient', serviceLevel: 0.9, fulfilment: 'central', delivery: 'standard', service: 'standard', product: 'standard' };
const FAST: Partial<SegmentStrategy> = { supplyChain: 'responsive', serviceLevel: 0.97, fulfilment: 'regional', delivery: 'priority' };
const CARE: Partial<SegmentStrategy> = { service: 'premium', supplyChain: 'responsive' };
const KEY_ACCOUNT: Partial<SegmentStrategy> = { serviceLevel: 0.98, fulfilment: 'regional', delivery: 'priority', service: 'premium' };
const NEAR_STOCK: Partial<SegmentStrategy> = { fulfilment: 'regional', serviceLevel: 0.97 };

const SUGGESTED: Record<LensId, Record<string, Partial<SegmentStrategy>>> = {
  needs: {
    price: { ...LEAN, discount: 0.03 },
    speed: FAST,
    service: CARE,
    quality: { serviceLevel: 0.98, service: 'premium' },
    customisation: { product: 'customised', supplyChain: 'responsive' },
  },
  value: {
    A: KEY_ACCOUNT,
    C: LEAN,
    champions: KEY_ACCOUNT,
    loyal: { serviceLevel: 0.97 },
    'at-risk': { service: 'premium', serviceLevel: 0.97 },
    hibernating: LEAN,
    'clv-high': KEY_ACCOUNT,
    'clv-low': LEAN,
  },
  geography: {
    international: NEAR_STOCK,
    north: NEAR_STOCK,
    south: NEAR_STOCK,
    west: NEAR_STOCK,
    sea: NEAR_STOCK,
    europe: NEAR_STOCK,
    'north-america': NEAR_STOCK,
    'wh-tianjin': NEAR_STOCK,
    'wh-dongguan': NEAR_STOCK,
    'wh-chengdu': NEAR_STOCK,
    'hub-singapore': NEAR_STOCK,
    'hub-rotterdam': NEAR_STOCK,
    'hub-los-angeles': NEAR_STOCK,
  },
  lifecycle: {
    new: { supplyChain: 'responsive', serviceLevel: 0.95, delivery: 'priority' },
    mature: { supplyChain: 'efficient', serviceLevel: 0.98 },
  },
  behaviour: {
    'frequent-large': { serviceLevel: 0.98, fulfilment: 'regional' },
    'frequent-small': { fulfilment: 'regional' },
    'occasional-small': LEAN,
    frequent: { serviceLevel: 0.98, fulfilment: 'regional' },
    occasional: LEAN,
    'large-orders': { serviceLevel: 0.98 },
    'small-orders': LEAN,
    steady: { serviceLevel: 0.98 },
    volatile: { supplyChain: 'responsive', serviceLevel: 0.95 },
    direct: { service: 'premium', serviceLevel: 0.97 },
    edi: { serviceLevel: 0.98 },
    portal: LEAN,
  },
};

/** Distance-band segment keys (geography 'distance') get regional stock beyond 2,000 km. */
function suggestedGeography(key: string): Partial<SegmentStrategy> {
  const fixed = SUGGESTED.geography[key];
  if (fixed) return fixed;
  const m = /^(?:over-(\d+)km|(\d+)-(\d+)km)$/.exec(key);
  if (m) {
    const lower = Number(m[1] ?? m[2]);
    if (lower >= 2000) return NEAR_STOCK;
  }
  return {};
}

export const LENS_CONFIGS: Record<LensId, LensConfig> = {
  needs: {
    id: 'needs',
    controls: [
      { kind: 'multi', id: 'needs', options: NEEDS_OPTIONS, default: ['price', 'speed', 'service'], min: 2, max: 5 },
      { kind: 'range', id: 'minScore', min: -0.5, max: 1.5, step: 0.05, default: 0.25, format: 'sd' },
    ],
    editable: ['needs', 'minScore'],
    spec: (p) => ({ method: 'needs', params: { priorities: list(p, 'needs', ['price', 'speed', 'service']), minScore: num(p, 'minScore', 0.25) } }),
    suggested: (key) => SUGGESTED.needs[key] ?? {},
    predict: PREDICTS.needs,
    tasks: TASKS.needs,
  },
  value: {
    id: 'value',
    controls: [
      { kind: 'select', id: 'scheme', options: ['abc', 'rfm', 'clv'], default: 'abc' },
      { kind: 'range', id: 'a', min: 0.5, max: 0.9, step: 0.01, default: 0.8, format: 'percent', when: (p) => p.scheme === 'abc' },
      { kind: 'range', id: 'b', min: 0.91, max: 0.99, step: 0.01, default: 0.95, format: 'percent', when: (p) => p.scheme === 'abc' },
      { kind: 'range', id: 'high', min: 0.05, max: 0.35, step: 0.01, default: 0.2, format: 'percent', when: (p) => p.scheme === 'clv' },
      { kind: 'range', id: 'medium', min: 0.4, max: 0.8, step: 0.01, default: 0.5, format: 'percent', when: (p) => p.scheme === 'clv' },
      { kind: 'range', id: 'd', min: 0, max: 0.3, step: 0.01, default: 0.1, format: 'percent', when: (p) => p.scheme === 'clv' },
    ],
    // the CLV discount rate stays at the 10 % of the lesson text
    editable: ['scheme', 'a', 'b', 'high', 'medium'],
    spec: (p) => ({
      method: 'value',
      params: {
        scheme: str(p, 'scheme', 'abc'),
        thresholds: [num(p, 'a', 0.8), num(p, 'b', 0.95)],
        clvShares: [num(p, 'high', 0.2), num(p, 'medium', 0.5)],
        discountRate: num(p, 'd', 0.1),
      },
    }),
    suggested: (key) => SUGGESTED.value[key] ?? {},
    predict: PREDICTS.value,
    tasks: TASKS.value,
  },
  geography: {
    id: 'geography',
    controls: [
      { kind: 'select', id: 'by', options: ['domestic', 'region', 'warehouse', 'distance'], default: 'domestic' },
      { kind: 'range', id: 'near', min: 100, max: 1000, step: 50, default: 500, format: 'km', when: (p) => p.by === 'distance' },
      { kind: 'range', id: 'mid', min: 1100, max: 5000, step: 100, default: 2000, format: 'km', when: (p) => p.by === 'distance' },
      { kind: 'range', id: 'far', min: 5500, max: 15000, step: 500, default: 8000, format: 'km', when: (p) => p.by === 'distance' },
    ],
    editable: ['by', 'near', 'mid', 'far'],
    spec: (p) => ({
      method: 'geography',
      params: { by: str(p, 'by', 'domestic'), distanceBands: [num(p, 'near', 500), num(p, 'mid', 2000), num(p, 'far', 8000)] },
    }),
    suggested: suggestedGeography,
    predict: PREDICTS.geography,
    tasks: TASKS.geography,
  },
  lifecycle: {
    id: 'lifecycle',
    controls: [
      { kind: 'range', id: 'new', min: 0.4, max: 0.95, step: 0.05, default: 0.6, format: 'percent' },
      { kind: 'range', id: 'mature', min: 0.05, max: 0.4, step: 0.05, default: 0.3, format: 'percent' },
    ],
    editable: ['new', 'mature'],
    spec: (p) => ({ method: 'lifecycle', params: { newThreshold: num(p, 'new', 0.6), matureThreshold: num(p, 'mature', 0.3) } }),
    suggested: (key) => SUGGESTED.lifecycle[key] ?? {},
    predict: PREDICTS.lifecycle,
    tasks: TASKS.lifecycle,
  },
  behaviour: {
    id: 'behaviour',
    controls: [
      { kind: 'select', id: 'by', options: ['frequency-size', 'channel', 'frequency', 'orderSize', 'variability'], default: 'frequency-size' },
      { kind: 'range', id: 'freq', min: 4, max: 104, step: 2, default: 24, format: 'orders', when: (p) => p.by === 'frequency' || p.by === 'frequency-size' },
      { kind: 'range', id: 'size', min: 1000, max: 100000, step: 1000, default: 10000, format: 'usd', when: (p) => p.by === 'orderSize' || p.by === 'frequency-size' },
      { kind: 'range', id: 'cv', min: 0.2, max: 1.5, step: 0.05, default: 0.5, format: 'number', when: (p) => p.by === 'variability' },
    ],
    editable: ['by', 'freq', 'size', 'cv'],
    spec: (p) => ({
      method: 'behaviour',
      params: { by: str(p, 'by', 'frequency-size'), frequencyThreshold: num(p, 'freq', 24), orderSizeThreshold: num(p, 'size', 10000), cvThreshold: num(p, 'cv', 0.5) },
    }),
    suggested: (key) => SUGGESTED.behaviour[key] ?? {},
    predict: PREDICTS.behaviour,
    tasks: TASKS.behaviour,
  },
};

export function getLens(id: LensId): LensConfig {
  return LENS_CONFIGS[id] ?? LENS_CONFIGS.needs;
}

/** Is a control shown for these params (its `when`, default true)? */
export function controlVisible(c: ControlDef, params: LabParams): boolean {
  return c.when ? c.when(params) : true;
}

export function localized(en: string, zh: string): Localized {
  return { en, 'zh-cn': zh };
}
