/**
 * Needs-based segmentation: which need dominates a customer's buying decision.
 * Each chosen need is scored per customer and z-scored across the customer base, so that needs on
 * different scales compete fairly; the customer joins the segment of its highest z-score, or
 * "balanced" when no need stands out (max z below `minScore`).
 * Need scores (all "higher = stronger need"):
 *   price = priceSensitivity; speed = −ln(requiredLeadTimeDays) (short lead time = urgent);
 *   service = supportNeed; quality = qualityRequirement; customisation = customisationNeed.
 */
import type { Company, Segmentation } from '../types';
import { EngineError, checkKnownKeys, checkNumber, checkObject, checkOneOf } from '../errors';
import { buildSegmentation, L, meanSd, type SegmentDef } from './common';

export const NEEDS = ['price', 'speed', 'service', 'quality', 'customisation'] as const;
export type Need = (typeof NEEDS)[number];

export interface NeedsParams {
  /** needs that compete, 2..5 distinct, in display order */
  priorities: Need[];
  /** minimum z-score of the dominant need, else "balanced"; −3..3 (default 0.25) */
  minScore: number;
}

export const DEFAULT_NEEDS_PARAMS: NeedsParams = { priorities: ['price', 'speed', 'service'], minScore: 0.25 };

const NEED_NAMES: Record<Need, SegmentDef> = {
  price: { key: 'price', name: L('Price-first', '价格优先') },
  speed: { key: 'speed', name: L('Speed-first', '速度优先') },
  service: { key: 'service', name: L('Service-first', '服务优先') },
  quality: { key: 'quality', name: L('Quality-first', '质量优先') },
  customisation: { key: 'customisation', name: L('Customisation-first', '定制优先') },
};

export function resolveNeedsParams(params: unknown, field = 'params'): NeedsParams {
  const p = checkObject(field, params);
  checkKnownKeys(field, p, ['priorities', 'minScore']);
  let priorities = DEFAULT_NEEDS_PARAMS.priorities.slice();
  if (p.priorities !== undefined) {
    if (!Array.isArray(p.priorities) || p.priorities.length < 2 || p.priorities.length > NEEDS.length)
      throw new EngineError(`${field}.priorities`, p.priorities, `2..5 distinct of ${NEEDS.join('|')}`);
    priorities = p.priorities.map((x, i) => checkOneOf(`${field}.priorities[${i}]`, x, NEEDS));
    if (new Set(priorities).size !== priorities.length)
      throw new EngineError(`${field}.priorities`, p.priorities, `2..5 distinct of ${NEEDS.join('|')}`, 'has duplicates');
  }
  const minScore = p.minScore === undefined ? DEFAULT_NEEDS_PARAMS.minScore : checkNumber(`${field}.minScore`, p.minScore, -3, 3);
  return { priorities, minScore };
}

function needScore(company: Company, need: Need): Float64Array {
  const c = company.customers;
  const out = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) {
    switch (need) {
      case 'price': out[i] = c.priceSensitivity[i]; break;
      case 'speed': out[i] = -Math.log(c.requiredLeadTimeDays[i]); break;
      case 'service': out[i] = c.supportNeed[i]; break;
      case 'quality': out[i] = c.qualityRequirement[i]; break;
      case 'customisation': out[i] = c.customisationNeed[i]; break;
    }
  }
  const { mean, sd } = meanSd(out);
  for (let i = 0; i < c.n; i++) out[i] = (out[i] - mean) / sd;
  return out;
}

export function segmentByNeeds(company: Company, params?: unknown): Segmentation {
  const p = resolveNeedsParams(params);
  const c = company.customers;
  const scores = p.priorities.map((need) => needScore(company, need));
  const balanced = p.priorities.length;
  const labels = new Uint16Array(c.n);
  for (let i = 0; i < c.n; i++) {
    let best = 0;
    for (let j = 1; j < scores.length; j++) if (scores[j][i] > scores[best][i]) best = j;
    labels[i] = scores[best][i] >= p.minScore ? best : balanced;
  }
  const defs = [...p.priorities.map((n) => NEED_NAMES[n]), { key: 'balanced', name: L('Balanced needs', '需求均衡') }];
  return buildSegmentation(company, 'needs', labels, defs);
}
