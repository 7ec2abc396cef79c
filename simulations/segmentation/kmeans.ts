/**
 * Data-driven segmentation: k-means (Lloyd 1982, "Least squares quantization in PCM", IEEE Trans.
 * Inf. Theory 28(2)) on z-scored features, seeded with k-means++ (Arthur & Vassilvitskii 2007,
 * "k-means++: the advantages of careful seeding", SODA). Heavy-tailed positive features (revenue,
 * order value, orders per year, lead time, distance, tenure, recency) are log-transformed first
 * (ln(1 + x)) unless `logTransform` is false, so a few giant customers do not dominate the distances.
 * Channel can be used through one-hot features (channelDirect, channelPortal, ...).
 *
 * `kmeansSteps()` yields the centroids and labels after every iteration (for animation);
 * `kmeans()` runs to the end. Same seed → same clusters.
 */
import type { Company, Rng, Segmentation } from '../types';
import { CHANNELS } from '../types';
import { EngineError, checkKnownKeys, checkNumber, checkObject, checkOneOf } from '../errors';
import { createRng, deriveSeed } from '../random/rng';
import { NUMERIC_FIELDS, buildSegmentation, L, meanSd, type NumericField } from './common';

export const CHANNEL_FEATURES = ['channelDirect', 'channelPortal', 'channelDistributor', 'channelEdi'] as const;
export const KMEANS_FEATURES = [...NUMERIC_FIELDS, ...CHANNEL_FEATURES] as const;
export type KMeansFeature = (typeof KMEANS_FEATURES)[number];

/** Features log-transformed (ln(1 + x)) before z-scoring when logTransform is on. */
export const LOG_FEATURES: readonly KMeansFeature[] = [
  'annualRevenue',
  'avgOrderValue',
  'ordersPerYear',
  'requiredLeadTimeDays',
  'distanceKm',
  'tenureYears',
  'recencyWeeks',
];

export interface KMeansParams {
  /** number of clusters, 2..12 */
  k: number;
  /** features, 1..KMEANS_FEATURES.length distinct */
  features: KMeansFeature[];
  /** iteration cap, 1..500 */
  maxIterations: number;
  /** seed of the k-means++ initialisation; default: derived from the company seed */
  seed?: number | string;
  logTransform: boolean;
}

export const DEFAULT_KMEANS_PARAMS: KMeansParams = {
  k: 6,
  features: ['priceSensitivity', 'requiredLeadTimeDays', 'supportNeed', 'annualRevenue', 'newProductShare', 'international', 'avgOrderValue'],
  maxIterations: 100,
  logTransform: true,
};

export function resolveKMeansParams(params: unknown, field = 'params'): KMeansParams {
  const p = checkObject(field, params);
  checkKnownKeys(field, p, ['k', 'features', 'maxIterations', 'seed', 'logTransform']);
  const d = DEFAULT_KMEANS_PARAMS;
  let features = d.features.slice();
  if (p.features !== undefined) {
    if (!Array.isArray(p.features) || p.features.length < 1 || p.features.length > KMEANS_FEATURES.length)
      throw new EngineError(`${field}.features`, p.features, `1..${KMEANS_FEATURES.length} distinct of ${KMEANS_FEATURES.join('|')}`);
    features = p.features.map((x, i) => checkOneOf(`${field}.features[${i}]`, x, KMEANS_FEATURES));
    if (new Set(features).size !== features.length) throw new EngineError(`${field}.features`, p.features, 'distinct features', 'has duplicates');
  }
  let seed: number | string | undefined;
  if (p.seed !== undefined) {
    if (!((typeof p.seed === 'number' && Number.isFinite(p.seed)) || (typeof p.seed === 'string' && p.seed.length > 0 && p.seed.length <= 200)))
      throw new EngineError(`${field}.seed`, p.seed, 'a finite number or a string of 1..200 characters');
    seed = p.seed;
  }
  if (p.logTransform !== undefined && typeof p.logTransform !== 'boolean') throw new EngineError(`${field}.logTransform`, p.logTransform, 'true|false');
  return {
    k: p.k === undefined ? d.k : checkNumber(`${field}.k`, p.k, 2, 12, { integer: true }),
    features,
    maxIterations: p.maxIterations === undefined ? d.maxIterations : checkNumber(`${field}.maxIterations`, p.maxIterations, 1, 500, { integer: true }),
    seed,
    logTransform: p.logTransform === undefined ? d.logTransform : p.logTransform,
  };
}

