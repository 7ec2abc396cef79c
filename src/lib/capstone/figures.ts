/**
 * Outcome figures of a simulation result for the capstone's cards (the OutcomeFigures shape of
 * src/lib/lab/run.ts). Kept here, with the cost keys, so that the capstone page does not bundle the
 * lab runner and the simulation loop: the capstone simulates in the worker only. A test checks that
 * CAPSTONE_COST_KEYS equals the engine's COST_KEYS (simulations/simulate/simulate.ts).
 */
import type { CostBreakdown, SimulationResult } from '@sim/types';
import type { OutcomeFigures } from '../lab/run';

export const CAPSTONE_COST_KEYS = ['production', 'setup', 'holding', 'transport', 'duties', 'service', 'orderHandling', 'obsolescence', 'complexity'] as const satisfies readonly (keyof CostBreakdown)[];
export type CapCostKey = (typeof CAPSTONE_COST_KEYS)[number];

const ratio = (a: number, b: number): number => (b > 0 && Number.isFinite(a) ? a / b : 0);

export function outcomeFigures(result: SimulationResult): OutcomeFigures {
  const t = result.totals;
  const n = result.customers.segment.length;
  const cost = {} as OutcomeFigures['cost'];
  for (const k of CAPSTONE_COST_KEYS) cost[k] = t.cost[k];
  return {
    totalCost: t.cost.total,
    costPerCustomer: ratio(t.cost.total, n),
    revenue: t.revenue,
    profit: t.profit,
    satisfaction: t.satisfaction,
    otif: t.otif,
    churnRate: t.churnRate,
    cost,
  };
}
