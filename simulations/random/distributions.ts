/**
 * Random variates, each drawn from an injected `Rng` (uniform [0, 1)).
 * Algorithms are the standard ones; each names its source. No function returns NaN for
 * valid parameters: `1 - rng()` is used wherever a logarithm needs a value in (0, 1].
 */
import type { Rng } from '../types';

/**
 * Standard normal N(0, 1) by the Box–Muller transform (Box & Muller 1958, Ann. Math. Stat. 29(2)).
 * Uses two uniforms per variate and keeps no hidden state, so the stream position is predictable.
 */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Normal with mean `mean` and standard deviation `sd` (same units as mean). */
export function normal(rng: Rng, mean: number, sd: number): number {
  return mean + sd * standardNormal(rng);
}

/**
 * Log-normal with the given MEDIAN (= exp(mu)) and log-scale sigma: X = median · exp(sigma · Z).
 * Mean = median · exp(sigma²/2); a natural model for heavy-tailed customer revenue.
 */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(rng));
}

/** Exponential with the given mean (inverse-CDF method). */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng());
}

/**
 * Poisson(lambda). Knuth's multiplication method for lambda < 30 (Knuth, TAOCP vol. 2, 3.4.1);
 * for larger lambda a normal approximation N(lambda, lambda) rounded and floored at 0, which is
 * accurate to well under 1 % in the mean and variance at that size.
 */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    return k;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * standardNormal(rng)));
}

/**
 * Gamma(shape, scale) by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3). For shape < 1 uses the boost Gamma(a) = Gamma(a+1) · U^(1/a).
 */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  if (shape < 1) {
    const u = 1 - rng();
    return gamma(rng, shape + 1, scale) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Beta(a, b) as G1/(G1+G2) with G1 ~ Gamma(a), G2 ~ Gamma(b). Mean a/(a+b). */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x + y > 0 ? x / (x + y) : a / (a + b);
}

/**
 * A value in (0, 1) around `mean` with spread `spread` on the logit scale:
 * logistic(logit(mean) + spread · Z). Cheaper than a beta draw and lets several 0..1
 * attributes share a latent normal factor (correlated needs).
 */
export function logitNormal(mean: number, spread: number, z: number): number {
  const m = Math.min(0.999, Math.max(0.001, mean));
  const x = Math.log(m / (1 - m)) + spread * z;
  return 1 / (1 + Math.exp(-x));
}

/**
 * Index drawn with probability proportional to `weights` (non-negative, not all zero).
 * Linear scan of the cumulative sum; the lists here have fewer than 20 entries.
 */
export function categorical(rng: Rng, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  let u = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  // floating-point remainder: return the last index with positive weight
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return 0;
}

/** Precomputed cumulative weights for fast repeated categorical draws. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i];
    out[i] = total;
  }
  for (let i = 0; i < out.length; i++) out[i] /= total;
  return out;
}

/** Categorical draw from a `cumulative()` table. */
export function categoricalCum(rng: Rng, cum: Float64Array): number {
  const u = rng();
  for (let i = 0; i < cum.length; i++) if (u < cum[i]) return i;
  return cum.length - 1;
}

/** Integer uniform in [0, n). */
export function uniformInt(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n));
}
