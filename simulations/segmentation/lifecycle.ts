/**
 * Product-lifecycle segmentation: what share of a customer's revenue is on new, innovative products
 * (short life, high margin, uncertain demand) versus mature, functional ones (Fisher 1997).
 *   new-product buyers: newProductShare ≥ newThreshold (default 0.6)
 *   mature-product buyers: newProductShare ≤ matureThreshold (default 0.3)
 *   mixed: in between.
 */
import type { Company, Segmentation } from '../types';
import { EngineError, checkKnownKeys, checkNumber, checkObject } from '../errors';
import { buildSegmentation, L } from './common';

export interface LifecycleParams {
  /** share of revenue on new products at or above which a customer is a new-product buyer, 0..1 */
  newThreshold: number;
  /** share at or below which a customer is a mature-product buyer, 0..newThreshold */
  matureThreshold: number;
}

export const DEFAULT_LIFECYCLE_PARAMS: LifecycleParams = { newThreshold: 0.6, matureThreshold: 0.3 };

export function resolveLifecycleParams(params: unknown, field = 'params'): LifecycleParams {
  const p = checkObject(field, params);
  checkKnownKeys(field, p, ['newThreshold', 'matureThreshold']);
  const newThreshold = p.newThreshold === undefined ? DEFAULT_LIFECYCLE_PARAMS.newThreshold : checkNumber(`${field}.newThreshold`, p.newThreshold, 0.01, 1);
  const matureThreshold =
    p.matureThreshold === undefined ? Math.min(DEFAULT_LIFECYCLE_PARAMS.matureThreshold, newThreshold) : checkNumber(`${field}.matureThreshold`, p.matureThreshold, 0, 0.99);
  if (matureThreshold > newThreshold) throw new EngineError(`${field}.matureThreshold`, matureThreshold, `0..${newThreshold} (not above newThreshold)`);
  return { newThreshold, matureThreshold };
}

export function segmentByLifecycle(company: Company, params?: unknown): Segmentation {
  const p = resolveLifecycleParams(params);
  const c = company.customers;
  const labels = new Uint16Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const s = c.newProductShare[i];
    labels[i] = s >= p.newThreshold ? 0 : s <= p.matureThreshold ? 2 : 1;
  }
  return buildSegmentation(company, 'lifecycle', labels, [
    { key: 'new', name: L('New-product buyers', '新品型客户') },
    { key: 'mixed', name: L('Mixed portfolio', '新旧产品兼购') },
    { key: 'mature', name: L('Mature-product buyers', '成熟产品型客户') },
  ]);
}
