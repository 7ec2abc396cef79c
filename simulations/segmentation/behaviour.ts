/**
 * Behavioural segmentation by how customers buy:
 * - 'channel': direct sales / online portal / distributor / EDI;
 * - 'frequency': frequent (≥ frequencyThreshold orders per year, default 24 = twice a month) vs occasional;
 * - 'orderSize': large (average order value ≥ orderSizeThreshold, default USD 10,000) vs small;
 * - 'frequency-size': the 2 × 2 of frequency and order size (default);
 * - 'variability': steady vs volatile demand (weekly demand CV ≥ cvThreshold, default 0.5).
 */
import type { Company, Segmentation } from '../types';
import { CHANNELS } from '../types';
import { checkKnownKeys, checkNumber, checkObject, checkOneOf } from '../errors';
import { buildSegmentation, L, type SegmentDef } from './common';

export const BEHAVIOUR_BASES = ['channel', 'frequency', 'orderSize', 'frequency-size', 'variability'] as const;
export type BehaviourBasis = (typeof BEHAVIOUR_BASES)[number];

export interface BehaviourParams {
  by: BehaviourBasis;
  /** orders per year, 1..365 */
  frequencyThreshold: number;
  /** average order value, USD, 1..10,000,000 */
  orderSizeThreshold: number;
  /** coefficient of variation of weekly demand, 0.01..3 */
  cvThreshold: number;
}

export const DEFAULT_BEHAVIOUR_PARAMS: BehaviourParams = { by: 'frequency-size', frequencyThreshold: 24, orderSizeThreshold: 10_000, cvThreshold: 0.5 };

export const CHANNEL_NAMES: Record<(typeof CHANNELS)[number], SegmentDef> = {
  direct: { key: 'direct', name: L('Direct sales', '直销') },
  portal: { key: 'portal', name: L('Online portal', '线上门户') },
  distributor: { key: 'distributor', name: L('Distributor', '经销商') },
  edi: { key: 'edi', name: L('EDI', 'EDI 电子数据交换') },
};

export function resolveBehaviourParams(params: unknown, field = 'params'): BehaviourParams {
  const p = checkObject(field, params);
  checkKnownKeys(field, p, ['by', 'frequencyThreshold', 'orderSizeThreshold', 'cvThreshold']);
  const d = DEFAULT_BEHAVIOUR_PARAMS;
  return {
    by: p.by === undefined ? d.by : checkOneOf(`${field}.by`, p.by, BEHAVIOUR_BASES),
    frequencyThreshold: p.frequencyThreshold === undefined ? d.frequencyThreshold : checkNumber(`${field}.frequencyThreshold`, p.frequencyThreshold, 1, 365),
    orderSizeThreshold: p.orderSizeThreshold === undefined ? d.orderSizeThreshold : checkNumber(`${field}.orderSizeThreshold`, p.orderSizeThreshold, 1, 10_000_000),
    cvThreshold: p.cvThreshold === undefined ? d.cvThreshold : checkNumber(`${field}.cvThreshold`, p.cvThreshold, 0.01, 3),
  };
}

export function segmentByBehaviour(company: Company, params?: unknown): Segmentation {
  const p = resolveBehaviourParams(params);
  const c = company.customers;
  const labels = new Uint16Array(c.n);
  let defs: SegmentDef[];
  switch (p.by) {
    case 'channel':
      for (let i = 0; i < c.n; i++) labels[i] = c.channel[i];
      defs = CHANNELS.map((ch) => CHANNEL_NAMES[ch]);
      break;
    case 'frequency':
      for (let i = 0; i < c.n; i++) labels[i] = c.ordersPerYear[i] >= p.frequencyThreshold ? 0 : 1;
      defs = [
        { key: 'frequent', name: L('Frequent buyers', '高频客户') },
        { key: 'occasional', name: L('Occasional buyers', '低频客户') },
      ];
      break;
    case 'orderSize':
      for (let i = 0; i < c.n; i++) labels[i] = c.avgOrderValue[i] >= p.orderSizeThreshold ? 0 : 1;
      defs = [
        { key: 'large-orders', name: L('Large orders', '大单客户') },
        { key: 'small-orders', name: L('Small orders', '小单客户') },
      ];
      break;
    case 'variability':
      for (let i = 0; i < c.n; i++) labels[i] = c.demandCv[i] >= p.cvThreshold ? 1 : 0;
      defs = [
        { key: 'steady', name: L('Steady demand', '需求平稳') },
        { key: 'volatile', name: L('Volatile demand', '需求波动') },
      ];
      break;
    default:
      for (let i = 0; i < c.n; i++) {
        const frequent = c.ordersPerYear[i] >= p.frequencyThreshold;
        const large = c.avgOrderValue[i] >= p.orderSizeThreshold;
        labels[i] = frequent ? (large ? 0 : 1) : large ? 2 : 3;
      }
      defs = [
        { key: 'frequent-large', name: L('Frequent, large orders', '高频大单') },
        { key: 'frequent-small', name: L('Frequent, small orders', '高频小单') },
        { key: 'occasional-large', name: L('Occasional, large orders', '低频大单') },
        { key: 'occasional-small', name: L('Occasional, small orders', '低频小单') },
      ];
  }
  return buildSegmentation(company, 'behaviour', labels, defs);
}
