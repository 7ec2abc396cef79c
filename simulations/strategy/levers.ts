/**
 * The strategy levers of one customer segment (issue 3 §3), their allowed values and the default.
 * The one-size-fits-all baseline applies DEFAULT_STRATEGY to every customer.
 *
 * - supplyChain: Fisher (1997) "What Is the Right Supply Chain for Your Product?" HBR 75(2):
 *   'efficient' = make-to-stock, large batches, slow cheap freight (physically efficient chain);
 *   'responsive' = small batches / make-to-order, fast freight (market-responsive chain).
 * - serviceLevel: target cycle service level (Type I), 0.5..0.999 (Silver, Pyke & Peterson 1998).
 * - fulfilment: ship from the central DC in Suzhou or from the regional warehouse of the customer's region.
 * - delivery: standard (road / ocean) or priority (express / air).
 * - service: standard, or premium (account manager + technical support).
 * - product: standard, or customised (configured to order).
 * - discount: price discount off list, fraction 0..0.3.
 */
import type { SegmentStrategy } from '../types';

export const SUPPLY_CHAINS = ['efficient', 'responsive'] as const;
export const FULFILMENTS = ['central', 'regional'] as const;
export const DELIVERIES = ['standard', 'priority'] as const;
export const SERVICES = ['standard', 'premium'] as const;
export const PRODUCT_OPTIONS = ['standard', 'customised'] as const;

export const SERVICE_LEVEL_MIN = 0.5;
export const SERVICE_LEVEL_MAX = 0.999;
export const DISCOUNT_MIN = 0;
export const DISCOUNT_MAX = 0.3;

/** Lever names in a fixed order (plans, CSV columns, UI). */
export const LEVERS = ['supplyChain', 'serviceLevel', 'fulfilment', 'delivery', 'service', 'product', 'discount'] as const satisfies readonly (keyof SegmentStrategy)[];

/**
 * Flexibility levers (MODEL.md §7.2), optional: a strategy without them behaves as before, and a
 * normalised plan carries them only where they were given (so LEVERS, CSV columns and the plan format
 * are unchanged).
 * - capacityBuffer: reserved capacity above the planned volume, fraction 0..0.5 (Fisher 1997: buffer
 *   capacity is a mark of the market-responsive chain; Jordan & Graves 1995 on flexibility).
 * - postponement: generic stock, late configuration (Zinn & Bowersox 1988; Lee, Billington & Carter 1993).
 * - dualSourcing: a fast, dear surge source beside the cheap base source (Allon & Van Mieghem 2010).
 */
export const FLEX_LEVERS = ['capacityBuffer', 'postponement', 'dualSourcing'] as const satisfies readonly (keyof SegmentStrategy)[];
export const CAPACITY_BUFFER_MIN = 0;
export const CAPACITY_BUFFER_MAX = 0.5;

/** The one-size-fits-all default: efficient, 95 % cycle service level, central DC, standard everything, list price. */
export const DEFAULT_STRATEGY: Readonly<SegmentStrategy> = Object.freeze({
  supplyChain: 'efficient',
  serviceLevel: 0.95,
  fulfilment: 'central',
  delivery: 'standard',
  service: 'standard',
  product: 'standard',
  discount: 0,
});
