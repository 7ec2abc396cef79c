/**
 * The capstone debrief as data: which choices drove a simulated year's result, compared with the
 * one-size-fits-all baseline on the same customers under the same scenario. Returns structured items
 * (an id plus numbers); src/components/capstone/strings.ts turns each into a translated sentence.
 * Pure TypeScript: no DOM, no formatting.
 *
 * Units: money in USD over the simulated horizon (weekly figures in USD per week), satisfaction in
 * points 0..100, rates and shares as fractions 0..1, weeks counted from 1 (week 1 = engine week 0).
 */
import { CAPSTONE_COST_KEYS as COST_KEYS, type CapCostKey as CostKey } from './figures';
import { SCENARIOS } from '@sim/simulate/scenarios';
import { DEFAULT_STRATEGY } from '@sim/strategy/levers';
import type { Localized, ScenarioKey, SegmentStrategy, SimulationResult } from '@sim/types';

/** Levers compared with the one-size-fits-all default when a segment's choices are listed. */
export const DEBRIEF_LEVERS = ['supplyChain', 'serviceLevel', 'fulfilment', 'delivery', 'service', 'product', 'discount'] as const;
export type DebriefLever = (typeof DEBRIEF_LEVERS)[number];

export type Verdict = 'better' | 'worse' | 'mixed' | 'same';

export interface OverallItem {
  id: 'overall';
  verdict: Verdict;
  profit: number;
  baseProfit: number;
  /** profit − baseline profit, USD */
  profitDelta: number;
  satisfaction: number;
  /** satisfaction − baseline satisfaction, points */
  satisfactionDelta: number;
  /** total cost − baseline total cost, USD */
  costDelta: number;
  revenueDelta: number;
}

export interface SegmentItem {
  id: 'segment';
  key: string;
  name: Localized;
  customers: number;
  /** the levers this segment's strategy sets differently from the one-size-fits-all default */
  changed: { lever: DebriefLever; value: string | number }[];
  /** segment profit − the baseline's profit on the same customers, USD */
  profitDelta: number;
  /** segment mean satisfaction − the same customers' mean in the baseline, points */
  satisfactionDelta: number;
  /** churn rate − the same customers' churn rate in the baseline, fraction */
  churnDelta: number;
}

export interface CostItem {
  id: 'cost';
  key: CostKey;
  plan: number;
  base: number;
  /** plan − baseline, USD */
  delta: number;
}

export interface ChurnItem {
  id: 'churn';
  /** customers lost over the horizon */
  lost: number;
  baseLost: number;
  rate: number;
  baseRate: number;
}

export interface ScenarioItem {
  id: 'scenario';
  key: Exclude<ScenarioKey, 'none'>;
  /** the scenario's start week, the engine's 0-based index (shown to readers as readerWeek(week), the week the chart marks) */
  week: number;
  /** weeks compared before and after the start (up to WINDOW, fewer near the ends of the year) */
  window: number;
  /** mean weekly profit after the start ÷ before − 1, plan and baseline (0 when not computable) */
  profitChange: number;
  baseProfitChange: number;
  /** lowest weekly fill rate in the HIT_WEEKS weeks from the start (fraction), and in which of those weeks (1 = the start week) */
  minFill: number;
  minFillWeeksAfter: number;
  baseMinFill: number;
  /** lowest weekly satisfaction in the HIT_WEEKS weeks from the start (points) */
  minSatisfaction: number;
  baseMinSatisfaction: number;
}

export interface NoScenarioItem {
  id: 'noScenario';
}

export type DebriefItem = OverallItem | SegmentItem | CostItem | ChurnItem | ScenarioItem | NoScenarioItem;

export interface DebriefInput {
  result: SimulationResult;
  /** the one-size-fits-all run on the same customers under the same scenario */
  baseline: SimulationResult;
  scenario: ScenarioKey;
  /** the strategy each segment ran with, by key (missing = default) */
  strategies: Record<string, SegmentStrategy>;
}

/** Weeks compared before and after a scenario's start. */
export const WINDOW = 8;
/** The lowest fill rate and satisfaction are looked for in this many weeks from the start (a quarter). */
export const HIT_WEEKS = 13;
/** At most this many segments and cost drivers are discussed (largest effect first). */
export const MAX_SEGMENTS = 4;
export const MAX_COSTS = 3;

const finite = (x: number): number => (Number.isFinite(x) ? x : 0);

/** Weekly profit, USD per week: weekly revenue − weekly cost (the weekly cost sums to totals.cost.total). */
export function weeklyProfit(result: SimulationResult): Float64Array {
  const n = result.weekly.revenue.length;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = finite(result.weekly.revenue[t]) - finite(result.weekly.cost[t]);
  return out;
}

/** The baseline's figures on each plan segment's customers (grouped by the plan's segment labels). */
export function baselineSlices(result: SimulationResult, baseline: SimulationResult): { profit: number; satisfaction: number; churnRate: number; customers: number }[] {
  const k = result.segments.length;
  const labels = result.customers.segment;
  const b = baseline.customers;
  const profit = new Float64Array(k);
  const sat = new Float64Array(k);
  const churned = new Float64Array(k);
  const count = new Float64Array(k);
  const n = Math.min(labels.length, b.profit.length);
  for (let i = 0; i < n; i++) {
    const s = labels[i];
    if (s >= k) continue;
    profit[s] += b.profit[i];
    sat[s] += b.satisfaction[i];
    if (b.churnWeek[i] >= 0) churned[s]++;
    count[s]++;
  }
  return Array.from({ length: k }, (_, s) => ({
    profit: profit[s],
    satisfaction: count[s] > 0 ? sat[s] / count[s] : 0,
    churnRate: count[s] > 0 ? churned[s] / count[s] : 0,
    customers: count[s],
  }));
}

