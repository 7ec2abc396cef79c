/**
 * Every engine figure quoted in lesson 08 (content/lessons/{en,zh-cn}/08-crm-data/index.mdx),
 * seed 42, 2,000 customers, default degradation, plan "Serve by customer value", 52 weeks.
 */
import { describe, expect, it } from 'vitest';
import { CrmDataModel } from '../../../src/lib/crmdata/lab';
import { defaultCrmState, type CrmDataState } from '../../../src/lib/crmdata/state';

const m = new CrmDataModel(42);
const d = defaultCrmState();
const M = (x: number) => Math.round(x / 1e5) / 10; // USD millions, 1 decimal
const run = (s: Partial<CrmDataState>) => m.run({ ...d, ...s });

describe('lesson 08 worked example', () => {
  it('clean data', () => {
    const ref = m.reference();
    expect(ref.seg.classSizes).toEqual([470, 448, 1082, 0]);
    expect(M(ref.profit)).toBe(53.6);
    expect(ref.satisfaction).toBeCloseTo(75.6, 1);
    expect(ref.churnRate).toBeCloseTo(0.115, 3);
  });

  it('the dirty export, uncleaned', () => {
    const o = run({});
    expect(o.report.recordsIn).toBe(2800);
    expect(Array.from(m.dirty(d).hasRevenue).filter((x) => !x).length).toBe(140);
    expect(Array.from(m.dirty(d).hasDate).filter((x) => !x).length).toBe(280);
    expect(Array.from(m.dirty(d).regionVariant).filter((x) => x !== 0).length).toBe(560);
    expect(o.seg.classSizes).toEqual([479, 425, 1096, 0]);
    expect(o.ariClean).toBeCloseTo(0.755, 3);
    expect(o.keyAccountsLost).toBe(50);
    expect(o.keyAccountsInC).toBe(20);
    expect(o.seg.cUnmapped).toBe(223);
    expect(M(o.profit)).toBe(52.4);
    expect((o.profit / m.reference().profit - 1) * 100).toBeCloseTo(-2.2, 1);
    expect(o.satisfaction).toBeCloseTo(74.9, 1);
  });

  it('deduplication alone', () => {
    const o = run({ dedupe: true });
    expect(o.report.duplicatesMerged).toBe(441);
    expect(o.report.falseMerges).toBe(41);
    expect(o.seg.classSizes[3]).toBe(21);
    expect(o.ariClean).toBeCloseTo(0.881, 3);
    expect(o.keyAccountsLost).toBe(31);
  });

  it('labels + dedupe + stale, blanks kept', () => {
    const o = run({ labels: true, dedupe: true, stale: true });
    expect(o.report.staleDropped).toBe(337);
    expect(o.report.labelsFixed).toBe(560);
    expect(o.ariClean).toBeCloseTo(0.891, 3);
    expect(o.seg.cUnmapped).toBe(0);
    expect(o.keyAccountsInC).toBe(18);
    expect(M(o.profit)).toBe(52.5);
    expect(o.satisfaction).toBeCloseTo(75.5, 1);
  });

  it('the same three steps with median imputation', () => {
    const o = run({ labels: true, dedupe: true, stale: true, missing: 'median' });
    expect(Math.round(o.report.medianRevenue)).toBe(145384);
    expect(o.report.revenueImputed).toBe(80);
    expect(o.ariClean).toBeCloseTo(0.808, 3);
    expect(o.keyAccountsInC).toBe(18);
    // the 18 key accounts left in C are those with a blank revenue, valued at 4 % to 26 % of their true revenue
    const ref = m.reference();
    const ratios: number[] = [];
    for (let i = 0; i < 2000; i++) {
      if (ref.seg.customerClass[i] !== 0 || o.seg.customerClass[i] !== 2) continue;
      ratios.push(o.report.medianRevenue / m.company.customers.annualRevenue[i]);
    }
    expect(ratios.length).toBe(18);
    expect(Math.round(Math.min(...ratios) * 100)).toBe(4);
    expect(Math.round(Math.max(...ratios) * 100)).toBe(26);
  });

  it('the same three steps, dropping records with a blank', () => {
    const o = run({ labels: true, dedupe: true, stale: true, missing: 'drop' });
    expect(o.report.droppedMissing).toBe(269);
    expect(o.seg.classSizes[3]).toBe(247);
    expect(o.ariClean).toBeCloseTo(0.753, 3);
    expect(o.keyAccountsInC).toBe(0);
    expect(o.keyAccountsLost).toBe(69);
    expect(M(o.profit)).toBe(53.5);
    expect((o.profit / m.reference().profit - 1) * 100).toBeCloseTo(-0.2, 1);
  });

  it('the guided task: one step (deduplication) reaches 0.85; the best combination 0.891', () => {
    const r = m.fewestSteps(d);
    expect(r.steps).toBe(1);
    expect(r.best).toBeCloseTo(0.891, 3);
  });
});
