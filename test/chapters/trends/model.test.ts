/**
 * The trends lab's logic (src/lib/trends): plans, figures, the two guided tasks (pinned achievable at
 * seed 42 with 2,000 customers), the share-link codec and the strings of both locales.
 */
import { describe, expect, it } from 'vitest';
import { generateCompany } from '../../../simulations/company/generate';
import { segment } from '../../../simulations/segmentation/index';
import { simulate } from '../../../simulations/simulate/simulate';
import { validatePlan } from '../../../simulations/strategy/plan';
import {
  BASELINE_STATE,
  DIGITAL_MAX,
  START_STATE,
  TRENDS_CUSTOMERS,
  TRENDS_SEED,
  TRENDS_SEGMENTATION,
  checkGreen,
  checkInformation,
  cloneState,
  digitalItCost,
  legCo2eKg,
  planOf,
  runState,
  sameState,
  snapDigital,
  type TrendsState,
} from '../../../src/lib/trends/model';
import { decodeChoice, decodeTrends, encodeChoice, encodeTrends, trendsShareUrl } from '../../../src/lib/trends/share';
import { TRENDS_STRINGS, tt } from '../../../src/components/trends/strings';

const company = generateCompany(TRENDS_SEED, { customers: TRENDS_CUSTOMERS });
const seg = segment(company, TRENDS_SEGMENTATION);
const start = runState(company, seg, START_STATE);
const base = runState(company, seg, BASELINE_STATE);

function state(dom: string, intl: string, digital = 0): TrendsState {
  const d = decodeChoice(dom);
  const i = decodeChoice(intl);
  if (!d || !i) throw new Error('bad code');
  return { digital, segments: { domestic: d, international: i } };
}

