/**
 * Pure comparisons of a rigid and a flexible plan over a simulated year (chapter 09): weekly profit,
 * the week from which the flexible plan stays ahead on cumulative profit, the verdict, the fill rate
 * after the shift, the predict-then-reveal answer and the guided task.
 *
 * Units: money in USD (weekly arrays USD per week), fill rates as fractions 0..1, weeks 1-based
 * (the chart's axis) unless a name says `index`.
 */

/** Profit of each week: revenue − cost (USD per week). Lengths must match. */
export function weeklyProfit(revenue: ArrayLike<number>, cost: ArrayLike<number>): Float64Array {
  if (revenue.length !== cost.length) throw new Error(`weeklyProfit: revenue has ${revenue.length} weeks, cost ${cost.length}`);
  const out = new Float64Array(revenue.length);
  for (let i = 0; i < out.length; i++) out[i] = revenue[i] - cost[i];
  return out;
}

/** Running sum (cumulative profit up to and including each week). */
export function cumulative(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    s += values[i];
    out[i] = s;
  }
  return out;
}

/**
 * The 1-based week from which the flexible plan's cumulative profit is above the rigid plan's in
 * every week up to the end of the year, or null when it is not ahead at the end. 1 means it was ahead
 * all year. Before a shift a flexible plan usually trails (it pays for capacity it does not use yet);
 * this is the week its extra sales have paid that back for good.
 */
export function pullAheadWeek(rigidWeekly: ArrayLike<number>, flexibleWeekly: ArrayLike<number>): number | null {
  const n = Math.min(rigidWeekly.length, flexibleWeekly.length);
  if (n === 0) return null;
  const r = cumulative(rigidWeekly);
  const f = cumulative(flexibleWeekly);
  let week: number | null = null;
  for (let i = n - 1; i >= 0; i--) {
    if (f[i] > r[i]) week = i + 1;
    else break;
  }
  return week;
}

export type Winner = 'flexible' | 'rigid' | 'tie';

export interface Verdict {
  winner: Winner;
  /** flexible − rigid profit over the year, USD */
  diff: number;
  /** diff as a fraction of the rigid plan's profit (NaN-free: 0 when rigid profit is 0) */
  relative: number;
  /** week from which the flexible plan stays ahead (pullAheadWeek), null if it never does */
  aheadFrom: number | null;
}

/** Differences smaller than this fraction of the rigid profit count as a tie (0.1 %). */
export const TIE_FRACTION = 0.001;

export function verdict(rigidProfit: number, flexibleProfit: number, rigidWeekly: ArrayLike<number>, flexibleWeekly: ArrayLike<number>): Verdict {
  const diff = flexibleProfit - rigidProfit;
  const scale = Math.abs(rigidProfit);
  const relative = scale > 0 ? diff / scale : 0;
  const tie = Math.abs(diff) <= TIE_FRACTION * scale || diff === 0;
  const winner: Winner = tie ? 'tie' : diff > 0 ? 'flexible' : 'rigid';
  return { winner, diff, relative, aheadFrom: winner === 'flexible' ? pullAheadWeek(rigidWeekly, flexibleWeekly) : null };
}

/**
 * Mean weekly fill rate from the 0-based week index `startIndex` to the end of the year (an unweighted
 * mean of the weekly fractions of demanded units shipped from stock). NaN weeks are skipped; no week → NaN.
 */
export function fillRateFrom(weeklyFill: ArrayLike<number>, startIndex: number): number {
  let s = 0;
  let k = 0;
  for (let i = Math.max(0, Math.floor(startIndex)); i < weeklyFill.length; i++) {
    const v = weeklyFill[i];
    if (Number.isFinite(v)) {
      s += v;
      k++;
    }
  }
  return k > 0 ? s / k : Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Predict, then reveal: "does flexibility pay under this scenario?"
// ---------------------------------------------------------------------------------------------

export type Prediction = 'pays' | 'even' | 'loses';
export const PREDICTIONS: readonly Prediction[] = ['pays', 'even', 'loses'];
/** "Clearly" = by more than 1 % of the rigid plan's profit (about USD 0.55 million at seed 42). */
export const CLEAR_FRACTION = 0.01;

export function predictAnswer(rigidProfit: number, flexibleProfit: number): Prediction {
  const diff = flexibleProfit - rigidProfit;
  const band = CLEAR_FRACTION * Math.abs(rigidProfit);
  if (diff > band) return 'pays';
  if (diff < -band) return 'loses';
  return 'even';
}

// ---------------------------------------------------------------------------------------------
// Guided task: the smallest capacity buffer that keeps the fill rate after the shift at or above 95 %
// while the flexible plan still earns more than the rigid one.
// ---------------------------------------------------------------------------------------------

export const TASK_FILL_TARGET = 0.95;

export interface TaskOutcome {
  /** fill rate after the shift (fillRateFrom at the scenario's start) */
  fillAfter: number;
  /** flexible − rigid profit over the year, USD */
  profitDiff: number;
}

export type TaskReason =
  | 'noScenario' // business as usual: there is no shift to absorb
  | 'fillLow' // fill rate after the shift below target
  | 'profitLow' // target met, but the flexible plan does not beat the rigid one
  | 'bothLow' // neither
  | 'notSmallest' // met, but one step less buffer also meets it
  | 'met'; // met, and one step less does not (or the buffer is already 0)

export interface TaskResult {
  met: boolean;
  reason: TaskReason;
}

/** Do the two conditions of the task hold for an outcome? */
export function meetsGoal(o: TaskOutcome): boolean {
  return o.fillAfter >= TASK_FILL_TARGET && o.profitDiff > 0;
}

/**
 * Check the task. `current` is the learner's flexible plan; `lower` the same plan with one step
 * (5 points) less buffer, or null when the buffer is already 0 (then nothing smaller exists).
 */
export function checkTask(scenarioActive: boolean, current: TaskOutcome, lower: TaskOutcome | null): TaskResult {
  if (!scenarioActive) return { met: false, reason: 'noScenario' };
  const fillOk = current.fillAfter >= TASK_FILL_TARGET;
  const profitOk = current.profitDiff > 0;
  if (!fillOk && !profitOk) return { met: false, reason: 'bothLow' };
  if (!fillOk) return { met: false, reason: 'fillLow' };
  if (!profitOk) return { met: false, reason: 'profitLow' };
  if (lower !== null && meetsGoal(lower)) return { met: false, reason: 'notSmallest' };
  return { met: true, reason: 'met' };
}
