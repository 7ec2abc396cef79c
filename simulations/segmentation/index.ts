/**
 * segment(company, spec): one entry point for every segmentation method, used by plans.
 * Validates the spec (method and params) and throws EngineError naming the offending field.
 */
import type { Company, Segmentation, SegmentationMethod, SegmentationSpec } from '../types';
import { EngineError, checkObject, checkOneOf } from '../errors';
import { buildSegmentation, L } from './common';
import { segmentByNeeds } from './needs';
import { segmentByValue } from './value';
import { segmentByGeography } from './geography';
import { segmentByLifecycle } from './lifecycle';
import { segmentByBehaviour } from './behaviour';
import { segmentByRules } from './rules';
import { segmentByKMeans } from './kmeans';

export const SEGMENTATION_METHODS: readonly SegmentationMethod[] = ['none', 'needs', 'value', 'geography', 'lifecycle', 'behaviour', 'rules', 'kmeans'];

/** One segment "all": the one-size-fits-all baseline. */
export function segmentNone(company: Company, params?: unknown): Segmentation {
  const p = checkObject('params', params);
  const extra = Object.keys(p);
  if (extra.length > 0) throw new EngineError(`params.${extra[0]}`, p[extra[0]], 'no parameters for method "none"', 'is not a known parameter');
  return buildSegmentation(company, 'none', new Uint16Array(company.customers.n), [{ key: 'all', name: L('All customers', '全部客户') }]);
}

const DISPATCH: Record<SegmentationMethod, (company: Company, params?: unknown) => Segmentation> = {
  none: segmentNone,
  needs: segmentByNeeds,
  value: segmentByValue,
  geography: segmentByGeography,
  lifecycle: segmentByLifecycle,
  behaviour: segmentByBehaviour,
  rules: segmentByRules,
  kmeans: segmentByKMeans,
};

export function segment(company: Company, spec: SegmentationSpec): Segmentation {
  const s = checkObject('segmentation', spec);
  const method = checkOneOf('method', s.method, SEGMENTATION_METHODS);
  return DISPATCH[method](company, s.params);
}
