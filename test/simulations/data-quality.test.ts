import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateCompany } from '../../simulations/company/generate';
import { createRng, deriveSeed } from '../../simulations/random/rng';
import { EngineError } from '../../simulations/errors';
import { simulate } from '../../simulations/simulate/simulate';
import { segment } from '../../simulations/segmentation/index';
import plan from '../../simulations/plans/value.json';
import {
  DEFAULT_DEGRADE_PARAMS,
  FULL_CLEANING,
  NO_CLEANING,
  REGION_VARIANT_COUNT,
  STALE_AFTER_WEEKS,
  agreement,
  clean,
  cleaningStepCount,
  crmView,
  degrade,
  medianWhere,
  nameVariantText,
  normaliseName,
  recordDate,
  regionFromLabel,
  regionLabel,
  resolveCleaning,
  resolveDegradeParams,
  segmentView,
  viewToCsv,
  type CrmView,
} from '../../simulations/data/quality';
import { REGIONS } from '../../simulations/company/regions';
import type { Plan } from '../../simulations/types';

const company = generateCompany(42, { customers: 2000 });
const rngFor = (seed: number | string) => createRng(deriveSeed(seed, 'crm-quality'));
const dirty = (params: object = {}, seed: number | string = 42) => degrade(company, params, rngFor(seed));

function snapshot(v: CrmView): string {
  return JSON.stringify(Object.fromEntries(Object.entries(v).map(([k, a]) => [k, typeof a === 'number' ? a : Array.from(a as ArrayLike<number>)])));
}

describe('degrade', () => {
  it('is deterministic: same seed, identical records; another seed, other records', () => {
    expect(snapshot(dirty())).toBe(snapshot(dirty()));
    expect(snapshot(dirty({}, 7))).not.toBe(snapshot(dirty()));
  });

  it('with every share at 0 returns the clean CRM view', () => {
    const zero = { duplicateShare: 0, missingRevenueShare: 0, missingDateShare: 0, inconsistentRegionShare: 0, staleShare: 0 };
    expect(snapshot(dirty(zero))).toBe(snapshot(crmView(company)));
  });

  it('respects each degradation share exactly (rounded to whole records)', () => {
    const p = { duplicateShare: 0.13, missingRevenueShare: 0.07, missingDateShare: 0.21, inconsistentRegionShare: 0.33, staleShare: 0.09 };
    const v = dirty(p);
    const n = company.customers.n;
    const dups = Math.round(0.13 * n);
    const stale = Math.round(0.09 * n);
    expect(v.n).toBe(n + dups + stale);
    const count = (f: (i: number) => boolean) => Array.from({ length: v.n }, (_, i) => i).filter(f).length;
    expect(count((i) => v.kind[i] === 1)).toBe(dups);
    expect(count((i) => v.kind[i] === 2 && v.source[i] === -1)).toBe(stale);
    expect(count((i) => v.hasRevenue[i] === 0)).toBe(Math.round(0.07 * v.n));
    expect(count((i) => v.hasDate[i] === 0)).toBe(Math.round(0.21 * v.n));
    expect(count((i) => v.regionVariant[i] !== 0)).toBe(Math.round(0.33 * v.n));
    // every duplicate belongs to a distinct active customer
    const dupSources = new Set(Array.from({ length: v.n }, (_, i) => i).filter((i) => v.kind[i] === 1).map((i) => v.source[i]));
    expect(dupSources.size).toBe(dups);
  });

  it('keeps each customer’s revenue: original + duplicate add up to the clean record', () => {
    const base = crmView(company);
    const v = dirty({ missingRevenueShare: 0, missingDateShare: 0 });
    const sum = new Float64Array(company.customers.n);
    for (let r = 0; r < v.n; r++) if (v.source[r] >= 0) sum[v.source[r]] += v.revenue[r];
    for (let i = 0; i < company.customers.n; i++) expect(sum[i]).toBe(base.revenue[i]);
  });

  it('lapsed accounts are older than the stale cut-off; active records never are', () => {
    const v = dirty({ missingDateShare: 0 });
    for (let r = 0; r < v.n; r++) {
      if (v.kind[r] === 2) expect(v.recencyWeeks[r]).toBeGreaterThan(STALE_AFTER_WEEKS);
      else expect(v.recencyWeeks[r]).toBeLessThanOrEqual(STALE_AFTER_WEEKS);
    }
  });

  it('does not mutate the company', () => {
    const before = Array.from(company.customers.annualRevenue.slice(0, 50));
    dirty({ duplicateShare: 0.5, staleShare: 0.5 });
    expect(Array.from(company.customers.annualRevenue.slice(0, 50))).toEqual(before);
  });

  it.each([
    ['duplicateShare', 0.6],
    ['missingRevenueShare', -0.1],
    ['missingDateShare', Number.NaN],
    ['inconsistentRegionShare', '0.2'],
    ['staleShare', Infinity],
  ])('bad %s = %s throws an EngineError naming the field', (field, value) => {
    try {
      degrade(company, { [field]: value }, rngFor(42));
      throw new Error('no throw');
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).field).toBe(`params.${field}`);
    }
  });

  it('rejects unknown parameters and a missing rng', () => {
    expect(() => resolveDegradeParams({ duplicates: 0.1 })).toThrow(/params\.duplicates/);
    expect(() => degrade(company, {}, undefined as unknown as () => number)).toThrow(EngineError);
    expect(resolveDegradeParams(undefined)).toEqual(DEFAULT_DEGRADE_PARAMS);
  });
});

