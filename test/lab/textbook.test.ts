// "Apply the textbook strategy": the strategies come from the lens's example plan in
// simulations/plans (the single source), and on real engine runs (seed 42, 2,000 customers, the
// lesson default) they beat the one-size-fits-all baseline on profit, except geography, whose lesson
// teaches that every hub option trades year-one profit for satisfaction.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segment, validatePlan } from '../../simulations/index';
import { DEFAULT_STRATEGY } from '../../simulations/strategy/levers';
import type { SegmentStrategy } from '../../simulations/types';
import { LENSES, TEXTBOOK_PLANS, getLens, type LensId } from '../../src/lib/lab/lenses';
import { paretoData, runLab, type LabRun } from '../../src/lib/lab/run';
import { clampStrategy, defaultParams, defaultState, sameStrategy, type LabState } from '../../src/lib/lab/state';
import { checkTask, top20RevenueShare, top20Share, TASKS } from '../../src/lib/lab/tasks';

const PLANS_DIR = join(process.cwd(), 'simulations/plans');
const readPlan = (file: string): unknown => JSON.parse(readFileSync(join(PLANS_DIR, file), 'utf8'));

/** What SegmentLab.svelte's applySuggested does: every current segment gets its textbook strategy. */
function textbookState(lens: LensId, run: LabRun): LabState {
  const strategies: Record<string, SegmentStrategy> = {};
  for (const s of run.segments) strategies[s.key] = clampStrategy({ ...DEFAULT_STRATEGY, ...getLens(lens).suggested(s.key) });
  return { ...defaultState(lens, 42), strategies };
}

const uniformRuns = new Map<LensId, LabRun>();
const textbookRuns = new Map<LensId, LabRun>();
function uniform(lens: LensId): LabRun {
  let r = uniformRuns.get(lens);
  if (!r) uniformRuns.set(lens, (r = runLab(defaultState(lens, 42), 2000)));
  return r;
}
function textbook(lens: LensId): LabRun {
  let r = textbookRuns.get(lens);
  if (!r) textbookRuns.set(lens, (r = runLab(textbookState(lens, uniform(lens)), 2000)));
  return r;
}

describe('textbook strategies come from the example plans', () => {
  for (const lens of LENSES) {
    it(`${lens}: every key the plan names gets the plan's strategy, any other key its "*" strategy`, () => {
      const plan = validatePlan(readPlan(`${lens}.json`));
      expect(TEXTBOOK_PLANS[lens]).toEqual(plan);
      for (const [key, st] of Object.entries(plan.strategies)) if (key !== '*') expect(getLens(lens).suggested(key)).toEqual(st);
      expect(getLens(lens).suggested('no-such-segment')).toEqual(plan.strategies['*']);
      // the result is a copy: changing it does not change the next answer
      const s = getLens(lens).suggested('no-such-segment');
      s.serviceLevel = 0.5;
      expect(getLens(lens).suggested('no-such-segment')).toEqual(plan.strategies['*']);
    });
  }

  it('agree with the lessons: no discount for price-first buyers, no priority delivery for class A', () => {
    expect(getLens('needs').suggested('price').discount).toBe(0);
    expect(getLens('value').suggested('A').delivery).toBe('standard');
  });

  it('geography: regions and warehouses take the strategy of their side of the domestic/international split', () => {
    const g = getLens('geography');
    const intl = TEXTBOOK_PLANS.geography.strategies.international;
    const star = TEXTBOOK_PLANS.geography.strategies['*'];
    expect(sameStrategy(intl, star)).toBe(false);
    for (const k of ['sea', 'europe', 'north-america', 'hub-singapore', 'hub-rotterdam', 'hub-los-angeles']) expect(g.suggested(k)).toEqual(intl);
    for (const k of ['east', 'north', 'central', 'west', 'dc-suzhou', 'wh-tianjin', 'wh-chengdu', 'under-500km', 'over-8000km']) expect(g.suggested(k)).toEqual(star);
  });
});

