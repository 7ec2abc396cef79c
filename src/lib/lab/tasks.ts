/**
 * Predict-then-reveal questions and guided tasks of the five lenses, as pure data + pure
 * predicates over a LabRun (run.ts). Targets are relative to the one-size-fits-all baseline of the
 * same seed (the same customers under DEFAULT_STRATEGY), so a task means the same for every seed.
 * The figures behind each target were measured at seed 42, 2,000 customers (see test/lab/tasks.test.ts,
 * which checks on real engine runs that each task starts unmet, can be met, and can fail).
 */
import type { LabRun, SegmentView } from './run';
import type { Localized } from '@sim/types';

export type Metric = 'satisfaction' | 'churnRate' | 'otif' | 'profit' | 'cost' | 'costShare' | 'orderCostShare';

/** A number the view formats: pts = satisfaction points, pct = fraction as percent, usd = money. */
export interface TaskVar {
  v: number;
  f: 'pts' | 'pct' | 'usd' | 'signedPct';
}

export interface TaskCheck {
  met: boolean;
  /** lab.task.reason.* key */
  reason: string;
  vars: Record<string, TaskVar>;
  /** segment the reason talks about, if any */
  segment?: Localized;
  /** metric the reason talks about (lab.metric.* key suffix) */
  metric?: Metric;
}

export interface TaskGoal {
  /** segment key the goal is about; absent = company totals */
  segment?: string;
  metric: 'satisfaction' | 'churnRate' | 'otif';
  op: '>=' | '<=';
  /** target value from the run (baseline-relative), in the metric's unit */
  target(run: LabRun, seg: SegmentView | undefined): number;
}

/**
 * What a task must not spend. Cost: total cost at most baseline × (1 + maxIncrease). Profit: profit at
 * least baseline profit − maxDrop × baseline revenue (a share of revenue rather than of profit, because
 * profit is a small difference of large numbers and a percentage of it would swing with calibration).
 */
export type TaskGuard = { metric: 'cost'; maxIncrease: number } | { metric: 'profit'; maxDrop: number };

export interface TaskDef {
  /** e.g. "needs-1"; texts under lab.task.<id>.title / .goal / .hint */
  id: string;
  goal: TaskGoal;
  guard: TaskGuard;
}

export type PredictDef =
  | { id: string; kind: 'segment'; metric: Metric; pick: 'max' | 'min' }
  | { id: string; kind: 'top20'; choices: readonly number[] };

const VAR_FORMAT: Record<Metric, TaskVar['f']> = {
  satisfaction: 'pts',
  churnRate: 'pct',
  otif: 'pct',
  profit: 'usd',
  cost: 'usd',
  costShare: 'pct',
  orderCostShare: 'pct',
};

export function segmentMetric(seg: SegmentView, metric: Metric): number {
  switch (metric) {
    case 'satisfaction':
      return seg.result.satisfaction;
    case 'churnRate':
      return seg.result.churnRate;
    case 'otif':
      return seg.result.otif;
    case 'profit':
      return seg.profitPerCustomer;
    case 'cost':
      return seg.costPerCustomer;
    case 'costShare':
      return seg.costShare;
    case 'orderCostShare':
      return seg.orderCostShare;
  }
}

function totalMetric(run: LabRun, metric: 'satisfaction' | 'churnRate' | 'otif'): number {
  return run.result.totals[metric];
}

const holds = (op: '>=' | '<=', value: number, target: number): boolean => (op === '>=' ? value >= target - 1e-9 : value <= target + 1e-9);

