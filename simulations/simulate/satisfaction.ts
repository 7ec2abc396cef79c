/**
 * Customer satisfaction (0..100) and churn.
 *
 * Each week a customer's experience score E ∈ [0, 1] is a weighted sum of five utilities:
 * - OTIF, with the asymmetry of Kano's "must-be" quality (Kano et al. 1984, Hinshitsu 14(2)):
 *   below the expected OTIF each point lost hurts `otifSlopeBelow`, above it each point gained
 *   helps only `otifSlopeAbove` (model values 4 and 2 per unit OTIF);
 * - lead time against need: 1 when the promised lead time meets the need, need/LT when slower
 *   (Marino, Zotteri & Montagna 2018: lengthening delivery from 2 to 7 days cut demand 37.5 %);
 * - service fit: premium service meets any support need; standard leaves (1 − supportNeed·0.7);
 * - customisation fit: customised product meets any need; standard leaves (1 − customisationNeed·0.8);
 * - price: 1 − priceSensitivity·(pricePenalty − discountEffect·discount), clamped to [0, 1].
 * Satisfaction is exponentially smoothed: s ← s + α·(100·E − s) (α = 0.1 per week).
 * Weekly churn hazard: h = h₀·exp(k·(s_ref − s)/10), h₀ = 1 − r^(1/52) from the customer's
 * generated annual retention r (so a customer at the reference satisfaction keeps its stated
 * retention); stockouts and late deliveries lower s and so raise churn (Anderson, Fitzsimons &
 * Simester 2006, Management Science 52(11); Jing & Lewis 2011, JMR 48(2)).
 */
import { DEFAULT_PARAMS, type SimulationParams } from './params';

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Kano-asymmetric utility of an OTIF fraction, 0..1. */
export function otifUtility(otif: number, p: SimulationParams): number {
  const base = p.otifUtilityAtExpected;
  const d = otif - p.otifExpected;
  return clamp01(d >= 0 ? base + p.otifSlopeAbove * d : base + p.otifSlopeBelow * d);
}

/** Utility of a promised lead time (days) against the customer's need (days). */
export function leadTimeUtility(leadTimeDays: number, needDays: number): number {
  if (!(leadTimeDays > 0) || leadTimeDays <= needDays) return 1;
  return clamp01(needDays / leadTimeDays);
}

export function serviceUtility(premium: boolean, supportNeed: number, p: SimulationParams = DEFAULT_PARAMS): number {
  return premium ? 1 : clamp01(1 - p.serviceGapWeight * supportNeed);
}

export function customisationUtility(customised: boolean, customisationNeed: number, p: SimulationParams = DEFAULT_PARAMS): number {
  return customised ? 1 : clamp01(1 - p.customisationGapWeight * customisationNeed);
}

export function priceUtility(priceSensitivity: number, discount: number, p: SimulationParams): number {
  return clamp01(1 - priceSensitivity * (p.pricePenalty - p.discountEffect * discount));
}

/** Baseline weekly churn hazard from an annual retention probability r: 1 − r^(1/52). */
export function baseWeeklyHazard(retention: number): number {
  const r = retention < 0.01 ? 0.01 : retention > 0.9999 ? 0.9999 : retention;
  return 1 - Math.pow(r, 1 / 52);
}

/** Weekly churn hazard at satisfaction s. */
export function churnHazard(baseHazard: number, satisfaction: number, p: SimulationParams): number {
  const h = baseHazard * Math.exp((p.churnSensitivity * (p.referenceSatisfaction - satisfaction)) / 10);
  return h > p.maxWeeklyHazard ? p.maxWeeklyHazard : h;
}

/** One smoothing step of satisfaction towards 100·experience, kept within [0, 100]. */
export function updateSatisfaction(s: number, experience: number, alpha: number): number {
  const next = s + alpha * (100 * clamp01(experience) - s);
  return next < 0 ? 0 : next > 100 ? 100 : next;
}
