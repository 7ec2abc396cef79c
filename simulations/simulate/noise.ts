/**
 * The demand noise of the weekly loop, drawn once per company and seed and reused across runs
 * (MODEL.md §4.1, performance note).
 *
 * Under common random numbers the weekly draws depend only on the seed and the customer index, not on
 * the plan, the segmentation, the scenario or the digital option (MODEL.md §4.1, common random numbers): every week draws
 * exactly n triples (Z_new, Z_mature, U_churn) from the stream `deriveSeed(seed, 'demand')`, in
 * customer order, whatever the customer's state. So the triples of week t are the same numbers in
 * every run on the same company and seed, and a lab that re-simulates on every slider move can copy
 * them instead of drawing them again (drawing was a third of the run time).
 *
 * The cache: a WeakMap keyed by the Company object (dropped with it), then by the stream's seed label
 * and the customer count; an entry holds a Float64Array of weeks × 3 × n — the same type as the loop's
 * buffers, so the copied doubles are bit for bit those the stream writes — filled week by week by
 * whichever run first reaches a week (the entry's stream continues from where it stopped, so week t is
 * always the stream's draws after exactly t weeks, even when several runs interleave, as the lab's
 * sliced baseline and plan runs do). Bounds:
 *  - only runs of at most NOISE_CACHE_MAX_CUSTOMER_WEEKS customer-weeks use it (600,000 = 2,000 × 260
 *    or 10,000 × 52 ≈ 14.4 MB of doubles); larger runs draw on the fly as before, so a 200,000-customer
 *    run does not hold 125 MB;
 *  - at most NOISE_CACHE_SEEDS_PER_COMPANY seeds per company (least recently used dropped).
 * Inputs are never mutated (the WeakMap does not touch the Company object).
 */
import type { Company } from '../types';
import { DemandStream } from './normal';

/** Largest run (customers × weeks) whose noise is cached: 600,000 customer-weeks ≈ 14.4 MB (3 doubles each). */
export const NOISE_CACHE_MAX_CUSTOMER_WEEKS = 600_000;
/** Seeds kept per company (least recently used dropped): a lesson page uses one or two. */
export const NOISE_CACHE_SEEDS_PER_COMPANY = 4;

interface NoiseEntry {
  n: number;
  /** week t occupies [t·3n, (t+1)·3n): z_new (n), z_mature (n), u (n) */
  noise: Float64Array;
  /** weeks drawn so far (always a prefix: weeks 0..filled−1) */
  filled: number;
  /** the stream after `filled` weeks of draws */
  stream: DemandStream;
}

const cache = new WeakMap<Company, Map<string, NoiseEntry>>();

/** The demand draws of one run: copied from the cache when it holds the week, else drawn (and kept). */
export class DemandNoise {
  private readonly entry: NoiseEntry | null;
  private readonly stream: DemandStream | null;
  private readonly n: number;

  /** `label` is the stream's seed string, deriveSeed(seed, 'demand'). */
  constructor(company: Company, n: number, weeks: number, label: string) {
    this.n = n;
    if (n * weeks > NOISE_CACHE_MAX_CUSTOMER_WEEKS) {
      this.entry = null;
      this.stream = new DemandStream(label);
      return;
    }
    this.stream = null;
    let byLabel = cache.get(company);
    if (byLabel === undefined) {
      byLabel = new Map();
      cache.set(company, byLabel);
    }
    const key = `${n}|${label}`;
    let entry = byLabel.get(key);
    if (entry === undefined) {
      entry = { n, noise: new Float64Array(weeks * 3 * n), filled: 0, stream: new DemandStream(label) };
      if (byLabel.size >= NOISE_CACHE_SEEDS_PER_COMPANY) {
        const oldest = byLabel.keys().next().value;
        if (oldest !== undefined) byLabel.delete(oldest);
      }
    } else {
      byLabel.delete(key); // re-inserted below: most recently used last
      if (entry.noise.length < weeks * 3 * n) {
        // a longer horizon than cached so far: grow, keeping the weeks already drawn
        const grown = new Float64Array(weeks * 3 * n);
        grown.set(entry.noise.subarray(0, entry.filled * 3 * n));
        entry.noise = grown;
      }
    }
    byLabel.set(key, entry);
    this.entry = entry;
  }

  /**
   * Week t's triples into z1, z2, u (length ≥ n): the same numbers as `stream.fillTriples(n, z1, z2, u)`
   * on a stream that has drawn weeks 0..t−1. Weeks must be asked in order 0, 1, 2, … within a run.
   */
  fillWeek(t: number, z1: Float64Array, z2: Float64Array, u: Float64Array): void {
    const n = this.n;
    const e = this.entry;
    if (e === null) {
      (this.stream as DemandStream).fillTriples(n, z1, z2, u);
      return;
    }
    // draw the weeks up to t not drawn yet (only week t itself when the run steps in order)
    while (e.filled <= t) {
      const o = e.filled * 3 * n;
      e.stream.fillTriples(n, e.noise.subarray(o, o + n), e.noise.subarray(o + n, o + 2 * n), e.noise.subarray(o + 2 * n, o + 3 * n));
      e.filled++;
    }
    const o = t * 3 * n;
    z1.set(e.noise.subarray(o, o + n));
    z2.set(e.noise.subarray(o + n, o + 2 * n));
    u.set(e.noise.subarray(o + 2 * n, o + 3 * n));
  }
}

/** Weeks of demand noise cached for this company and stream label (0 when none): for tests and diagnostics. */
export function cachedNoiseWeeks(company: Company, label: string): number {
  const e = cache.get(company)?.get(`${company.customers.n}|${label}`);
  return e === undefined ? 0 : e.filled;
}
