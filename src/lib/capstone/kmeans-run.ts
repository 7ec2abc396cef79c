/**
 * Pure k-means helpers shared by the capstone's main-thread path and its worker (capstone.worker.ts),
 * so both give byte-identical results: the same engine functions on the same company.
 * - `capstoneCompany(seed, customers)`: the sample company (generateCompany, cached per seed/size);
 * - `allKMeansSteps(company, params)`: every step of the engine's k-means generator (kmeansSteps:
 *   Lloyd 1982 with k-means++ seeding, z-scored features, see simulations/segmentation/kmeans.ts);
 * - `segmentKeysOf(company, spec)`: the segment keys a spec gives, without running k-means (the
 *   engine's segmentByKMeans always makes min(k, n) clusters keyed cluster-1..cluster-k, largest first).
 */
import type { Company, SegmentationSpec } from '@sim/types';
import { generateCompany } from '@sim/company/generate';
import { segment } from '@sim/segmentation/index';
import { kmeansSteps, resolveKMeansParams, type KMeansStep } from '@sim/segmentation/kmeans';
import type { CapRequest, CapResponse } from './capstone-protocol';

let cache: { seed: number; customers: number; company: Company } | null = null;

/** The capstone's sample company (same call as CapstoneLab makes), cached for the last seed and size. */
export function capstoneCompany(seed: number, customers: number): Company {
  if (cache && cache.seed === seed && cache.customers === customers) return cache.company;
  const company = generateCompany(seed, { customers });
  cache = { seed, customers, company };
  return company;
}

/** Every step of the engine's k-means run (throws the engine's error on bad params). */
export function allKMeansSteps(company: Company, params: unknown): KMeansStep[] {
  const out: KMeansStep[] = [];
  for (const s of kmeansSteps(company, params)) out.push(s);
  return out;
}

/**
 * Keys of the segments `segment(company, spec)` returns, in order. For k-means this is computed from
 * the parameters alone (cluster-1..cluster-min(k, n)); other methods run the (fast) engine segmentation.
 * Throws the engine's error for a bad spec, like segment().
 */
export function segmentKeysOf(company: Company, spec: SegmentationSpec): string[] {
  if (spec.method === 'kmeans') {
    const p = resolveKMeansParams(spec.params);
    const k = Math.min(p.k, company.customers.n);
    return Array.from({ length: k }, (_, i) => `cluster-${i + 1}`);
  }
  return segment(company, spec).segments.map((s) => s.key);
}

/**
 * The worker's answer to one request (capstone.worker.ts serves it through src/lib/worker/rpc.ts
 * serveRpc; tests call it directly to compare with the main-thread path). An engine error is thrown
 * with its message cut to 200 characters, and serveRpc sends it as an error reply.
 * `transfer` lists the distinct buffers of the steps' label arrays (each step owns a copy).
 */
export function answerCapRequest(msg: CapRequest, now: () => number = () => performance.now()): { value: CapResponse; transfer: ArrayBuffer[] } {
  const t0 = now();
  try {
    const company = capstoneCompany(msg.company.seed, msg.company.customers);
    if (msg.kind === 'steps') {
      const steps = allKMeansSteps(company, msg.params);
      const transfer = [...new Set(steps.map((s) => s.labels.buffer as ArrayBuffer))];
      return { value: { kind: 'steps', steps, ms: now() - t0 }, transfer };
    }
    // the segmentation's labels are small (2 bytes per customer): copied, not transferred
    const segmentation = segment(company, msg.spec);
    return { value: { kind: 'segment', segmentation, ms: now() - t0 }, transfer: [] };
  } catch (e) {
    throw new Error((e instanceof Error ? e.message : String(e)).slice(0, 200));
  }
}