describe('textbook strategies on real engine runs (seed 42, 2,000 customers)', () => {
  for (const lens of LENSES) {
    if (lens === 'geography') continue;
    it(`${lens}: the textbook strategy earns at least the baseline profit`, () => {
      const t = textbook(lens);
      // something was applied, and every default segment has customers
      expect(Object.keys(t.state.strategies).length).toBeGreaterThan(0);
      expect(t.result.totals.profit).toBeGreaterThanOrEqual(t.baseline.totals.profit);
    });
  }

  it('geography: the textbook strategy raises satisfaction, loses year-one profit, and is the best plan of the geography method that changes a lever', () => {
    const t = textbook('geography');
    expect(t.result.totals.satisfaction).toBeGreaterThan(t.baseline.totals.satisfaction + 2);
    // the lesson's point (lesson 04): hubs buy loyalty with inventory
    expect(t.result.totals.profit).toBeLessThan(t.baseline.totals.profit);

    const geoPlans = readdirSync(PLANS_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ file: f, plan: validatePlan(readPlan(f)) }))
      .filter((p) => p.plan.segmentation.method === 'geography');
    expect(geoPlans.map((p) => p.file).sort()).toEqual(['geography-split-only.json', 'geography.json']);
    let compared = 0;
    for (const { file, plan } of geoPlans) {
      const params = { ...defaultParams('geography'), ...(plan.segmentation.params as Record<string, string>) };
      const seg = segment(t.company, getLens('geography').spec(params));
      const strategies: Record<string, SegmentStrategy> = {};
      for (const s of seg.segments) strategies[s.key] = plan.strategies[s.key] ?? plan.strategies['*'];
      const changesALever = Object.values(strategies).some((s) => !sameStrategy(s, DEFAULT_STRATEGY));
      const r = runLab({ ...defaultState('geography', 42), params, strategies }, 2000);
      if (!changesALever) {
        // geography-split-only.json is the no-lever control run (the split's complexity cost only):
        // it keeps more profit than any strategy, but it is not a strategy, and it raises nothing.
        expect(file).toBe('geography-split-only.json');
        expect(r.result.totals.satisfaction).toBeLessThan(t.result.totals.satisfaction);
        continue;
      }
      compared++;
      expect(t.result.totals.profit, file).toBeGreaterThanOrEqual(r.result.totals.profit - 1e-6);
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('the button meets only the guided tasks it is meant to', () => {
    const met = LENSES.flatMap((lens) => TASKS[lens].filter((task) => checkTask(task, textbook(lens)).met).map((task) => task.id));
    // Met on purpose: the company-wide tasks ("more satisfaction for little profit") are what the
    // lesson's example plan demonstrates, and the geography tasks are the hub plan's own lever (the
    // lesson then asks whether it is worth its cost). Not met: the segment tasks of needs, value,
    // lifecycle and behaviour, which ask for one lever the example plan does not use, or uses at
    // greater cost (behaviour-1: +2.7 % total cost against the +2 % allowed).
    expect(met.sort()).toEqual(['behaviour-2', 'geography-1', 'geography-2', 'needs-2', 'value-2']);
  });
});

describe('lifecycle thresholds', () => {
  it('the defaults give three non-empty segments; new and mature meet only at 40 %, where the lesson collapses them to two', () => {
    const def = uniform('lifecycle');
    expect(def.segments.map((s) => s.key)).toEqual(['new', 'mixed', 'mature']);
    for (const s of def.segments) expect(s.customers).toBeGreaterThan(100);
    const cfg = getLens('lifecycle');
    const newC = cfg.controls.find((c) => c.id === 'new');
    const matureC = cfg.controls.find((c) => c.id === 'mature');
    if (newC?.kind !== 'range' || matureC?.kind !== 'range') throw new Error('lifecycle controls are ranges');
    expect(matureC.max).toBeLessThanOrEqual(newC.min);
    const collapsed = runLab({ ...defaultState('lifecycle', 42), params: { new: 0.4, mature: 0.4 } }, 2000);
    expect(collapsed.segments.find((s) => s.key === 'mixed')?.customers).toBe(0);
  });
});

describe('top-20 % revenue share', () => {
  it('one helper: the predict answer and the Pareto chart give the same figure', () => {
    const r = uniform('value');
    expect(top20Share(r)).toBe(top20RevenueShare(r.company.customers.annualRevenue));
    expect(paretoData(r).top20RevenueShare).toBeCloseTo(top20Share(r), 12);
    expect(top20RevenueShare([5, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBeCloseTo(6 / 14, 12);
    expect(top20RevenueShare([])).toBe(0);
    expect(top20RevenueShare([0, 0])).toBe(0);
  });
});
