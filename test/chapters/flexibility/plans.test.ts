/**
 * The two plans, the scenario mapping and the engine runner of the flexibility lab
 * (src/lib/flexibility/plans.ts, run.ts). Seed 42, 2,000 customers, 52 weeks.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveScenario } from '../../../simulations/simulate/scenarios';
import { LIFECYCLE_PLAN, engineWeek, flexiblePlan, rigidPlan, scenarioSpec } from '../../../src/lib/flexibility/plans';
import { FlexEngine } from '../../../src/lib/flexibility/run';
import { DEFAULT_FLEX_STATE, SCENARIO_CHOICES, withScenario } from '../../../src/lib/flexibility/state';

const OFF = { buffer: 0, postponement: false, dualSourcing: false, fastDelivery: false };
const engine = new FlexEngine(42, 2000, 52);

describe('plans', () => {
  it('the rigid plan is simulations/plans/lifecycle.json', () => {
    const json: unknown = JSON.parse(readFileSync(join(__dirname, '../../../simulations/plans/lifecycle.json'), 'utf8'));
    const j = json as typeof LIFECYCLE_PLAN;
    expect(LIFECYCLE_PLAN.segmentation).toEqual(j.segmentation);
    expect(LIFECYCLE_PLAN.strategies).toEqual(j.strategies);
    expect(rigidPlan().strategies.new).toMatchObject({ supplyChain: 'responsive', serviceLevel: 0.97 });
  });

  it('puts each lever where the lab says: buffer and postponement on both, dual sourcing on the efficient segment, fast delivery on new', () => {
    const p = flexiblePlan({ buffer: 0.15, postponement: true, dualSourcing: true, fastDelivery: true });
    expect(p.strategies.new).toMatchObject({ supplyChain: 'responsive', capacityBuffer: 0.15, postponement: true, delivery: 'priority' });
    expect(p.strategies.new).not.toHaveProperty('dualSourcing');
    expect(p.strategies.mature).toMatchObject({ supplyChain: 'efficient', capacityBuffer: 0.15, postponement: true, dualSourcing: true, delivery: 'standard' });
    expect(p.strategies['*']).not.toHaveProperty('capacityBuffer');
    expect(flexiblePlan(OFF).strategies).toEqual(rigidPlan().strategies);
  });

  it('maps every scenario choice to a valid engine scenario at week − 1', () => {
    for (const sc of SCENARIO_CHOICES) {
      const s = withScenario({ ...DEFAULT_FLEX_STATE, week: 30, size: 0.45 }, sc);
      const spec = scenarioSpec({ ...s, week: 30, size: 0.45 });
      const r = resolveScenario(spec);
      if (sc === 'none') expect(r.key).toBe('none');
      else expect(r).toMatchObject({ week: 29 });
    }
    expect(resolveScenario(scenarioSpec({ scenario: 'shift-region', week: 27, size: 0.3 }))).toMatchObject({ dimension: 'region', from: 'europe', to: 'sea', share: 0.3 });
    expect(resolveScenario(scenarioSpec({ scenario: 'shock', week: 21, size: 0.4 }))).toMatchObject({ key: 'demand-shock', change: 0.4, productClass: 'new', week: 20 });
    expect(engineWeek({ week: 27 })).toBe(26);
  });
});

describe('FlexEngine.compare', () => {
  it('with every lever off the two plans give identical years and no flexibility cost', () => {
    const c = engine.compare({ ...DEFAULT_FLEX_STATE, ...OFF });
    expect(c.flexible).toEqual(c.rigid);
    expect(c.verdict).toMatchObject({ winner: 'tie', diff: 0 });
  });

  it('the flexibility cost is the price of the levers only, and grows with the buffer', () => {
    const a = engine.compare({ ...DEFAULT_FLEX_STATE, ...OFF, buffer: 0.1 });
    const b = engine.compare({ ...DEFAULT_FLEX_STATE, ...OFF, buffer: 0.2 });
    expect(a.flexible.flexCost).toBeGreaterThan(0);
    expect(b.flexible.flexCost).toBeCloseTo(2 * a.flexible.flexCost, -4); // the fee is linear in the buffer
    expect(engine.compare({ ...DEFAULT_FLEX_STATE, ...OFF, fastDelivery: true }).flexible.flexCost).toBe(0);
  });

  it('returns finite figures and 52 weeks for every scenario', () => {
    for (const sc of SCENARIO_CHOICES) {
      const c = engine.compare(withScenario(DEFAULT_FLEX_STATE, sc));
      expect(c.weekly.rigidProfit).toHaveLength(52);
      expect(c.weekly.flexibleFill).toHaveLength(52);
      for (const plan of [c.rigid, c.flexible]) for (const v of Object.values(plan)) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('the task at the default levers: 20 % is not the smallest, 5 % is, 0 % falls short on the fill rate', () => {
    expect(engine.compare(DEFAULT_FLEX_STATE).task).toEqual({ met: false, reason: 'notSmallest' });
    expect(engine.compare({ ...DEFAULT_FLEX_STATE, buffer: 0.05 }).task).toEqual({ met: true, reason: 'met' });
    expect(engine.compare({ ...DEFAULT_FLEX_STATE, buffer: 0 }).task).toEqual({ met: false, reason: 'fillLow' });
    expect(engine.compare(withScenario(DEFAULT_FLEX_STATE, 'none')).task.reason).toBe('noScenario');
  });

  it('does not mutate the state it is given and caches the rigid run per scenario', () => {
    const s = Object.freeze({ ...DEFAULT_FLEX_STATE, buffer: 0.25 });
    const a = engine.compare(s);
    const b = engine.compare({ ...s, postponement: false });
    expect(a.weekly.rigidProfit).toEqual(b.weekly.rigidProfit);
    expect(engine.rigid(s)).toBe(engine.rigid({ ...s, buffer: 0 }));
  });
});