describe('labels and names', () => {
  it('every region spelling is recognised after normalisation, only the standard one before', () => {
    for (let r = 0; r < REGIONS.length; r++) {
      for (const lang of ['en', 'zh-cn'] as const) {
        for (let v = 0; v <= REGION_VARIANT_COUNT; v++) {
          const label = regionLabel(r, v, lang);
          expect(regionFromLabel(label, true)).toBe(r);
          expect(regionFromLabel(label, false, lang)).toBe(v === 0 ? r : -1);
        }
      }
    }
    expect(regionFromLabel('Atlantis', true)).toBe(-1);
  });

  it('every name variant has the same matching key as the stored name', () => {
    const name = { en: 'Suzhou Hengrun E-commerce Co., Ltd.', 'zh-cn': '苏州恒润电子商务有限公司' };
    const intl = { en: 'Norant Trading B.V.', 'zh-cn': '诺特贸易公司' };
    for (const nm of [name, intl]) {
      for (const lang of ['en', 'zh-cn'] as const) {
        const key = normaliseName(nm[lang]);
        for (let v = 1; v <= 3; v++) expect(normaliseName(nameVariantText(nm, v, lang))).toBe(key);
      }
    }
    expect(normaliseName('Suzhou Hengrun E-commerce Co., Ltd.')).toBe('suzhouhengrunecommerce');
  });

  it('medianWhere ignores blanks and returns 0 when nothing is known', () => {
    expect(medianWhere([5, 1, 100, 3], [1, 1, 0, 1])).toBe(3);
    expect(medianWhere([4, 2], [1, 1])).toBe(3);
    expect(medianWhere([4, 2], [0, 0])).toBe(0);
  });
});

