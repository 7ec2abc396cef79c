import { describe, expect, it } from 'vitest';
import { generateCompany } from '../../../simulations/company/generate';
import { segment } from '../../../simulations/segmentation/index';
import { simulate } from '../../../simulations/simulate/simulate';
import { baselinePlan } from '../../../simulations/strategy/plan';
import { DEFAULT_STRATEGY } from '../../../simulations/strategy/levers';
import type { SegmentationSpec } from '../../../simulations/types';
import { suggestAll, suggestStrategy } from '../../../src/lib/capstone/suggest';

const company = generateCompany(42, { customers: 2000 });
const baseline = simulate(company, baselinePlan());

describe('textbook suggestion per segment', () => {
  it('reads the profile: innovative + fast → responsive with priority; high support → premium; small → 90 %', () => {
    const means = { annualRevenue: 500_000 };
    const fast = suggestStrategy({ key: 'f', profile: { newProductShare: 0.8, requiredLeadTimeDays: 2, annualRevenue: 300_000 } }, means);
    expect(fast.strategy).toMatchObject({ supplyChain: 'responsive', delivery: 'priority', service: 'standard' });
    expect(fast.reasons).toEqual(['innovative']);
    const sol = suggestStrategy({ key: 's', profile: { supportNeed: 0.8, requiredLeadTimeDays: 10, annualRevenue: 300_000 } }, means);
    expect(sol.strategy).toEqual({ ...DEFAULT_STRATEGY, service: 'premium' });
    const key = suggestStrategy({ key: 'k', profile: { annualRevenue: 2_000_000, requiredLeadTimeDays: 20 } }, means);
    expect(key.strategy).toEqual({ ...DEFAULT_STRATEGY, service: 'premium', serviceLevel: 0.98 });
    const small = suggestStrategy({ key: 'x', profile: { annualRevenue: 10_000, requiredLeadTimeDays: 3 } }, means);
    expect(small.strategy).toEqual({ ...DEFAULT_STRATEGY, serviceLevel: 0.9 });
    expect(small.reasons).toEqual(['smallAccounts']);
    const plain = suggestStrategy({ key: 'p', profile: {} }, means);
    expect(plain.strategy).toEqual(DEFAULT_STRATEGY);
    expect(plain.reasons).toEqual(['standard']);
  });

  const specs: SegmentationSpec[] = [{ method: 'rules' }, { method: 'kmeans', params: { k: 5 } }];
  for (const spec of specs) {
    it(`${spec.method}: the suggested strategies beat one size fits all on profit and satisfaction (seed 42, 2,000 customers)`, () => {
      const seg = segment(company, spec);
      const strategies = Object.fromEntries(suggestAll(seg.segments).map((s) => [s.key, s.strategy]));
      const r = simulate(company, { segmentation: spec, strategies: { '*': {}, ...strategies } }, { segmentation: seg });
      expect(r.totals.profit).toBeGreaterThan(baseline.totals.profit);
      expect(r.totals.satisfaction).toBeGreaterThan(baseline.totals.satisfaction);
    });
  }
});
