/**
 * The two plans the flexibility lab compares, and the scenario they face.
 *
 * Both plans use the same segmentation, the lifecycle lens of lesson 05 (thresholds 0.5/0.5: customers
 * buying mostly new products vs mostly mature ones), and the same base strategies, the plan "Match the
 * supply chain to the product" (simulations/plans/lifecycle.json, Fisher 1997): responsive chain at 97 %
 * for new-product buyers, efficient chain at 90 % for mature-product buyers.
 *
 * - RIGID: exactly that plan, no flexibility lever.
 * - FLEXIBLE: the same plan plus the learner's levers (MODEL.md §7.2):
 *   capacityBuffer and postponement on both segments; dualSourcing on the efficient (mature) segment only,
 *   because a fast second source is the complement of a cheap slow one (Allon & Van Mieghem 2010; the
 *   responsive chain already replenishes in a week, and a surge source on top of it is called almost every
 *   week: at seed 42 that costs about USD 27M a year); fast delivery = delivery 'priority' (express road in
 *   China, air abroad) for the new-product segment.
 * With every lever off the flexible plan is the rigid plan (same numbers; test/chapters/flexibility).
 */
import type { NormalisedPlan } from '@sim/strategy/plan';
import { validatePlan } from '@sim/strategy/plan';
import type { ScenarioSpec, SegmentStrategy } from '@sim/types';
import type { FlexState } from './state';

/** simulations/plans/lifecycle.json (a test keeps the two identical). */
export const LIFECYCLE_PLAN = {
  name: 'Match the supply chain to the product (Fisher 1997)',
  segmentation: { method: 'lifecycle', params: { newThreshold: 0.5, matureThreshold: 0.5 } },
  strategies: {
    '*': { supplyChain: 'efficient', serviceLevel: 0.95 },
    new: { supplyChain: 'responsive', serviceLevel: 0.97 },
    mature: { supplyChain: 'efficient', serviceLevel: 0.9 },
  },
} as const;

export type FlexLevers = Pick<FlexState, 'buffer' | 'postponement' | 'dualSourcing' | 'fastDelivery'>;

export function rigidPlan(): NormalisedPlan {
  return validatePlan({ ...LIFECYCLE_PLAN, name: 'Rigid: lifecycle plan' });
}

/** The lifecycle plan plus the flexibility levers (see the module comment for where each applies). */
export function flexiblePlan(levers: FlexLevers): NormalisedPlan {
  const base = LIFECYCLE_PLAN.strategies;
  const flex: Partial<SegmentStrategy> = {};
  if (levers.buffer > 0) flex.capacityBuffer = levers.buffer;
  if (levers.postponement) flex.postponement = true;
  const newer: Partial<SegmentStrategy> = { ...base.new, ...flex };
  if (levers.fastDelivery) newer.delivery = 'priority';
  const mature: Partial<SegmentStrategy> = { ...base.mature, ...flex };
  if (levers.dualSourcing) mature.dualSourcing = true;
  // '*' (the empty "mixed" segment at these thresholds) keeps the base strategy: a lever on '*' would be
  // inherited by every named segment (validatePlan merges named segments over '*').
  return validatePlan({
    name: 'Flexible: lifecycle plan with flexibility levers',
    segmentation: LIFECYCLE_PLAN.segmentation,
    strategies: { '*': { ...base['*'] }, new: newer, mature },
  });
}

/** The engine's 0-based start week of the scenario (the lab's week is the chart's 1-based week). */
export function engineWeek(state: Pick<FlexState, 'week'>): number {
  return state.week - 1;
}

/**
 * The engine scenario (MODEL.md §7.1) for the lab's choice:
 * - shift-class: demand-shift, `size` of mature-product demand moves to new products;
 * - shift-region: demand-shift by region, `size` of Europe's demand moves to Southeast Asia;
 * - shock: demand-shock, demand for new products rises by `size`;
 * - none: business as usual.
 */
export function scenarioSpec(state: Pick<FlexState, 'scenario' | 'week' | 'size'>): ScenarioSpec {
  const week = engineWeek(state);
  switch (state.scenario) {
    case 'shift-class':
      return { key: 'demand-shift', params: { week, share: state.size, dimension: 'class', from: 'mature', to: 'new' } };
    case 'shift-region':
      return { key: 'demand-shift', params: { week, share: state.size, dimension: 'region', from: 'europe', to: 'sea' } };
    case 'shock':
      return { key: 'demand-shock', params: { week, change: state.size, productClass: 'new', region: 'all' } };
    case 'none':
      return { key: 'none' };
  }
}

/**
 * Simulation parameters with the price of every flexibility lever set to zero (reserved-capacity fee,
 * postponement premium, surge-source premium: MODEL.md §7.2). These prices only enter cost, never a
 * decision, so a run with them is physically identical to the real run (same fill rate, revenue and
 * churn) and the cost difference is exactly what the levers cost.
 */
export const FREE_FLEXIBILITY_PARAMS: Readonly<Record<string, number>> = Object.freeze({
  capacityReserveRate: 0,
  postponementCostPremium: 0,
  surgeCostPremium: 0,
});