/** Check one guided task on a run: is the goal reached and the guard respected? Says why. */
export function checkTask(task: TaskDef, run: LabRun): TaskCheck {
  const g = task.goal;
  let seg: SegmentView | undefined;
  if (g.segment !== undefined) {
    seg = run.segments.find((s) => s.key === g.segment && s.customers > 0);
    if (!seg) return { met: false, reason: 'lab.task.reason.missingSegment', vars: {}, metric: g.metric };
  }
  const current = seg ? segmentMetric(seg, g.metric) : totalMetric(run, g.metric);
  const target = g.target(run, seg);
  const f = VAR_FORMAT[g.metric];
  const base = run.baseline.totals;
  const guard = task.guard;
  const baseTotal = guard.metric === 'cost' ? base.cost.total : base.profit;
  const guardValue = guard.metric === 'cost' ? run.result.totals.cost.total : run.result.totals.profit;
  const limit = guard.metric === 'cost' ? base.cost.total * (1 + guard.maxIncrease) : base.profit - guard.maxDrop * base.revenue;
  const change = baseTotal !== 0 ? guardValue / Math.abs(baseTotal) - Math.sign(baseTotal) : 0;
  const vars: Record<string, TaskVar> = {
    current: { v: current, f },
    target: { v: target, f },
    guardValue: { v: guardValue, f: 'usd' },
    limit: { v: limit, f: 'usd' },
    change: { v: change, f: 'signedPct' },
    allowed: { v: guard.metric === 'cost' ? guard.maxIncrease : -guard.maxDrop, f: 'signedPct' },
  };
  const common = { vars, segment: seg?.name, metric: g.metric };
  if (!holds(g.op, current, target)) return { met: false, reason: g.op === '>=' ? 'lab.task.reason.below' : 'lab.task.reason.above', ...common };
  if (!holds(guard.metric === 'cost' ? '<=' : '>=', guardValue, limit)) return { met: false, reason: guard.metric === 'cost' ? 'lab.task.reason.costTooHigh' : 'lab.task.reason.profitTooLow', ...common };
  return { met: true, reason: guard.metric === 'cost' ? 'lab.task.reason.metCost' : 'lab.task.reason.metProfit', ...common };
}

// ---------------------------------------------------------------- the tasks of each lens

const segBasePlus = (points: number) => (_run: LabRun, seg: SegmentView | undefined) => (seg ? seg.base.satisfaction + points : Infinity);
const segChurnTimes = (factor: number) => (_run: LabRun, seg: SegmentView | undefined) => (seg ? seg.base.churnRate * factor : -Infinity);
const totalSatPlus = (points: number) => (run: LabRun) => run.baseline.totals.satisfaction + points;

export const TASKS: Record<'needs' | 'value' | 'geography' | 'lifecycle' | 'behaviour', readonly TaskDef[]> = {
  needs: [
    // Speed-first customers: priority delivery lifts them ~7 points for ~2 % more cost.
    { id: 'needs-1', goal: { segment: 'speed', metric: 'satisfaction', op: '>=', target: segBasePlus(6) }, guard: { metric: 'cost', maxIncrease: 0.03 } },
    // Whole company: +2 points of satisfaction while profit falls by at most 1.5 % of revenue.
    { id: 'needs-2', goal: { metric: 'satisfaction', op: '>=', target: totalSatPlus(2) }, guard: { metric: 'profit', maxDrop: 0.015 } },
  ],
  value: [
    // Key accounts (class A): lose at least a quarter fewer of them, total cost within +8 %.
    { id: 'value-1', goal: { segment: 'A', metric: 'churnRate', op: '<=', target: segChurnTimes(0.75) }, guard: { metric: 'cost', maxIncrease: 0.08 } },
    // +2 points of satisfaction overall, profit down by at most 1.5 % of revenue (the many C customers).
    { id: 'value-2', goal: { metric: 'satisfaction', op: '>=', target: totalSatPlus(2) }, guard: { metric: 'profit', maxDrop: 0.015 } },
  ],
  geography: [
    // International customers: OTIF of 85 % or more, total cost within +7 %.
    { id: 'geography-1', goal: { segment: 'international', metric: 'otif', op: '>=', target: () => 0.85 }, guard: { metric: 'cost', maxIncrease: 0.07 } },
    // International churn no higher than domestic churn at baseline; profit down by at most 2 % of revenue.
    {
      id: 'geography-2',
      goal: {
        segment: 'international',
        metric: 'churnRate',
        op: '<=',
        target: (run) => run.segments.find((s) => s.key === 'domestic')?.base.churnRate ?? 0,
      },
      guard: { metric: 'profit', maxDrop: 0.02 },
    },
  ],
  lifecycle: [
    // Fisher's match: new-product buyers reach 60 % OTIF while profit falls by at most 1 % of revenue.
    { id: 'lifecycle-1', goal: { segment: 'new', metric: 'otif', op: '>=', target: () => 0.6 }, guard: { metric: 'profit', maxDrop: 0.01 } },
    // A matched portfolio nearly pays for itself: satisfaction +2 points, profit down at most 1 % of revenue.
    { id: 'lifecycle-2', goal: { metric: 'satisfaction', op: '>=', target: totalSatPlus(2) }, guard: { metric: 'profit', maxDrop: 0.01 } },
  ],
  behaviour: [
    // Frequent small buyers: +6 satisfaction points, total cost within +2 %. Priority delivery for this
    // segment alone costs ~+0.8 %; the textbook plan (which also upgrades two other segments) costs
    // +2.7 % at seed 42, so the button alone does not meet it: one lever for one segment does.
    { id: 'behaviour-1', goal: { segment: 'frequent-small', metric: 'satisfaction', op: '>=', target: segBasePlus(6) }, guard: { metric: 'cost', maxIncrease: 0.02 } },
    // Satisfaction 1 point above baseline, profit down by at most 1 % of revenue.
    { id: 'behaviour-2', goal: { metric: 'satisfaction', op: '>=', target: totalSatPlus(1) }, guard: { metric: 'profit', maxDrop: 0.01 } },
  ],
};

