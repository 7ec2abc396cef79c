/**
 * Data preparation for ParetoCurve: cleans the cumulative curves (finite pairs only, x ascending,
 * starting at the origin), interpolates them, and finds the profit peak of the whale curve.
 *
 * Both curves share the x axis "share of customers ranked best first" (0..1): the revenue curve
 * ranks by revenue, the whale curve by profit (Kaplan & Cooper 1998, Cost & Effect, ch. 10:
 * cumulative profitability rises above 100 % and falls back as loss-making customers are added).
 */
import { isFiniteNumber } from './scales';

export interface CurvePoint {
  x: number;
  y: number;
}

/** Finite (x, y) pairs of two parallel arrays, sorted by x, with (0, 0) prepended if missing. */
export function cleanCurve(xs: readonly number[] | null | undefined, ys: readonly number[] | null | undefined): CurvePoint[] {
  const n = Math.min(xs?.length ?? 0, ys?.length ?? 0);
  const out: CurvePoint[] = [];
  for (let i = 0; i < n; i++) {
    const x = xs![i];
    const y = ys![i];
    if (isFiniteNumber(x) && isFiniteNumber(y)) out.push({ x, y });
  }
  if (out.length === 0) return out;
  let sorted = true;
  for (let i = 1; i < out.length; i++) if (out[i].x < out[i - 1].x) sorted = false;
  if (!sorted) out.sort((a, b) => a.x - b.x);
  if (out[0].x > 0) out.unshift({ x: 0, y: 0 });
  return out;
}

/** y of the curve at x (linear interpolation; clamped to the ends). NaN for an empty curve. */
export function valueAt(curve: readonly CurvePoint[], x: number): number {
  if (curve.length === 0 || !isFiniteNumber(x)) return Number.NaN;
  if (x <= curve[0].x) return curve[0].y;
  const last = curve[curve.length - 1];
  if (x >= last.x) return last.y;
  let lo = 0;
  let hi = curve.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (curve[mid].x <= x) lo = mid;
    else hi = mid;
  }
  const a = curve[lo];
  const b = curve[hi];
  return b.x === a.x ? b.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
}

/**
 * Smallest x at which a rising curve reaches `target` (linear interpolation between points);
 * NaN if it never does. Used to read "A = top 80 % of revenue" as a share of customers.
 */
export function shareReaching(curve: readonly CurvePoint[], target: number): number {
  if (!isFiniteNumber(target)) return Number.NaN;
  for (let i = 0; i < curve.length; i++) {
    if (curve[i].y >= target) {
      if (i === 0) return curve[0].x;
      const a = curve[i - 1];
      const b = curve[i];
      return b.y === a.y ? b.x : a.x + ((b.x - a.x) * (target - a.y)) / (b.y - a.y);
    }
  }
  return Number.NaN;
}

/** The highest point of a curve (first one on ties), or null when empty. */
export function peakOf(curve: readonly CurvePoint[]): CurvePoint | null {
  let best: CurvePoint | null = null;
  for (const p of curve) if (best === null || p.y > best.y) best = p;
  return best;
}
