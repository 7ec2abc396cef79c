/**
 * Outcome figures of a simulation result for the capstone's cards, and the cost keys of their
 * breakdown: the method labs' own (src/lib/lab/run-views.ts imports no engine, so the capstone page
 * still simulates in its worker only).
 */
export { outcomeFigures } from '../lab/run-views';
export { COST_KEYS as CAPSTONE_COST_KEYS, type CostKey as CapCostKey } from '@sim/simulate/cost-keys';
