/**
 * Plans: a segmentation spec plus one strategy per segment key ("*" = any segment not listed).
 * validatePlan() checks every field and returns a normalised copy (every strategy complete);
 * resolveStrategies() maps a plan onto a concrete segmentation (one strategy per segment index).
 * Format documented in MODEL.md §5.
 */
import type { Plan, Segmentation, SegmentStrategy } from '../types';
import { SEGMENTATION_METHODS } from '../segmentation/index';
import { EngineError, checkKnownKeys, checkNumber, checkObject, checkOneOf } from '../errors';
import {
  DEFAULT_STRATEGY,
  DELIVERIES,
  DISCOUNT_MAX,
  DISCOUNT_MIN,
  CAPACITY_BUFFER_MAX,
  CAPACITY_BUFFER_MIN,
  FLEX_LEVERS,
  FULFILMENTS,
  LEVERS,
  PRODUCT_OPTIONS,
  SERVICES,
  SERVICE_LEVEL_MAX,
  SERVICE_LEVEL_MIN,
  SUPPLY_CHAINS,
} from './levers';


/** A plan after validation: every strategy has all seven levers (and any flexibility lever given). */
export interface NormalisedPlan extends Plan {
  name: string;
  strategies: Record<string, SegmentStrategy>;
}

/** The one-size-fits-all baseline: no segmentation, DEFAULT_STRATEGY for everyone. */
export function baselinePlan(): NormalisedPlan {
  return { name: 'One size fits all', segmentation: { method: 'none' }, strategies: { '*': { ...DEFAULT_STRATEGY } } };
}

/** Validate one (partial) strategy and merge it over `base`. */
export function validateStrategy(field: string, value: unknown, base: SegmentStrategy = DEFAULT_STRATEGY): SegmentStrategy {
  const o = checkObject(field, value);
  checkKnownKeys(field, o, [...LEVERS, ...FLEX_LEVERS]);
  const s: SegmentStrategy = { ...base };
  if (o.supplyChain !== undefined) s.supplyChain = checkOneOf(`${field}.supplyChain`, o.supplyChain, SUPPLY_CHAINS);
  if (o.serviceLevel !== undefined) s.serviceLevel = checkNumber(`${field}.serviceLevel`, o.serviceLevel, SERVICE_LEVEL_MIN, SERVICE_LEVEL_MAX);
  if (o.fulfilment !== undefined) s.fulfilment = checkOneOf(`${field}.fulfilment`, o.fulfilment, FULFILMENTS);
  if (o.delivery !== undefined) s.delivery = checkOneOf(`${field}.delivery`, o.delivery, DELIVERIES);
  if (o.service !== undefined) s.service = checkOneOf(`${field}.service`, o.service, SERVICES);
  if (o.product !== undefined) s.product = checkOneOf(`${field}.product`, o.product, PRODUCT_OPTIONS);
  if (o.discount !== undefined) s.discount = checkNumber(`${field}.discount`, o.discount, DISCOUNT_MIN, DISCOUNT_MAX);
  // flexibility levers (MODEL.md §7.2): copied only when given, so plans without them normalise as before
  if (o.capacityBuffer !== undefined) s.capacityBuffer = checkNumber(`${field}.capacityBuffer`, o.capacityBuffer, CAPACITY_BUFFER_MIN, CAPACITY_BUFFER_MAX);
  if (o.postponement !== undefined) s.postponement = checkBoolean(`${field}.postponement`, o.postponement);
  if (o.dualSourcing !== undefined) s.dualSourcing = checkBoolean(`${field}.dualSourcing`, o.dualSourcing);
  return s;
}

function checkBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new EngineError(field, value, 'true|false');
  return value;
}

/**
 * Check a plan (typically parsed JSON) and return a normalised deep copy: `name` filled,
 * `segmentation.params` copied, and every strategy complete ("*" merged over DEFAULT_STRATEGY,
 * each named segment merged over "*"). Throws EngineError naming the field, value and allowed range.
 * The input is never mutated.
 */
export function validatePlan(plan: unknown): NormalisedPlan {
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) throw new EngineError('plan', plan, 'an object with segmentation and strategies', 'is not an object');
  const p = plan as Record<string, unknown>;
  checkKnownKeys('plan', p, ['name', 'description', 'segmentation', 'strategies']);
  let name = 'Unnamed plan';
  if (p.name !== undefined) {
    if (typeof p.name !== 'string' || p.name.length > 200) throw new EngineError('plan.name', p.name, 'a string of at most 200 characters');
    name = p.name;
  }
  if (p.segmentation === undefined) throw new EngineError('plan.segmentation', undefined, 'an object { method, params? }', 'is missing');
  const seg = checkObject('plan.segmentation', p.segmentation);
  checkKnownKeys('plan.segmentation', seg, ['method', 'params']);
  const method = checkOneOf('plan.segmentation.method', seg.method, SEGMENTATION_METHODS);
  const params = seg.params === undefined ? undefined : structuredClone(checkObject('plan.segmentation.params', seg.params));

  if (p.strategies === undefined) throw new EngineError('plan.strategies', undefined, 'an object of segment key → strategy', 'is missing');
  const raw = checkObject('plan.strategies', p.strategies);
  const star = raw['*'] === undefined ? { ...DEFAULT_STRATEGY } : validateStrategy('plan.strategies.*', raw['*']);
  const strategies: Record<string, SegmentStrategy> = { '*': star };
  for (const key of Object.keys(raw)) {
    if (key === '*') continue;
    if (key.length === 0 || key.length > 100) throw new EngineError('plan.strategies', key, 'segment keys of 1..100 characters');
    strategies[key] = validateStrategy(`plan.strategies.${key}`, raw[key], star);
  }
  const out: NormalisedPlan = { name, segmentation: params === undefined ? { method } : { method, params }, strategies };
  if (typeof p.description === 'string') (out as NormalisedPlan & { description?: string }).description = p.description;
  return out;
}

/**
 * One complete strategy per segment index of `segmentation`. Strategy keys that are not segment
 * keys of this segmentation (other than "*") are an error naming them, which catches plans written
 * for another segmentation or with a typo.
 */
export function resolveStrategies(plan: unknown, segmentation: Segmentation): SegmentStrategy[] {
  const p = validatePlan(plan);
  const known = new Set(segmentation.segments.map((s) => s.key));
  const unknown = Object.keys(p.strategies).filter((k) => k !== '*' && !known.has(k));
  if (unknown.length > 0) {
    throw new EngineError('plan.strategies', unknown.join(','), `segment keys of method "${segmentation.method}": ${[...known].join('|')} or *`, 'names unknown segments');
  }
  return segmentation.segments.map((s) => ({ ...(p.strategies[s.key] ?? p.strategies['*']) }));
}
