/**
 * Normal-distribution helpers and the fast seeded stream of the weekly loop.
 *
 * - `inverseNormal(p)`: Acklam, P.J. (2003), "An algorithm for computing the inverse normal
 *   cumulative distribution function" (rational approximation, relative error < 1.15e-9),
 *   followed by one Halley refinement step against `normalCdf`.
 * - `normalCdf(x)`: Abramowitz, M. & Stegun, I.A. (1964), Handbook of Mathematical Functions,
 *   formula 26.2.17 (absolute error < 7.5e-8).
 * - `DemandStream`: the hot loop needs ~3 random numbers per customer-week (10 million per second).
 *   It uses sfc32 ("Small Fast Counting" generator, Chris Doty-Humphrey, PractRand 0.94, public
 *   domain) seeded with four 32-bit words drawn from the engine's seeded Alea stream
 *   (random/rng.ts), and turns uniforms into normals by a 4,096-point inverse-normal table with
 *   linear interpolation (the inversion method; tails are truncated at |z| ≈ 3.5, i.e. 1 draw in
 *   4,000 is clipped, which is immaterial for weekly demand). No allocation per draw.
 */
import { createRng } from '../random/rng';

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Standard normal CDF Φ(x), Abramowitz & Stegun 26.2.17. Pure, finite for every finite x. */
export function normalCdf(x: number): number {
  if (x > 8) return 1;
  if (x < -8) return 0;
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const upper = 0.3989422804014327 * Math.exp(-0.5 * x * x) * poly;
  return x >= 0 ? 1 - upper : upper;
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return 0.3989422804014327 * Math.exp(-0.5 * x * x);
}

/**
 * Inverse standard normal Φ⁻¹(p) (Acklam 2003 + one Halley step). For p outside (0, 1) it is
 * clamped to [1e-12, 1 − 1e-12] so it never returns ±Infinity or NaN.
 * Example: inverseNormal(0.95) = 1.6449 (the z of a 95 % cycle service level).
 */
export function inverseNormal(p: number): number {
  if (!(p > 1e-12)) p = 1e-12;
  if (p > 1 - 1e-12) p = 1 - 1e-12;
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  // one Halley step (Acklam's suggested refinement); the A&S CDF limits the gain but keeps x finite
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  const refined = x - u / (1 + (x * u) / 2);
  return Number.isFinite(refined) && Math.abs(refined - x) < 1e-3 ? refined : x;
}

const TABLE_BITS = 12;
const TABLE_SIZE = 1 << TABLE_BITS;
/** Φ⁻¹ at the 4,097 points (k + 0.5) / 4097 ... computed once per process. */
let NORMAL_TABLE: Float64Array | null = null;
function normalTable(): Float64Array {
  if (NORMAL_TABLE) return NORMAL_TABLE;
  const t = new Float64Array(TABLE_SIZE + 1);
  for (let k = 0; k <= TABLE_SIZE; k++) t[k] = inverseNormal((k + 0.5) / (TABLE_SIZE + 1));
  NORMAL_TABLE = t;
  return t;
}

/**
 * The seeded random stream of the weekly loop (sfc32 + table inversion). Created from a seed
 * string; `next()` returns a uint32, `uniform()` a float in [0, 1), `normal()` a standard normal.
 */
export class DemandStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly table: Float64Array;

  constructor(seed: string) {
    const alea = createRng(seed);
    this.a = (alea() * 4294967296) >>> 0;
    this.b = (alea() * 4294967296) >>> 0;
    this.c = (alea() * 4294967296) >>> 0;
    this.d = 1;
    this.table = normalTable();
    for (let k = 0; k < 16; k++) this.next(); // warm-up, as recommended for sfc32
  }

  next(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const cr = (c << 21) | (c >>> 11);
    this.c = (cr + t) | 0;
    return t >>> 0;
  }

  /**
   * Fill, for i = 0..n−1 in order, z1[i] = normal(), z2[i] = normal(), u[i] = uniform() — the same
   * numbers as calling the methods one by one, but with the generator state held in local variables
   * (the weekly loop's hot path: three draws per customer-week, no allocation).
   */
  fillTriples(n: number, z1: Float64Array, z2: Float64Array, u: Float64Array): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    const table = this.table;
    const SHIFT = 32 - TABLE_BITS;
    const MASK = (1 << SHIFT) - 1;
    const SCALE = 1 / (1 << SHIFT);
    for (let i = 0; i < n; i++) {
      // draw 1
      let t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      let x = t >>> 0;
      let k = x >>> SHIFT;
      z1[i] = table[k] + (table[k + 1] - table[k]) * ((x & MASK) * SCALE);
      // draw 2
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      x = t >>> 0;
      k = x >>> SHIFT;
      z2[i] = table[k] + (table[k + 1] - table[k]) * ((x & MASK) * SCALE);
      // draw 3
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      u[i] = (t >>> 0) / 4294967296;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  uniform(): number {
    return this.next() / 4294967296;
  }

  normal(): number {
    const x = this.next();
    const k = x >>> (32 - TABLE_BITS);
    const frac = (x & ((1 << (32 - TABLE_BITS)) - 1)) / (1 << (32 - TABLE_BITS));
    const t = this.table;
    return t[k] + (t[k + 1] - t[k]) * frac;
  }
}
