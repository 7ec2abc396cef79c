/**
 * CO2e of freight and warehousing (MODEL.md §7.4): tonne-km by mode × emission factor (GLEC Framework v3 /
 * ISO 14083 default intensities, g CO2e per tonne-km) + kg CO2e per tonne handled at each site.
 */
import { describe, expect, it } from 'vitest';
import { generateCompany } from '../../simulations/company/generate';
import { simulate } from '../../simulations/simulate/simulate';
import { DEFAULT_PARAMS } from '../../simulations/simulate/params';
import { baselinePlan } from '../../simulations/strategy/plan';
import { resultCsv, resultJson } from '../../simulations/cli';
import type { Plan, SegmentStrategy } from '../../simulations/types';

const company = generateCompany(42, { customers: 2000 });
const small = generateCompany(11, { customers: 300 });
const plan = (s: Partial<SegmentStrategy>): Plan => ({ name: 'test', segmentation: { method: 'none' }, strategies: { '*': s } });
const co2 = (p: Plan, params?: Record<string, unknown>) => simulate(company, p, { seed: 42, params }).totals.co2eTonnes as number;
const ZERO = { road: 0, express: 0, ocean: 0, air: 0 };

describe('CO2e', () => {
  it('default factors lie in the GLEC v3 / ISO 14083 default ranges (g CO2e per tonne-km)', () => {
    const f = DEFAULT_PARAMS.emissionFactor;
    expect(f.road).toBeGreaterThanOrEqual(60);
    expect(f.road).toBeLessThanOrEqual(100);
    expect(f.ocean).toBeGreaterThanOrEqual(8);
    expect(f.ocean).toBeLessThanOrEqual(15);
    expect(f.air).toBeGreaterThanOrEqual(500);
    expect(f.air).toBeLessThanOrEqual(1100);
    expect(f.express).toBeGreaterThan(f.road);
  });

  it('is always filled, finite and positive, and segments sum to totals', () => {
    const p: Plan = { name: 'rules', segmentation: { method: 'rules' }, strategies: { '*': {}, 'fast-track': { delivery: 'priority', fulfilment: 'regional' } } };
    const r = simulate(small, p, { weeks: 26 });
    expect(r.totals.co2eTonnes).toBeGreaterThan(0);
    expect(Number.isFinite(r.totals.co2eTonnes)).toBe(true);
    for (const s of r.segments) expect(s.co2eTonnes).toBeGreaterThanOrEqual(0);
    expect(r.segments.reduce((a, s) => a + (s.co2eTonnes as number), 0)).toBeCloseTo(r.totals.co2eTonnes as number, 6);
  });

  it('is linear in the factors: zero factors give zero, doubled factors double it', () => {
    expect(co2(baselinePlan(), { emissionFactor: ZERO, warehouseCo2ePerTonne: 0 })).toBe(0);
    const f = DEFAULT_PARAMS.emissionFactor;
    const doubled = { road: 2 * f.road, express: 2 * f.express, ocean: 2 * f.ocean, air: 2 * f.air };
    expect(co2(baselinePlan(), { emissionFactor: doubled, warehouseCo2ePerTonne: 2 * DEFAULT_PARAMS.warehouseCo2ePerTonne })).toBeCloseTo(2 * co2(baselinePlan()), 6);
  });

  it('priority delivery (air abroad, express at home) raises CO2e many times over', () => {
    const base = co2(baselinePlan());
    const prio = co2(plan({ delivery: 'priority' }));
    expect(prio).toBeGreaterThan(5 * base);
    // a responsive chain ships to regional hubs abroad by air: more CO2e than the efficient chain's ocean freight
    expect(co2(plan({ supplyChain: 'responsive', fulfilment: 'regional' }))).toBeGreaterThan(co2(plan({ fulfilment: 'regional' })));
  });

  it('a regional warehouse shortens the last mile: fewer express tonne-km for priority orders, and no air freight', () => {
    // only the express factor counted: the last-mile express tonne-km of priority orders
    const expressOnly = { emissionFactor: { ...ZERO, express: 100 }, warehouseCo2ePerTonne: 0 };
    const central = co2(plan({ delivery: 'priority' }), expressOnly);
    const regional = co2(plan({ delivery: 'priority', fulfilment: 'regional' }), expressOnly);
    expect(regional).toBeLessThan(central);
    // with all factors: stock held forward and shipped by sea beats flying each priority order
    expect(co2(plan({ delivery: 'priority', fulfilment: 'regional' }))).toBeLessThan(co2(plan({ delivery: 'priority' })) / 5);
    // only air counted: none at all from a regional warehouse fed by the efficient (ocean) chain
    expect(co2(plan({ delivery: 'priority', fulfilment: 'regional' }), { emissionFactor: { ...ZERO, air: 800 }, warehouseCo2ePerTonne: 0 })).toBe(0);
  });

  it('a second site adds warehousing emissions', () => {
    const siteOnly = { emissionFactor: ZERO, warehouseCo2ePerTonne: 2 };
    const c = co2(baselinePlan(), siteOnly);
    const r = co2(plan({ fulfilment: 'regional' }), siteOnly);
    expect(c).toBeGreaterThan(0);
    // East China is served by the central DC itself (one site); every other region passes two sites
    expect(r / c).toBeGreaterThan(1.3);
    expect(r / c).toBeLessThan(2.05);
  });

  it('JSON and CSV output carry co2eTonnes for the totals and every segment', () => {
    const r = simulate(small, baselinePlan(), { weeks: 8 });
    const j = resultJson(r, { detail: false, lang: 'en', seed: 11, weeks: 8, plan: 'x', method: 'none' });
    const totals = j.totals as { co2eTonnes: number };
    expect(totals.co2eTonnes).toBeCloseTo(r.totals.co2eTonnes as number, 3);
    expect((j.segments as { co2eTonnes: number }[])[0].co2eTonnes).toBe(totals.co2eTonnes);
    const csv = resultCsv(r, { detail: false, lang: 'en' }).trim().split('\r\n');
    expect(csv[0].split(',').at(-1)).toBe('co2eTonnes');
    expect(Number(csv[1].split(',').at(-1))).toBeCloseTo(totals.co2eTonnes, 3);
  });
});
