/**
 * Textbook inventory formulas used by the weekly simulation (units: demand per week, weeks).
 *
 * - Periodic-review order-up-to (R, S) policy, safety stock over the protection interval L + R:
 *   S = μ·(L + R) + z·σ·√(L + R). Silver, Pyke & Peterson (1998), Inventory Management and
 *   Production Planning and Scheduling, 3rd ed., §7.7; Chopra & Meindl, Supply Chain Management, ch. 12.
 * - z = Φ⁻¹(CSL) for a target cycle service level (Type I); inverse normal by Acklam (2003).
 * - Risk pooling: σ of the sum of independent demands = √(Σσᵢ²) (Eppen 1979, Management Science
 *   25(5)); held separately, the safety stocks add up to z·Σσᵢ·√(L+R). With n equal locations the
 *   ratio is 1/√n (Maister 1976, square-root law).
 * - Batching trade-off: economic order quantity Q* = √(2·D·K / h) (Harris 1913), expressed as an
 *   economic review period T* = Q* ÷ D = √(2K / (h·D)) weeks.
 * - Newsvendor for the last buy of a short-life product: z* = Φ⁻¹(cᵤ / (cᵤ + cₒ)) with cᵤ the
 *   lost margin per unit and cₒ the unit cost minus salvage (Arrow, Harris & Marschak 1951;
 *   Fisher, Hammond, Obermeyer & Raman 1994, Sport Obermeyer).
 */
import { EngineError } from '../errors';
import { inverseNormal } from './normal';

function finite(field: string, x: number, min = 0): number {
  if (!Number.isFinite(x) || x < min) throw new EngineError(field, x, `a finite number >= ${min}`);
  return x;
}

/** Safety factor z for a cycle service level in [0.5, 0.999]: z = Φ⁻¹(CSL). */
export function safetyFactor(serviceLevel: number): number {
  if (!Number.isFinite(serviceLevel) || serviceLevel < 0.5 || serviceLevel > 0.999) {
    throw new EngineError('serviceLevel', serviceLevel, '0.5..0.999');
  }
  return serviceLevel === 0.5 ? 0 : inverseNormal(serviceLevel);
}

/** Safety stock z·σ·√(L+R), same unit as σ (demand per week). */
export function safetyStock(serviceLevel: number, sigmaPerWeek: number, protectionWeeks: number): number {
  finite('sigmaPerWeek', sigmaPerWeek);
  finite('protectionWeeks', protectionWeeks);
  return safetyFactor(serviceLevel) * sigmaPerWeek * Math.sqrt(protectionWeeks);
}

/** Order-up-to level S = μ(L+R) + z·σ·√(L+R). */
export function orderUpToLevel(meanPerWeek: number, sigmaPerWeek: number, leadWeeks: number, reviewWeeks: number, serviceLevel: number): number {
  finite('meanPerWeek', meanPerWeek);
  const t = finite('leadWeeks', leadWeeks) + finite('reviewWeeks', reviewWeeks);
  return meanPerWeek * t + safetyStock(serviceLevel, sigmaPerWeek, t);
}

/** σ of pooled (summed) independent demands: √(Σσᵢ²). */
export function pooledSigma(sigmas: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < sigmas.length; i++) s += finite('sigma', sigmas[i]) ** 2;
  return Math.sqrt(s);
}

/** Σσᵢ: the σ total when each location holds its own safety stock. */
export function separateSigma(sigmas: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < sigmas.length; i++) s += finite('sigma', sigmas[i]);
  return s;
}

/**
 * Economic review period T* = √(2K / (h·D)), weeks, clamped to [min, max].
 * @param setupCost K, USD per batch
 * @param holdingPerUnitWeek h, USD per unit (or per list dollar) per week
 * @param demandPerWeek D, units (or list dollars) per week
 */
export function economicReviewWeeks(setupCost: number, holdingPerUnitWeek: number, demandPerWeek: number, min: number, max: number): number {
  finite('setupCost', setupCost);
  if (!(holdingPerUnitWeek > 0) || !(demandPerWeek > 0)) return max;
  const t = Math.sqrt((2 * setupCost) / (holdingPerUnitWeek * demandPerWeek));
  const r = Math.round(t);
  return r < min ? min : r > max ? max : r;
}

/** Newsvendor critical ratio cᵤ/(cᵤ+cₒ) and its z (0 when both costs are 0). */
export function newsvendorRatio(underage: number, overage: number): number {
  finite('underage', underage);
  finite('overage', overage);
  const s = underage + overage;
  return s > 0 ? underage / s : 0.5;
}

export function newsvendorZ(underage: number, overage: number): number {
  const r = newsvendorRatio(underage, overage);
  return inverseNormal(Math.min(0.999, Math.max(0.001, r)));
}