describe('trends model', () => {
  it('builds a valid engine plan with the chosen levers and the default for the rest', () => {
    const p = validatePlan(planOf(state('rrp', 'ers', 0.2)));
    expect(p.segmentation).toEqual(TRENDS_SEGMENTATION);
    expect(p.strategies.domestic).toMatchObject({ supplyChain: 'responsive', fulfilment: 'regional', delivery: 'priority', serviceLevel: 0.95, discount: 0 });
    expect(p.strategies.international).toMatchObject({ supplyChain: 'efficient', fulfilment: 'regional', delivery: 'standard' });
  });

  it('figures agree with a direct engine run, segments sum to totals and nothing is NaN', () => {
    const s = state('ecp', 'ers', 0.3);
    const f = runState(company, seg, s);
    const r = simulate(company, planOf(s), { weeks: 52, seed: 42, digital: { forecastImprovement: 0.3 } });
    expect(f.profit).toBeCloseTo(r.totals.profit, 3);
    expect(f.co2eTonnes).toBeCloseTo(r.totals.co2eTonnes as number, 6);
    expect(f.segments[0].co2eTonnes + f.segments[1].co2eTonnes).toBeCloseTo(f.co2eTonnes, 6);
    expect(f.segments.map((x) => x.customers)).toEqual([1620, 380]);
    for (const v of Object.values(f)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });

  it('the IT cost is what the engine books: the cost difference when its rates are zeroed', () => {
    const s = state('ecs', 'ecs', 0.4);
    const withCost = simulate(company, planOf(s), { seed: 42, digital: { forecastImprovement: 0.4 } });
    const free = simulate(company, planOf(s), { seed: 42, digital: { forecastImprovement: 0.4 }, params: { digitalFixedCost: 0, digitalCostPerCustomer: 0 } });
    expect(digitalItCost(0.4, 2000)).toBe(600_000);
    expect(withCost.totals.cost.orderHandling - free.totals.cost.orderHandling).toBeCloseTo(digitalItCost(0.4, 2000), 0);
    expect(digitalItCost(0, 2000)).toBe(0);
  });

  it('air freight dominates: in the starting plan the 19 % international customers emit over 90 % of the CO2e', () => {
    expect(start.segments[1].customers / TRENDS_CUSTOMERS).toBeCloseTo(0.19, 2);
    expect(start.segments[1].co2eTonnes / start.co2eTonnes).toBeGreaterThan(0.9);
    expect(start.co2eTonnes).toBeGreaterThan(20 * base.co2eTonnes);
  });

  it('leg CO2e is mass × distance × factor: 1 t by air over 1,000 km emits 800 kg, by sea 12 kg', () => {
    expect(legCo2eKg(1000, 1000, 'air')).toBeCloseTo(800, 9);
    expect(legCo2eKg(1000, 1000, 'ocean')).toBeCloseTo(12, 9);
    expect(legCo2eKg(2.5, 9000, 'air')).toBeCloseTo(18, 9);
  });

  it('snaps the digital lever to its grid and range', () => {
    expect(snapDigital(0.31)).toBe(0.3);
    expect(snapDigital(0.33)).toBe(0.35);
    expect(snapDigital(-1)).toBe(0);
    expect(snapDigital(9)).toBe(DIGITAL_MAX);
    expect(snapDigital(Number.NaN)).toBe(0);
  });
});

describe('task 1: green without losing customers (seed 42)', () => {
  it('the starting plan itself does not meet it (CO2e not cut)', () => {
    const t = checkGreen(start, start);
    expect(t.met).toBe(false);
    expect(t.reasons.map((r) => r.key)).toEqual(['task.green.co2Short']);
  });

  it('is achievable: hubs by sea abroad, priority kept at home', () => {
    const f = runState(company, seg, state('ecp', 'ers'));
    const t = checkGreen(f, start);
    expect(t.met).toBe(true);
    expect(f.co2eTonnes).toBeLessThan(0.1 * start.co2eTonnes);
    expect(f.satisfaction).toBeGreaterThan(start.satisfaction);
    expect(f.profit).toBeGreaterThan(start.profit);
  });

  it('one size fits all cuts CO2e but fails on satisfaction, and says so', () => {
    const t = checkGreen(base, start);
    expect(t.met).toBe(false);
    expect(t.reasons.map((r) => r.key)).toEqual(['task.green.satShort']);
    expect(base.satisfaction).toBeLessThan(start.satisfaction - 1);
  });

  it('a responsive chain feeding the hubs flies the stock: CO2e stays high', () => {
    const f = runState(company, seg, state('ecp', 'rrs'));
    const t = checkGreen(f, start);
    expect(t.met).toBe(false);
    expect(t.reasons[0].key).toBe('task.green.co2Short');
  });
});

describe('task 2: information instead of inventory (seed 42)', () => {
  it('hubs without the platform hold more safety stock than the pooled start, and the hint names the level', () => {
    const s = state('ecp', 'ers', 0);
    const f = runState(company, seg, s);
    expect(f.safetyStock).toBeGreaterThan(start.safetyStock);
    const t = checkInformation(s, f, start);
    expect(t.met).toBe(false);
    expect(t.reasons[0].key).toBe('task.info.ssHigh');
    expect(t.reasons[0].vars.level.v).toBeCloseTo(0.45, 9);
  });

  it('is met with the hubs and 45 % of the forecast error removed, not with 40 %', () => {
    const s45 = state('ecp', 'ers', 0.45);
    const s40 = state('ecp', 'ers', 0.4);
    expect(checkInformation(s45, runState(company, seg, s45), start).met).toBe(true);
    expect(checkInformation(s40, runState(company, seg, s40), start).met).toBe(false);
  });

  it('safety stock scales with (1 − f) exactly', () => {
    const a = runState(company, seg, state('ecp', 'ers', 0));
    const b = runState(company, seg, state('ecp', 'ers', 0.3));
    expect(b.safetyStock / a.safetyStock).toBeCloseTo(0.7, 9);
  });

  it('says when the platform cannot close the gap (every segment on its own regional stock)', () => {
    const s = state('erp', 'ers', 0.5);
    const f = runState(company, seg, s);
    const t = checkInformation(s, f, start);
    expect(t.met).toBe(false);
    expect(t.reasons[0].key).toBe('task.info.ssUnreachable');
  });

  it('requires the hubs: the starting plan with the platform is not enough', () => {
    const s = state('ecp', 'ecp', 0.5);
    const t = checkInformation(s, runState(company, seg, s), start);
    expect(t.met).toBe(false);
    expect(t.reasons.map((r) => r.key)).toContain('task.info.noHubs');
  });
});

describe('trends share links', () => {
  it('round-trips a state exactly', () => {
    const s = state('rrp', 'ecs', 0.35);
    const q = encodeTrends(s);
    expect(q.toString()).toBe('trends.f=0.35&trends.domestic=rrp&trends.international=ecs');
    const d = decodeTrends(q.toString());
    expect(d.present).toBe(true);
    expect(d.ignored).toEqual([]);
    expect(sameState(d.state, s)).toBe(true);
  });

  it('keeps other islands’ parameters and anchors the link at the lab', () => {
    const url = trendsShareUrl('https://example.org/en/lessons/10-trends/?lab=value&trends.f=0.1#x', state('ecs', 'ers', 0.2));
    const u = new URL(url);
    expect(u.searchParams.get('lab')).toBe('value');
    expect(u.searchParams.get('trends.f')).toBe('0.2');
    expect(u.searchParams.getAll('trends.f')).toHaveLength(1);
    expect(u.hash).toBe('#trends-lab');
  });

  it('without trends parameters: the starting plan, nothing ignored', () => {
    const d = decodeTrends('?lab=value&seed=3');
    expect(d.present).toBe(false);
    expect(d.ignored).toEqual([]);
    expect(sameState(d.state, START_STATE)).toBe(true);
  });

  it.each([
    ['trends.f=0.9&trends.domestic=ecs&trends.international=ecs', 'trends.f', 'range'],
    ['trends.f=abc&trends.domestic=ecs&trends.international=ecs', 'trends.f', 'malformed'],
    ['trends.f=0.1&trends.domestic=xyz&trends.international=ecs', 'trends.domestic', 'malformed'],
    ['trends.f=0.1&trends.domestic=ecs&trends.international=ecs&trends.colour=red', 'trends.colour', 'unknown'],
    ['trends.f=0.1&trends.domestic=ecs', 'trends.international', 'missing'],
    ['trends.f=0.1&trends.f=0.2&trends.domestic=ecs&trends.international=ecs', 'trends.f', 'malformed'],
  ])('%s → %s is %s, the rest is used and defaults fill in', (query, param, reason) => {
    const d = decodeTrends(query);
    expect(d.present).toBe(true);
    expect(d.ignored).toContainEqual(expect.objectContaining({ param, reason }));
    for (const k of ['digital'] as const) expect(Number.isFinite(d.state[k])).toBe(true);
    expect(['efficient', 'responsive']).toContain(d.state.segments.international.supplyChain);
  });

  it('a bad link falls back to the starting plan for every bad value', () => {
    const d = decodeTrends('trends.f=-1&trends.domestic=&trends.international=zzz');
    expect(sameState(d.state, START_STATE)).toBe(true);
    expect(d.ignored).toHaveLength(3);
  });

  it('codes cover every option', () => {
    const all = cloneState(BASELINE_STATE).segments.domestic;
    expect(decodeChoice(encodeChoice(all))).toEqual(all);
    expect(decodeChoice('ecx')).toBeNull();
    expect(decodeChoice('ec')).toBeNull();
  });
});

describe('trends strings', () => {
  const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it('both locales have the same keys and the same placeholders, none empty', () => {
    const en = TRENDS_STRINGS.en as Record<string, string>;
    const zh = TRENDS_STRINGS['zh-cn'] as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) {
      expect(en[k].trim().length, k).toBeGreaterThan(0);
      expect(zh[k].trim().length, k).toBeGreaterThan(0);
      expect(placeholders(zh[k]), k).toEqual(placeholders(en[k]));
    }
  });

  it('every reason key the model emits has a string', () => {
    const keys = ['task.green.co2Short', 'task.green.satShort', 'task.green.profitShort', 'task.green.met', 'task.info.noHubs', 'task.info.ssHigh', 'task.info.ssUnreachable', 'task.info.met'];
    for (const k of keys) for (const lang of ['en', 'zh-cn'] as const) expect(tt(lang, `trends.${k}`)).not.toBe(`trends.${k}`);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(tt('en', 'trends.plan.customers', { count: '380' })).toBe('380 customers');
    expect(tt('zh-cn', 'trends.plan.customers', { count: '380' })).toBe('380 个客户');
    expect(tt('en', 'trends.plan.customers')).toBe('{count} customers');
  });
});