describe('clean', () => {
  const v = dirty();

  it('full cleaning restores the fixable problems', () => {
    const { view, report } = clean(company, v, FULL_CLEANING);
    expect(report.labelsFixed).toBe(Array.from(v.regionVariant).filter((x) => x !== 0).length);
    for (let r = 0; r < view.n; r++) {
      expect(view.regionVariant[r]).toBe(0);
      expect(view.hasRevenue[r]).toBe(1);
      expect(view.hasDate[r]).toBe(1);
    }
    // every duplicate was merged into its customer's record (plus a few false merges of namesakes)
    expect(report.duplicatesMerged - report.falseMerges).toBe(Array.from(v.kind).filter((k) => k === 1).length);
    // every lapsed account whose date was known is gone
    const knownStale = Array.from({ length: v.n }, (_, i) => i).filter((i) => v.kind[i] === 2 && v.hasDate[i]).length;
    expect(report.staleDropped).toBeGreaterThanOrEqual(knownStale - report.falseMerges);
    expect(report.staleDropped).toBeLessThanOrEqual(knownStale);
    expect(report.recordsOut).toBe(view.n);
  });

  it('deduplication puts each customer’s revenue back together', () => {
    const noBlanks = dirty({ missingRevenueShare: 0, missingDateShare: 0 });
    const { view, report } = clean(company, noBlanks, { deduplicate: true });
    const base = crmView(company);
    const merged = new Set<number>();
    let restored = 0;
    for (let r = 0; r < view.n; r++) {
      const i = view.source[r];
      if (i >= 0 && view.members[r] === 2 && !merged.has(i)) {
        merged.add(i);
        if (view.revenue[r] === base.revenue[i]) restored++;
      }
    }
    const dups = Array.from(noBlanks.kind).filter((k) => k === 1).length;
    expect(restored).toBeGreaterThanOrEqual(dups - 2 * report.falseMerges);
    expect(report.falseMerges).toBeLessThan(0.03 * company.customers.n);
  });

  it('median imputation fills blanks with the median of the known values', () => {
    const { view, report } = clean(company, v, { missing: 'median' });
    expect(report.medianRevenue).toBe(medianWhere(v.revenue, v.hasRevenue));
    expect(report.revenueImputed).toBe(Array.from(v.hasRevenue).filter((x) => !x).length);
    for (let r = 0; r < v.n; r++) if (!v.hasRevenue[r]) expect(view.revenue[r]).toBe(Math.round(report.medianRevenue));
  });

  it('drop removes exactly the records with a blank', () => {
    const { view, report } = clean(company, v, { missing: 'drop' });
    const blanks = Array.from({ length: v.n }, (_, i) => i).filter((i) => !v.hasRevenue[i] || !v.hasDate[i]).length;
    expect(report.droppedMissing).toBe(blanks);
    expect(view.n).toBe(v.n - blanks);
  });

  it('no cleaning leaves the records as they are and does not mutate its input', () => {
    const before = snapshot(v);
    const { view } = clean(company, v, NO_CLEANING);
    expect(snapshot(view)).toBe(before);
    clean(company, v, FULL_CLEANING);
    expect(snapshot(v)).toBe(before);
  });

  it('validates the steps', () => {
    expect(() => resolveCleaning({ missing: 'mean' })).toThrow(/cleaning\.missing/);
    expect(() => resolveCleaning({ deduplicate: 'yes' })).toThrow(/cleaning\.deduplicate/);
    expect(() => resolveCleaning({ sort: true })).toThrow(/cleaning\.sort/);
    expect(cleaningStepCount(FULL_CLEANING)).toBe(4);
    expect(cleaningStepCount(NO_CLEANING)).toBe(0);
  });

  it('property: any shares and steps give a consistent, NaN-free result', () => {
    fc.assert(
      fc.property(
        fc.record({
          duplicateShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
          missingRevenueShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
          missingDateShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
          inconsistentRegionShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
          staleShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
        }),
        fc.record({ normaliseLabels: fc.boolean(), deduplicate: fc.boolean(), dropStale: fc.boolean(), missing: fc.constantFrom('keep', 'median', 'drop') }),
        (p, steps) => {
          const small = generateCompany(5, { customers: 200 });
          const d = degrade(small, p, rngFor(5));
          const { view } = clean(small, d, steps);
          const seg = segmentView(small, view);
          expect(seg.classSizes.reduce((a, b) => a + b, 0)).toBe(200);
          for (let r = 0; r < view.n; r++) expect(Number.isFinite(view.revenue[r]) && Number.isFinite(view.recencyWeeks[r])).toBe(true);
          expect(Number.isFinite(agreement(seg, segmentView(small, crmView(small))))).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('segmentView and the plan', () => {
  const cleanSeg = segmentView(company, crmView(company));

  it('on clean data reproduces the engine’s ABC segmentation', () => {
    const abc = segment(company, { method: 'value', params: { scheme: 'abc' } });
    expect(Array.from(cleanSeg.segmentation.labels)).toEqual(Array.from(abc.labels));
    expect(cleanSeg.classSizes).toEqual([470, 448, 1082, 0]);
    expect(agreement(cleanSeg, cleanSeg)).toBe(1);
  });

  it('sends C accounts with an unrecognised region label to the standard offer', () => {
    const v = dirty({ duplicateShare: 0, missingRevenueShare: 0, missingDateShare: 0, staleShare: 0, inconsistentRegionShare: 0.5 });
    const raw = segmentView(company, v);
    const fixed = segmentView(company, clean(company, v, { normaliseLabels: true }).view);
    expect(raw.cUnmapped).toBeGreaterThan(400);
    expect(fixed.cUnmapped).toBe(0);
    // labels do not change revenue, so the ABC classes are identical
    expect(agreement(raw, fixed)).toBe(1);
  });

  it('customers left without a record become class "none" and get the standard offer', () => {
    const v = dirty();
    const dropped = segmentView(company, clean(company, v, { missing: 'drop' }).view);
    expect(dropped.classSizes[3]).toBeGreaterThan(0);
    for (let i = 0; i < company.customers.n; i++) if (dropped.customerClass[i] === 3) expect(dropped.segmentation.labels[i]).toBe(1);
  });

  it('the value plan runs on the mapped segmentation (keys A, B, C)', () => {
    const seg = segmentView(company, clean(company, dirty(), FULL_CLEANING).view);
    const r = simulate(company, plan as Plan, { weeks: 8, segmentation: seg.segmentation });
    expect(r.segments.map((s) => s.key)).toEqual(['A', 'B', 'C']);
    expect(Number.isFinite(r.totals.profit)).toBe(true);
  });
});

describe('CSV', () => {
  it('writes RFC 4180 rows with blanks as empty cells and a BOM on request', () => {
    const v = dirty();
    const csv = viewToCsv(company, v, 'zh-cn', { bom: true });
    expect(csv.startsWith('\uFEFF客户编号,客户名称,行业,销售区域')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines.length).toBe(v.n + 2);
    expect(lines[lines.length - 1]).toBe('');
    const blankRow = Array.from({ length: v.n }, (_, i) => i).find((i) => !v.hasRevenue[i] && !v.hasDate[i]);
    expect(blankRow).toBeDefined();
    expect(recordDate(v, blankRow as number)).toBe('');
    const en = viewToCsv(company, v, 'en');
    expect(en.split('\r\n')[0]).toBe('Account Number,Account Name,Industry,Sales Region,Annual Revenue (USD),Orders per Year,Last Order Date,Records Merged');
    expect(en).toContain('"Suzhou Hengrun E-commerce Co., Ltd."');
  });

  it('rejects an unknown language', () => {
    expect(() => viewToCsv(company, crmView(company), 'fr' as 'en')).toThrow(/lang/);
  });
});