/** The raw (untransformed) value of a feature for customer i. */
function rawFeature(company: Company, f: KMeansFeature, i: number): number {
  const c = company.customers;
  const ch = (CHANNEL_FEATURES as readonly string[]).indexOf(f);
  if (ch >= 0) return c.channel[i] === ch ? 1 : 0;
  return c[f as NumericField][i];
}

export interface StandardisedData {
  /** row-major n × d matrix of z-scores */
  data: Float64Array;
  n: number;
  d: number;
  features: KMeansFeature[];
  /** mean and sd of each (possibly log-transformed) feature before z-scoring */
  mean: number[];
  sd: number[];
  logged: boolean[];
}

/** z-score the chosen features: z = (t(x) − mean) / sd, with t = ln(1 + x) for LOG_FEATURES. */
export function standardise(company: Company, features: readonly KMeansFeature[], logTransform = true): StandardisedData {
  const n = company.customers.n;
  const d = features.length;
  const data = new Float64Array(n * d);
  const mean: number[] = [];
  const sd: number[] = [];
  const logged: boolean[] = [];
  const col = new Float64Array(n);
  features.forEach((f, j) => {
    const lg = logTransform && LOG_FEATURES.includes(f);
    logged.push(lg);
    for (let i = 0; i < n; i++) {
      const x = rawFeature(company, f, i);
      col[i] = lg ? Math.log1p(Math.max(0, x)) : x;
    }
    const s = meanSd(col);
    mean.push(s.mean);
    sd.push(s.sd);
    for (let i = 0; i < n; i++) data[i * d + j] = (col[i] - s.mean) / s.sd;
  });
  return { data, n, d, features: features.slice(), mean, sd, logged };
}

export interface KMeansStep {
  /** 0 = after k-means++ seeding and the first assignment */
  iteration: number;
  /** k centroids in z-score space, each of length d */
  centroids: number[][];
  /** cluster per customer (a copy: safe to keep) */
  labels: Uint16Array;
  /** within-cluster sum of squared z-distances */
  inertia: number;
  /** customers that changed cluster in this iteration (n at iteration 0) */
  changed: number;
  /** true on the last step if no customer moved */
  converged: boolean;
}

function sqDist(data: Float64Array, i: number, d: number, centre: Float64Array, c: number): number {
  let s = 0;
  const a = i * d;
  const b = c * d;
  for (let j = 0; j < d; j++) {
    const t = data[a + j] - centre[b + j];
    s += t * t;
  }
  return s;
}

/** k-means++ seeding: first centre uniform, each next one with probability ∝ D(x)². */
function seedCentroids(x: StandardisedData, k: number, rng: Rng): Float64Array {
  const { data, n, d } = x;
  const centres = new Float64Array(k * d);
  const first = Math.min(n - 1, Math.floor(rng() * n));
  centres.set(data.subarray(first * d, first * d + d), 0);
  const dist = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const s = sqDist(data, i, d, centres, c - 1);
      if (s < dist[i]) dist[i] = s;
      total += dist[i];
    }
    let pick = n - 1;
    if (total > 0) {
      let u = rng() * total;
      for (let i = 0; i < n; i++) {
        u -= dist[i];
        if (u < 0) {
          pick = i;
          break;
        }
      }
    } else pick = Math.min(n - 1, Math.floor(rng() * n));
    centres.set(data.subarray(pick * d, pick * d + d), c * d);
  }
  return centres;
}

function toRows(centres: Float64Array, k: number, d: number): number[][] {
  const rows: number[][] = [];
  for (let c = 0; c < k; c++) rows.push(Array.from(centres.subarray(c * d, c * d + d)));
  return rows;
}