function changedLevers(s: SegmentStrategy | undefined): SegmentItem['changed'] {
  if (!s) return [];
  const out: SegmentItem['changed'] = [];
  for (const lever of DEBRIEF_LEVERS) {
    const v = s[lever];
    if (v !== undefined && v !== DEFAULT_STRATEGY[lever]) out.push({ lever, value: v });
  }
  return out;
}

function mean(values: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let t = Math.max(0, from); t < Math.min(values.length, to); t++) {
    sum += values[t];
    n++;
  }
  return n > 0 ? sum / n : 0;
}

function minFrom(values: ArrayLike<number> | undefined, from: number, to: number): { value: number; at: number } {
  let value = Infinity;
  let at = from;
  if (values) for (let t = from; t < Math.min(values.length, to); t++) if (values[t] < value) (value = values[t]), (at = t);
  return Number.isFinite(value) ? { value, at } : { value: 0, at: from };
}

function change(after: number, before: number): number {
  return before !== 0 && Number.isFinite(after / before) ? after / Math.abs(before) - Math.sign(before) : 0;
}

function lostCustomers(r: SimulationResult): number {
  let lost = 0;
  for (let i = 0; i < r.customers.churnWeek.length; i++) if (r.customers.churnWeek[i] >= 0) lost++;
  return lost;
}

/** The debrief of a run: overall verdict, segments, cost drivers, churn and the scenario's hit, in that order. */
export function debrief(input: DebriefInput): DebriefItem[] {
  const { result, baseline, scenario } = input;
  const t = result.totals;
  const b = baseline.totals;
  const items: DebriefItem[] = [];

  const profitDelta = finite(t.profit - b.profit);
  const satisfactionDelta = finite(t.satisfaction - b.satisfaction);
  // "same": within 0.1 % of the baseline profit and 0.05 points of satisfaction
  const profitSame = Math.abs(profitDelta) <= 0.001 * Math.abs(b.profit);
  const satSame = Math.abs(satisfactionDelta) < 0.05;
  let verdict: Verdict;
  if (profitSame && satSame) verdict = 'same';
  else if ((profitDelta > 0 || profitSame) && (satisfactionDelta > 0 || satSame)) verdict = 'better';
  else if ((profitDelta < 0 || profitSame) && (satisfactionDelta < 0 || satSame)) verdict = 'worse';
  else verdict = 'mixed';
  items.push({
    id: 'overall',
    verdict,
    profit: finite(t.profit),
    baseProfit: finite(b.profit),
    profitDelta,
    satisfaction: finite(t.satisfaction),
    satisfactionDelta,
    costDelta: finite(t.cost.total - b.cost.total),
    revenueDelta: finite(t.revenue - b.revenue),
  });

  const slices = baselineSlices(result, baseline);
  const segs: SegmentItem[] = result.segments
    .map((s, i) => ({
      id: 'segment' as const,
      key: s.key,
      name: s.name,
      customers: s.customers,
      changed: changedLevers(input.strategies[s.key]),
      profitDelta: finite(s.profit - slices[i].profit),
      satisfactionDelta: finite(s.satisfaction - slices[i].satisfaction),
      churnDelta: finite(s.churnRate - slices[i].churnRate),
    }))
    .filter((s) => s.customers > 0)
    .sort((x, y) => Math.abs(y.profitDelta) - Math.abs(x.profitDelta) || x.key.localeCompare(y.key));
  items.push(...segs.slice(0, MAX_SEGMENTS));

  const costs: CostItem[] = COST_KEYS.map((key) => ({ id: 'cost' as const, key, plan: finite(t.cost[key]), base: finite(b.cost[key]), delta: finite(t.cost[key] - b.cost[key]) }))
    .filter((c) => Math.abs(c.delta) >= 1)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
  items.push(...costs.slice(0, MAX_COSTS));

  items.push({ id: 'churn', lost: lostCustomers(result), baseLost: lostCustomers(baseline), rate: finite(t.churnRate), baseRate: finite(b.churnRate) });

  if (scenario === 'none') {
    items.push({ id: 'noScenario' });
  } else {
    const weeks = result.weekly.revenue.length;
    const rawWeek = SCENARIOS[scenario]?.defaults.week;
    const week = typeof rawWeek === 'number' ? rawWeek : 0;
    if (week > 0 && week < weeks) {
      const window = Math.min(WINDOW, week, weeks - week);
      const p = weeklyProfit(result);
      const q = weeklyProfit(baseline);
      const to = week + HIT_WEEKS;
      const fill = minFrom(result.weekly.fillRate, week, to);
      items.push({
        id: 'scenario',
        key: scenario,
        week,
        window,
        profitChange: change(mean(p, week, week + window), mean(p, week - window, week)),
        baseProfitChange: change(mean(q, week, week + window), mean(q, week - window, week)),
        minFill: finite(fill.value),
        minFillWeeksAfter: fill.at - week + 1,
        baseMinFill: finite(minFrom(baseline.weekly.fillRate, week, to).value),
        minSatisfaction: finite(minFrom(result.weekly.satisfaction, week, to).value),
        baseMinSatisfaction: finite(minFrom(baseline.weekly.satisfaction, week, to).value),
      });
    }
  }
  return items;
}