// ---------------------------------------------------------------- predict, then reveal

export const PREDICTS: Record<'needs' | 'value' | 'geography' | 'lifecycle' | 'behaviour', PredictDef> = {
  needs: { id: 'needs', kind: 'segment', metric: 'satisfaction', pick: 'min' },
  value: { id: 'value', kind: 'top20', choices: [0.2, 0.5, 0.75, 0.95] },
  geography: { id: 'geography', kind: 'segment', metric: 'costShare', pick: 'max' },
  lifecycle: { id: 'lifecycle', kind: 'segment', metric: 'otif', pick: 'min' },
  behaviour: { id: 'behaviour', kind: 'segment', metric: 'orderCostShare', pick: 'max' },
};

export interface PredictOption {
  value: string;
  /** segment name, or null for a numeric choice (the view formats `share`) */
  name: Localized | null;
  share?: number;
}

/** The options a learner chooses from (segments with customers, or revenue shares). */
export function predictOptions(def: PredictDef, run: LabRun): PredictOption[] {
  if (def.kind === 'top20') return def.choices.map((c) => ({ value: String(c), name: null, share: c }));
  return run.segments.filter((s) => s.customers > 0).map((s) => ({ value: s.key, name: s.name }));
}

/**
 * Share of revenue from the top 20 % of customers, customers ranked by revenue (USD/yr in, fraction
 * 0..1 out; ceil(n/5) customers, 0 when there is no revenue). Pareto (80/20) check, Juran's "vital
 * few". The one implementation: the value predict and run.ts's paretoData both use it.
 */
export function top20RevenueShare(revenue: ArrayLike<number>): number {
  const rev = Float64Array.from(revenue).sort().reverse();
  let total = 0;
  for (let i = 0; i < rev.length; i++) total += rev[i];
  let top = 0;
  const k = Math.ceil(rev.length * 0.2);
  for (let i = 0; i < k; i++) top += rev[i];
  return total > 0 ? top / total : 0;
}

/** Share of annual revenue from the top 20 % of customers of a run (ranked by revenue). */
export function top20Share(run: LabRun): number {
  return top20RevenueShare(run.company.customers.annualRevenue);
}

/** The correct option and the figure behind it, computed from the run. */
export function predictAnswer(def: PredictDef, run: LabRun): { value: string; figure: number; metric: Metric | 'top20' } {
  if (def.kind === 'top20') {
    const share = top20Share(run);
    let best = def.choices[0];
    for (const c of def.choices) if (Math.abs(c - share) < Math.abs(best - share)) best = c;
    return { value: String(best), figure: share, metric: 'top20' };
  }
  let best: SegmentView | undefined;
  for (const s of run.segments) {
    if (s.customers <= 0) continue;
    const v = segmentMetric(s, def.metric);
    if (!best || (def.pick === 'max' ? v > segmentMetric(best, def.metric) : v < segmentMetric(best, def.metric))) best = s;
  }
  return best ? { value: best.key, figure: segmentMetric(best, def.metric), metric: def.metric } : { value: '', figure: 0, metric: def.metric };
}
