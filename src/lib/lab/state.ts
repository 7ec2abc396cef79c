/**
 * The complete state of one segment lab: lens, seed, the lens's control values and the strategy of
 * every segment the learner has changed. Everything here is serialisable (share links) and every
 * value is kept valid: `normaliseState` clamps anything to the nearest valid value, so no control,
 * link or stale value can put the engine into an invalid state.
 */
import type { SegmentStrategy } from '@sim/types';
import {
  DEFAULT_STRATEGY,
  DELIVERIES,
  FULFILMENTS,
  PRODUCT_OPTIONS,
  SERVICES,
  SUPPLY_CHAINS,
} from '@sim/strategy/levers';
import { coerceValue, defaultValue, snapRange, type LabParams, type RangeControl } from './controls';
import { LENSES, editableControls, getLens, type LensId } from './lenses';

export { LENSES, type LensId };

export const SEED_MIN = 0;
export const SEED_MAX = 999_999;
export const DEFAULT_SEED = 42;

/** Lever ranges the lab offers (a subset of the engine's 0.5..0.999 and 0..0.3, on a step grid). */
export const SERVICE_LEVEL_CONTROL: RangeControl = { kind: 'range', id: 'serviceLevel', min: 0.5, max: 0.99, step: 0.01, default: DEFAULT_STRATEGY.serviceLevel, format: 'percent' };
export const DISCOUNT_CONTROL: RangeControl = { kind: 'range', id: 'discount', min: 0, max: 0.3, step: 0.01, default: DEFAULT_STRATEGY.discount, format: 'percent' };

/** The choice levers and their options, in display order. */
export const CHOICE_LEVERS = {
  supplyChain: SUPPLY_CHAINS,
  fulfilment: FULFILMENTS,
  delivery: DELIVERIES,
  service: SERVICES,
  product: PRODUCT_OPTIONS,
} as const;
export type ChoiceLever = keyof typeof CHOICE_LEVERS;
export const CHOICE_LEVER_IDS = Object.keys(CHOICE_LEVERS) as ChoiceLever[];

export interface LabState {
  lens: LensId;
  seed: number;
  /** control values of the lens (ids from the lens's controls) */
  params: LabParams;
  /** strategies the learner set, by segment key; segments not listed use DEFAULT_STRATEGY */
  strategies: Record<string, SegmentStrategy>;
  /** controls the lesson lets the learner change (narrows the lens's list); absent = the lens's list */
  editable?: readonly string[];
}

export function isLens(value: unknown): value is LensId {
  return typeof value === 'string' && (LENSES as readonly string[]).includes(value);
}

export function defaultParams(lens: LensId): LabParams {
  const out: LabParams = {};
  for (const c of getLens(lens).controls) out[c.id] = defaultValue(c);
  return out;
}

export function clampSeed(value: unknown, fallback = DEFAULT_SEED): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(SEED_MAX, Math.max(SEED_MIN, Math.round(value)));
}

export function defaultState(lens: LensId, seed: number = DEFAULT_SEED, editable?: readonly string[]): LabState {
  const state: LabState = { lens, seed: clampSeed(seed), params: defaultParams(lens), strategies: {} };
  if (editable) state.editable = editable;
  return state;
}

/** A complete, valid strategy from any partial input: unknown values fall back to DEFAULT_STRATEGY. */
export function clampStrategy(s: Partial<Record<keyof SegmentStrategy, unknown>> | undefined): SegmentStrategy {
  const src = s ?? {};
  const pick = <T extends string>(v: unknown, options: readonly T[], d: T): T => (typeof v === 'string' && (options as readonly string[]).includes(v) ? (v as T) : d);
  return {
    supplyChain: pick(src.supplyChain, SUPPLY_CHAINS, DEFAULT_STRATEGY.supplyChain),
    serviceLevel: typeof src.serviceLevel === 'number' ? snapRange(SERVICE_LEVEL_CONTROL, src.serviceLevel) : DEFAULT_STRATEGY.serviceLevel,
    fulfilment: pick(src.fulfilment, FULFILMENTS, DEFAULT_STRATEGY.fulfilment),
    delivery: pick(src.delivery, DELIVERIES, DEFAULT_STRATEGY.delivery),
    service: pick(src.service, SERVICES, DEFAULT_STRATEGY.service),
    product: pick(src.product, PRODUCT_OPTIONS, DEFAULT_STRATEGY.product),
    discount: typeof src.discount === 'number' ? snapRange(DISCOUNT_CONTROL, src.discount) : DEFAULT_STRATEGY.discount,
  };
}

export function sameStrategy(a: SegmentStrategy, b: SegmentStrategy): boolean {
  return (
    a.supplyChain === b.supplyChain &&
    a.serviceLevel === b.serviceLevel &&
    a.fulfilment === b.fulfilment &&
    a.delivery === b.delivery &&
    a.service === b.service &&
    a.product === b.product &&
    a.discount === b.discount
  );
}

/** The strategy a segment runs with. */
export function strategyFor(state: LabState, key: string): SegmentStrategy {
  return state.strategies[key] ?? { ...DEFAULT_STRATEGY };
}

/**
 * The nearest valid state: every control value coerced, locked (non-editable) controls at their
 * default, seed clamped, strategies completed and clamped (strategies equal to the default dropped).
 */
export function normaliseState(state: LabState): LabState {
  const lens = getLens(state.lens);
  const editable = editableControls(state.lens, state.editable);
  const params: LabParams = {};
  for (const c of lens.controls) {
    params[c.id] = editable.includes(c.id) ? coerceValue(c, state.params[c.id]) : defaultValue(c);
  }
  const strategies: Record<string, SegmentStrategy> = {};
  for (const [key, s] of Object.entries(state.strategies)) {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(key)) continue;
    const st = clampStrategy(s);
    if (!sameStrategy(st, DEFAULT_STRATEGY)) strategies[key] = st;
  }
  const out: LabState = { lens: lens.id, seed: clampSeed(state.seed), params, strategies };
  if (state.editable) out.editable = state.editable;
  return out;
}
