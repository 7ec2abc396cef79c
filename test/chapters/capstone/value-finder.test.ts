import { describe, expect, it } from 'vitest';
import {
  DISCOUNT_DEFAULT,
  GROWTH_DEFAULT,
  checkDiscountRate,
  checkGrowthThreshold,
  findValue,
  scatterPoints,
} from '../../../src/lib/capstone/value-finder';
import { generateCompany } from '../../../simulations/company/generate';
import { crmRecordAt } from '../../../simulations/company/crm-export';
import { segment } from '../../../simulations/segmentation/index';
import type { Company } from '../../../simulations/types';

/**
 * A 50-customer company with hand-set value columns: revenue 1,000 × (i + 1) USD/yr, margin 20 %,
 * retention 80 %, growth 20 % for every fifth customer (i = 0, 5, …, 45) and 0 otherwise.
 */
function handCompany(): Company {
  const base = generateCompany(1, { customers: 50 });
  const n = base.customers.n;
  const customers = {
    ...base.customers,
    annualRevenue: Float64Array.from({ length: n }, (_, i) => 1000 * (i + 1)),
    grossMargin: new Float64Array(n).fill(0.2),
    retention: new Float64Array(n).fill(0.8),
    growth: Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0.2 : 0)),
  };
  return { ...base, customers };
}

describe('findValue: numbers checked by hand', () => {
  const company = handCompany();
  const res = findValue(company, { discountRate: 0.1, growthThreshold: 0.15 });

  it('CLV = margin × r / (1 + d − r): 1,000 × 0.2 × 0.8 / 0.3 = 533.33 USD per 1,000 USD of revenue', () => {
    expect(res.clv[0]).toBeCloseTo(533.3333, 3);
    expect(res.clv[49]).toBeCloseTo(50 * 533.3333, 2); // 26,666.67
    // total: 533.33 × (1 + … + 50) = 533.33 × 1,275 = 680,000
    expect(res.totalClv).toBeCloseTo(680_000, 4);
  });

  it('top 10 by CLV are the 10 largest customers, in order, with CRM ids and names', () => {
    expect(res.top.map((t) => t.index)).toEqual([49, 48, 47, 46, 45, 44, 43, 42, 41, 40]);
    expect(res.top[0].id).toBe('KC-000050');
    expect(res.top[0].name).toEqual(crmRecordAt(company, 49).name);
    expect(res.top[0].annualRevenue).toBe(50_000);
  });

  it('high value = top 20 % by CLV (10 of 50); high potential = growth ≥ 15 % outside them', () => {
    expect(res.counts).toEqual([10, 8, 32]); // potential: i = 0, 5, …, 35 (45 is high value)
    expect(res.highValueCutoff).toBeCloseTo(41 * 533.3333, 2); // customer 40, the 10th largest
    for (let i = 0; i < 50; i++) expect(res.group[i]).toBe(i >= 40 ? 0 : i % 5 === 0 ? 1 : 2);
    // CLV share of the high-value group: (41 + … + 50) / 1,275 = 455 / 1,275
    expect(res.clvShares[0]).toBeCloseTo(455 / 1275, 10);
    // potential: (1 + 6 + 11 + … + 36) / 1,275 = 148 / 1,275
    expect(res.clvShares[1]).toBeCloseTo(148 / 1275, 10);
    expect(res.clvShares[0] + res.clvShares[1] + res.clvShares[2]).toBeCloseTo(1, 12);
  });

  it('top potential customers are sorted by growth, then CLV', () => {
    expect(res.topPotential.map((t) => t.index)).toEqual([35, 30, 25, 20, 15, 10, 5, 0]);
  });

  it('a higher discount rate lowers every CLV: d = 0.3 → × 0.8 / 0.5 = 320 per 1,000 USD', () => {
    const r = findValue(company, { discountRate: 0.3, growthThreshold: 0.15 });
    expect(r.clv[0]).toBeCloseTo(320, 6);
    expect(r.discountRate).toBe(0.3);
  });

  it('raising the growth threshold above every growth leaves no high-potential customer', () => {
    const r = findValue(company, { discountRate: 0.1, growthThreshold: 0.25 });
    expect(r.counts).toEqual([10, 0, 40]);
    expect(r.topPotential).toEqual([]);
  });

  it('bad parameters fall back to the defaults instead of producing NaN', () => {
    const r = findValue(company, { discountRate: Number.NaN, growthThreshold: 9 });
    expect(r.discountRate).toBe(DISCOUNT_DEFAULT);
    expect(r.growthThreshold).toBe(GROWTH_DEFAULT);
    expect(Number.isFinite(r.totalClv)).toBe(true);
  });

  it('input company is not mutated', () => {
    const before = Array.from(company.customers.annualRevenue);
    findValue(company, { discountRate: 0.2, growthThreshold: 0.1 });
    expect(Array.from(company.customers.annualRevenue)).toEqual(before);
  });
});

