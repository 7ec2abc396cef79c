/**
 * Runs the flexibility lab's comparison with the engine on the main thread: one company (seed, 2,000
 * customers by default), one lifecycle segmentation, the rigid and the flexible plan against the same
 * scenario with the same demand stream (common random numbers, MODEL.md §4.1). A 2,000-customer year
 * takes a few milliseconds in the browser, so a change costs two to four runs:
 *   rigid (cached per scenario), flexible, flexible with free levers (its cost difference is the price of
 *   flexibility, see FREE_FLEXIBILITY_PARAMS), and, for the task, the flexible plan with one step less
 *   buffer when the current plan meets the goal.
 */
import { generateCompany } from '@sim/company/generate';
import { segment } from '@sim/segmentation/index';
import { simulate } from '@sim/simulate/simulate';
import type { Company, Segmentation, SimulationResult } from '@sim/types';
import { FREE_FLEXIBILITY_PARAMS, engineWeek, flexiblePlan, rigidPlan, scenarioSpec, type FlexLevers } from './plans';
import { checkTask, fillRateFrom, meetsGoal, verdict, weeklyProfit, type TaskResult, type Verdict } from './compare';
import { BUFFER, normaliseFlexState, snap, type FlexState } from './state';

/** Headline figures of one plan's year (USD, fractions 0..1, satisfaction 0..100). */
export interface PlanFigures {
  revenue: number;
  /** total cost, including flexCost */
  cost: number;
  /** what the flexibility levers cost: reserved capacity + postponement + surge premium, USD */
  flexCost: number;
  /** freight cost, USD (fast delivery shows here) */
  transport: number;
  profit: number;
  /** margin lost to stockouts and churn, USD (beside cost, not in it) */
  lostMargin: number;
  fillRate: number;
  otif: number;
  satisfaction: number;
  churnRate: number;
  /** mean weekly fill rate from the scenario's start to the end of the year */
  fillAfter: number;
}

export interface FlexComparison {
  state: FlexState;
  weeks: number;
  rigid: PlanFigures;
  flexible: PlanFigures;
  weekly: {
    rigidProfit: Float64Array;
    flexibleProfit: Float64Array;
    rigidFill: Float64Array;
    flexibleFill: Float64Array;
  };
  verdict: Verdict;
  task: TaskResult;
  /** engine time of this comparison, ms */
  ms: number;
}

function figures(r: SimulationResult, flexCost: number, startIndex: number): PlanFigures {
  const t = r.totals;
  return {
    revenue: t.revenue,
    cost: t.cost.total,
    flexCost,
    transport: t.cost.transport,
    profit: t.profit,
    lostMargin: t.lostMargin,
    fillRate: t.fillRate,
    otif: t.otif,
    satisfaction: t.satisfaction,
    churnRate: t.churnRate,
    fillAfter: fillRateFrom(r.weekly.fillRate, startIndex),
  };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class FlexEngine {
  readonly company: Company;
  readonly segmentation: Segmentation;
  readonly seed: number;
  readonly weeks: number;
  private rigidCache = new Map<string, SimulationResult>();
  private flexCache = new Map<string, { run: SimulationResult; flexCost: number }>();

  constructor(seed = 42, customers = 2000, weeks = 52) {
    this.seed = seed;
    this.weeks = weeks;
    this.company = generateCompany(seed, { customers });
    this.segmentation = segment(this.company, rigidPlan().segmentation);
  }

  private sim(plan: ReturnType<typeof rigidPlan>, state: FlexState, params?: Record<string, number>): SimulationResult {
    return simulate(this.company, plan, {
      weeks: this.weeks,
      seed: this.seed,
      segmentation: this.segmentation,
      scenario: scenarioSpec(state),
      ...(params ? { params: { ...params } } : {}),
    });
  }

  /** The rigid plan's year under the state's scenario (cached per scenario). */
  rigid(state: FlexState): SimulationResult {
    const key = JSON.stringify(scenarioSpec(state));
    let r = this.rigidCache.get(key);
    if (!r) {
      r = this.sim(rigidPlan(), state);
      if (this.rigidCache.size >= 16) this.rigidCache.clear();
      this.rigidCache.set(key, r);
    }
    return r;
  }

  /** The flexible plan's year and the cost of its levers (cached per state). */
  flexible(state: FlexState, levers: FlexLevers = state): { run: SimulationResult; flexCost: number } {
    const key = JSON.stringify([scenarioSpec(state), levers.buffer, levers.postponement, levers.dualSourcing, levers.fastDelivery]);
    let hit = this.flexCache.get(key);
    if (!hit) {
      const plan = flexiblePlan(levers);
      const run = this.sim(plan, state);
      const priced = levers.buffer > 0 || levers.postponement || levers.dualSourcing;
      const flexCost = priced ? run.totals.cost.total - this.sim(plan, state, FREE_FLEXIBILITY_PARAMS).totals.cost.total : 0;
      hit = { run, flexCost };
      if (this.flexCache.size >= 32) this.flexCache.clear();
      this.flexCache.set(key, hit);
    }
    return hit;
  }

  compare(input: FlexState): FlexComparison {
    const t0 = now();
    const state = normaliseFlexState(input);
    const active = state.scenario !== 'none';
    const start = active ? engineWeek(state) : 0;
    const r = this.rigid(state);
    const f = this.flexible(state);
    const rigid = figures(r, 0, start);
    const flexible = figures(f.run, f.flexCost, start);
    const rigidProfit = weeklyProfit(r.weekly.revenue, r.weekly.cost);
    const flexibleProfit = weeklyProfit(f.run.weekly.revenue, f.run.weekly.cost);
    const current = { fillAfter: flexible.fillAfter, profitDiff: flexible.profit - rigid.profit };
    let lower = null;
    if (active && meetsGoal(current) && state.buffer > 0) {
      const l = this.flexible(state, { ...state, buffer: snap(BUFFER, state.buffer - BUFFER.step) }).run;
      lower = { fillAfter: fillRateFrom(l.weekly.fillRate, start), profitDiff: l.totals.profit - rigid.profit };
    }
    return {
      state,
      weeks: this.weeks,
      rigid,
      flexible,
      weekly: { rigidProfit, flexibleProfit, rigidFill: r.weekly.fillRate, flexibleFill: f.run.weekly.fillRate },
      verdict: verdict(rigid.profit, flexible.profit, rigidProfit, flexibleProfit),
      task: checkTask(active, current, lower),
      ms: now() - t0,
    };
  }
}