/** Assign each point to its nearest centre; returns [inertia, changed]. */
function assign(x: StandardisedData, centres: Float64Array, k: number, labels: Uint16Array, first: boolean): [number, number] {
  const { data, n, d } = x;
  let inertia = 0;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const s = sqDist(data, i, d, centres, c);
      if (s < bestD) {
        bestD = s;
        best = c;
      }
    }
    if (first || labels[i] !== best) changed++;
    labels[i] = best;
    inertia += bestD;
  }
  return [inertia, changed];
}

/** Move each centre to the mean of its points; an empty cluster takes the point farthest from its centre. */
function update(x: StandardisedData, centres: Float64Array, k: number, labels: Uint16Array): void {
  const { data, n, d } = x;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c]++;
    for (let j = 0; j < d; j++) sums[c * d + j] += data[i * d + j];
  }
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) {
      for (let j = 0; j < d; j++) centres[c * d + j] = sums[c * d + j] / counts[c];
    } else {
      let far = 0;
      let farD = -1;
      for (let i = 0; i < n; i++) {
        const s = sqDist(data, i, d, centres, labels[i]);
        if (s > farD) {
          farD = s;
          far = i;
        }
      }
      centres.set(data.subarray(far * d, far * d + d), c * d);
      labels[far] = c;
    }
  }
}

function kmeansSeed(company: Company, p: KMeansParams): string | number {
  return p.seed ?? deriveSeed(company.seed, 'kmeans');
}

/** Step generator: yields after seeding (iteration 0) and after every Lloyd iteration. */
export function* kmeansSteps(company: Company, params?: unknown): Generator<KMeansStep, void, undefined> {
  const p = resolveKMeansParams(params);
  const x = standardise(company, p.features, p.logTransform);
  const k = Math.min(p.k, x.n);
  const rng = createRng(kmeansSeed(company, p));
  const centres = seedCentroids(x, k, rng);
  const labels = new Uint16Array(x.n);
  let [inertia, changed] = assign(x, centres, k, labels, true);
  yield { iteration: 0, centroids: toRows(centres, k, x.d), labels: labels.slice(), inertia, changed, converged: false };
  for (let it = 1; it <= p.maxIterations; it++) {
    update(x, centres, k, labels);
    [inertia, changed] = assign(x, centres, k, labels, false);
    const converged = changed === 0;
    yield { iteration: it, centroids: toRows(centres, k, x.d), labels: labels.slice(), inertia, changed, converged };
    if (converged) return;
  }
}

export interface KMeansResult extends KMeansStep {
  features: KMeansFeature[];
  /** cluster means of the raw (untransformed) features, k × d, original units */
  centroidsRaw: number[][];
  sizes: number[];
}

/** Run k-means to convergence (or maxIterations) and return the final state. */
export function kmeans(company: Company, params?: unknown): KMeansResult {
  const p = resolveKMeansParams(params);
  let last: KMeansStep | undefined;
  for (const step of kmeansSteps(company, p)) last = step;
  if (!last) throw new EngineError('params.maxIterations', p.maxIterations, '1..500'); // unreachable: generator yields at least once
  const k = last.centroids.length;
  const d = p.features.length;
  const sums = new Float64Array(k * d);
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < company.customers.n; i++) {
    const c = last.labels[i];
    sizes[c]++;
    p.features.forEach((f, j) => {
      sums[c * d + j] += rawFeature(company, f, i);
    });
  }
  const centroidsRaw = sizes.map((s, c) => p.features.map((_, j) => (s > 0 ? sums[c * d + j] / s : 0)));
  return { ...last, features: p.features.slice(), centroidsRaw, sizes };
}

/** k-means as a Segmentation: clusters renumbered by size (largest = "cluster-1"). */
export function segmentByKMeans(company: Company, params?: unknown): Segmentation {
  const r = kmeans(company, params);
  const k = r.sizes.length;
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => r.sizes[b] - r.sizes[a] || a - b);
  const rank = new Uint16Array(k);
  order.forEach((c, i) => (rank[c] = i));
  const labels = new Uint16Array(r.labels.length);
  for (let i = 0; i < labels.length; i++) labels[i] = rank[r.labels[i]];
  const defs = order.map((_, i) => ({ key: `cluster-${i + 1}`, name: L(`Cluster ${i + 1}`, `聚类 ${i + 1}`) }));
  return buildSegmentation(company, 'kmeans', labels, defs);
}