describe('findValue on the case company (seed 42, 2,000 customers)', () => {
  const company = generateCompany(42, { customers: 2000 });
  const res = findValue(company, { discountRate: 0.1, growthThreshold: 0.15 });

  it('RFM counts are the engine segment sizes and add up to all customers', () => {
    const eng = segment(company, { method: 'value', params: { scheme: 'rfm' } });
    expect(res.rfm.map((r) => r.key)).toEqual(['champions', 'loyal', 'at-risk', 'promising', 'hibernating']);
    expect(res.rfm.map((r) => r.count)).toEqual(eng.segments.map((s) => s.size));
    expect(res.rfm.reduce((a, r) => a + r.count, 0)).toBe(2000);
    expect(res.rfm.reduce((a, r) => a + r.revenueShare, 0)).toBeCloseTo(1, 10);
  });

  it('the top customer’s CLV matches the formula from its CRM columns', () => {
    const i = res.top[0].index;
    const c = company.customers;
    const byHand = (c.annualRevenue[i] * c.grossMargin[i] * c.retention[i]) / (1 + 0.1 - c.retention[i]);
    expect(res.top[0].clv).toBeCloseTo(byHand, 6);
    for (let r = 1; r < res.top.length; r++) expect(res.top[r].clv).toBeLessThanOrEqual(res.top[r - 1].clv);
  });

  it('high value is 20 % of customers (400) and the high-value group agrees with the engine CLV classes', () => {
    expect(res.counts[0]).toBe(400);
    const eng = segment(company, { method: 'value', params: { scheme: 'clv', discountRate: 0.1 } });
    for (let i = 0; i < 2000; i++) expect(res.group[i] === 0).toBe(eng.labels[i] === 0);
    // high potential: growth ≥ 15 % and not high value
    let expected = 0;
    for (let i = 0; i < 2000; i++) if (eng.labels[i] !== 0 && company.customers.growth[i] >= 0.15) expected++;
    expect(res.counts[1]).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it('scatter points sample big companies and keep every point drawable on a log x axis', () => {
    const pts = scatterPoints(res, company.customers.growth, 500);
    expect(pts.length).toBe(500);
    expect(pts.every((p) => p.x > 0 && Number.isFinite(p.y))).toBe(true);
    expect(scatterPoints(res, company.customers.growth).length).toBe(2000);
  });
});

describe('parameter checks', () => {
  it.each([
    [0.1, true],
    [0, true],
    [0.5, true],
    [0.51, false],
    [-0.01, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('discount rate %s valid: %s', (v, ok) => {
    expect(checkDiscountRate(v).ok).toBe(ok);
  });
  it.each([
    [0.15, true],
    [0, true],
    [0.35, true],
    [0.36, false],
    [-0.1, false],
    [Number.NaN, false],
  ])('growth threshold %s valid: %s', (v, ok) => {
    expect(checkGrowthThreshold(v).ok).toBe(ok);
  });
  it('reports malformed and range separately', () => {
    expect(checkDiscountRate(Number.NaN)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkDiscountRate(2)).toEqual({ ok: false, reason: 'range' });
  });
});
