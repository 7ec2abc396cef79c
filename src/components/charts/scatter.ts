/**
 * Data preparation shared by the two grouped scatters (NeedsScatter, BehaviourScatter):
 * drops points that cannot be drawn (non-finite, unknown group, non-positive on a log axis)
 * and computes per-group counts and medians for the summary sentence and the data table.
 */
import { isFiniteNumber, medianOf } from './scales';

export interface ScatterInput {
  x: number;
  y: number;
  group: number;
}

export interface GroupStats {
  count: number;
  medianX: number;
  medianY: number;
}

export interface PreparedScatter {
  /** drawable points, same order as the input */
  points: ScatterInput[];
  /** points left out (bad numbers, unknown group, or ≤ 0 on a log axis) */
  skipped: number;
  /** one entry per group, in group order */
  stats: GroupStats[];
  extentX: [number, number];
  extentY: [number, number];
}

export function prepareScatter(
  input: readonly ScatterInput[] | null | undefined,
  groupCount: number,
  opts: { xLog?: boolean; yLog?: boolean } = {},
): PreparedScatter {
  const k = Number.isInteger(groupCount) && groupCount > 0 ? groupCount : 0;
  const xs: number[][] = Array.from({ length: k }, () => []);
  const ys: number[][] = Array.from({ length: k }, () => []);
  const points: ScatterInput[] = [];
  let skipped = 0;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of input ?? []) {
    const ok =
      p != null &&
      isFiniteNumber(p.x) &&
      isFiniteNumber(p.y) &&
      Number.isInteger(p.group) &&
      p.group >= 0 &&
      p.group < k &&
      (!opts.xLog || p.x > 0) &&
      (!opts.yLog || p.y > 0);
    if (!ok) {
      skipped++;
      continue;
    }
    points.push(p);
    xs[p.group].push(p.x);
    ys[p.group].push(p.y);
    if (p.x < x0) x0 = p.x;
    if (p.x > x1) x1 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.y > y1) y1 = p.y;
  }
  const stats = xs.map((gx, g) => ({ count: gx.length, medianX: medianOf(gx), medianY: medianOf(ys[g]) }));
  return {
    points,
    skipped,
    stats,
    extentX: points.length > 0 ? [x0, x1] : [0, 1],
    extentY: points.length > 0 ? [y0, y1] : [0, 1],
  };
}

/** Index of the non-empty group with the largest (`dir` = 1) or smallest (-1) value of `pick`, or -1. */
export function extremeGroup(stats: readonly GroupStats[], pick: (s: GroupStats) => number, dir: 1 | -1): number {
  let best = -1;
  let bestV = 0;
  stats.forEach((s, i) => {
    const v = pick(s);
    if (s.count === 0 || !isFiniteNumber(v)) return;
    if (best < 0 || dir * v > dir * bestV) {
      best = i;
      bestV = v;
    }
  });
  return best;
}
