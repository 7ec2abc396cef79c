/**
 * The five method lenses of the segment lab. For each lens: its controls (ranges, defaults and which
 * ones the lesson lets the learner change), the SegmentationSpec built from the control values, a
 * textbook strategy per segment (from the lens's example plan in simulations/plans), the predict-then-reveal question whose answer is
 * computed from the run, and two guided tasks as pure predicates over the run.
 *
 * Segment keys come from simulations/segmentation/*.ts (needs: price|speed|service|quality|
 * customisation|balanced; value: A|B|C, champions|loyal|at-risk|promising|hibernating,
 * clv-high|clv-medium|clv-low; geography: domestic|international, region keys, facility keys,
 * distance bands; lifecycle: new|mixed|mature; behaviour: channel keys, frequent|occasional,
 * large-orders|small-orders, frequent-large|…, steady|volatile).
 */
import type { Localized, SegmentationSpec, SegmentStrategy } from '@sim/types';
import { validatePlan, type NormalisedPlan } from '@sim/strategy/plan';
import { FACILITIES, REGIONS } from '@sim/company/regions';
import needsPlan from '@sim/plans/needs.json';
import valuePlan from '@sim/plans/value.json';
import geographyPlan from '@sim/plans/geography.json';
import lifecyclePlan from '@sim/plans/lifecycle.json';
import behaviourPlan from '@sim/plans/behaviour.json';
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
  /**
   * The textbook strategy of a segment key of this lens: the complete strategy the lens's example plan
   * (simulations/plans/<lens>.json) gives that key, or its "*" strategy for a key it does not name.
   */
  suggested(key: string): SegmentStrategy;
  predict: PredictDef;
  tasks: readonly TaskDef[];
}

const NEEDS_OPTIONS = ['price', 'speed', 'service', 'quality', 'customisation'] as const;

// ---------------------------------------------------------------- textbook strategies
// The "Apply the textbook strategy" button applies the strategies of the lens's example plan in
// simulations/plans/<lens>.json, the single source: the same plans the lessons' worked examples, the
// CLI and MODEL.md §4.7 report. Needs, value, lifecycle and behaviour beat the one-size-fits-all
// baseline on profit at seed 42; geography does not: lesson 04 teaches that every hub or warehouse
// option loses year-one profit while raising satisfaction. Its plan is the only plan of the geography
// method that changes a lever (geography-split-only.json is the no-lever control run), so it is the
// least-bad sensible choice the plans offer; lab.strategy.note.geography says so next to the button.
// A segment key the plan does not name gets the plan's "*" strategy (validatePlan has already merged
// every named strategy over "*", and "*" over DEFAULT_STRATEGY).
export const TEXTBOOK_PLANS: Record<LensId, NormalisedPlan> = {
  needs: validatePlan(needsPlan),
  value: validatePlan(valuePlan),
  geography: validatePlan(geographyPlan),
  lifecycle: validatePlan(lifecyclePlan),
  behaviour: validatePlan(behaviourPlan),
};

function fromPlan(lens: LensId, key: string): SegmentStrategy {
  const s = TEXTBOOK_PLANS[lens].strategies;
  return { ...(key !== '*' && Object.prototype.hasOwnProperty.call(s, key) ? s[key] : s['*']) };
}

/**
 * Geography: the example plan names the 'domestic' / 'international' split. With the regions or the
 * warehouses split instead, a region (or the warehouse serving one region) takes the strategy of its
 * side of that split (REGIONS[].international), so the button means the same thing on every basis.
 * Distance bands mix domestic and overseas customers (customer distances scatter around their
 * region's), so they take the plan's "*" strategy.
 */
function geographySide(key: string): 'domestic' | 'international' | undefined {
  const facility = FACILITIES.find((f) => f.key === key);
  const region = REGIONS.find((r) => r.key === key) ?? (facility ? REGIONS[facility.region] : undefined);
  if (!region) return undefined;
  return region.international ? 'international' : 'domestic';
}

function textbookGeography(key: string): SegmentStrategy {
  return fromPlan('geography', geographySide(key) ?? key);
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
    suggested: (key) => fromPlan('needs', key),
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
    suggested: (key) => fromPlan('value', key),
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
    suggested: textbookGeography,
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
    suggested: (key) => fromPlan('lifecycle', key),
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
    suggested: (key) => fromPlan('behaviour', key),
    predict: PREDICTS.behaviour,
    tasks: TASKS.behaviour,
  },
};

export function getLens(id: LensId): LensConfig {
  return LENS_CONFIGS[id] ?? LENS_CONFIGS.needs;
}

/**
 * The controls a learner may change: the lens's own `editable` list, narrowed to what the lesson
 * declares (`<SegmentLab editable={[...]} />`) when it declares anything. A lesson can lock more
 * controls for a task, never unlock one the lens keeps fixed; unknown ids are ignored.
 */
export function editableControls(id: LensId, declared?: readonly string[]): readonly string[] {
  const all = getLens(id).editable;
  return declared ? all.filter((c) => declared.includes(c)) : all;
}

/** Is a control shown for these params (its `when`, default true)? */
export function controlVisible(c: ControlDef, params: LabParams): boolean {
  return c.when ? c.when(params) : true;
}

export function localized(en: string, zh: string): Localized {
  return { en, 'zh-cn': zh };
}
