/**
 * Geographic segmentation:
 * - 'domestic': domestic (China) vs international customers;
 * - 'region': one segment per sales region (East/North/South/Central/West China, Southeast Asia,
 *   Europe, North America);
 * - 'warehouse': by the facility that serves the customer's region (central DC or a regional warehouse/hub);
 * - 'distance': distance bands from the central DC in Suzhou, km, cut at `distanceBands`
 *   (default 500, 2,000, 8,000 km: same-day truck, domestic long-haul, regional sea, intercontinental).
 */
import type { Company, Segmentation } from '../types';
import { EngineError, checkKnownKeys, checkNumber, checkObject, checkOneOf } from '../errors';
import { buildSegmentation, L, type SegmentDef } from './common';

export const GEOGRAPHY_BASES = ['domestic', 'region', 'warehouse', 'distance'] as const;
export type GeographyBasis = (typeof GEOGRAPHY_BASES)[number];

export interface GeographyParams {
  by: GeographyBasis;
  /** ascending band edges, km, 1..6 values within 1..50000 */
  distanceBands: number[];
}

export const DEFAULT_GEOGRAPHY_PARAMS: GeographyParams = { by: 'domestic', distanceBands: [500, 2000, 8000] };

export function resolveGeographyParams(params: unknown, field = 'params'): GeographyParams {
  const p = checkObject(field, params);
  checkKnownKeys(field, p, ['by', 'distanceBands']);
  const by = p.by === undefined ? DEFAULT_GEOGRAPHY_PARAMS.by : checkOneOf(`${field}.by`, p.by, GEOGRAPHY_BASES);
  let distanceBands = DEFAULT_GEOGRAPHY_PARAMS.distanceBands.slice();
  if (p.distanceBands !== undefined) {
    const v = p.distanceBands;
    if (!Array.isArray(v) || v.length < 1 || v.length > 6) throw new EngineError(`${field}.distanceBands`, v, '1..6 ascending distances in km');
    distanceBands = v.map((x, i) => checkNumber(`${field}.distanceBands[${i}]`, x, 1, 50000));
    for (let i = 1; i < distanceBands.length; i++)
      if (distanceBands[i] <= distanceBands[i - 1])
        throw new EngineError(`${field}.distanceBands[${i}]`, distanceBands[i], `more than ${distanceBands[i - 1]}`, 'is not ascending');
  }
  return { by, distanceBands };
}

export function segmentByGeography(company: Company, params?: unknown): Segmentation {
  const p = resolveGeographyParams(params);
  const c = company.customers;
  const labels = new Uint16Array(c.n);
  let defs: SegmentDef[];
  if (p.by === 'domestic') {
    for (let i = 0; i < c.n; i++) labels[i] = c.international[i];
    defs = [
      { key: 'domestic', name: L('Domestic (China)', '国内客户') },
      { key: 'international', name: L('International', '海外客户') },
    ];
  } else if (p.by === 'region') {
    for (let i = 0; i < c.n; i++) labels[i] = c.region[i];
    defs = company.regions.map((r) => ({ key: r.key, name: r.name }));
  } else if (p.by === 'warehouse') {
    const used = [...new Set(company.regions.map((r) => r.warehouse))].sort((a, b) => a - b);
    const slot = new Map(used.map((w, s) => [w, s]));
    const regionSlot = company.regions.map((r) => slot.get(r.warehouse) ?? 0);
    for (let i = 0; i < c.n; i++) labels[i] = regionSlot[c.region[i]];
    defs = used.map((w) => ({ key: company.facilities[w].key, name: company.facilities[w].name }));
  } else {
    const edges = p.distanceBands;
    for (let i = 0; i < c.n; i++) {
      let b = 0;
      while (b < edges.length && c.distanceKm[i] >= edges[b]) b++;
      labels[i] = b;
    }
    const fmt = (x: number) => String(x);
    defs = [
      { key: `under-${edges[0]}km`, name: L(`Under ${fmt(edges[0])} km`, `${fmt(edges[0])} 公里以内`) },
      ...edges.slice(1).map((e, j) => ({
        key: `${edges[j]}-${e}km`,
        name: L(`${fmt(edges[j])}–${fmt(e)} km`, `${fmt(edges[j])}–${fmt(e)} 公里`),
      })),
      { key: `over-${edges[edges.length - 1]}km`, name: L(`${fmt(edges[edges.length - 1])} km and more`, `${fmt(edges[edges.length - 1])} 公里及以上`) },
    ];
  }
  return buildSegmentation(company, 'geography', labels, defs);
}
