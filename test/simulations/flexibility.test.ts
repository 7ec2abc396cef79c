/**
 * Flexibility levers (MODEL.md §7.2): capacityBuffer, postponement, dualSourcing on a segment's strategy.
 * Seed 42, 2,000 customers, 52 weeks (the default company of the site).
 */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../simulations/errors';
import { generateCompany } from '../../simulations/company/generate';
import { simulate } from '../../simulations/simulate/simulate';
import { baselinePlan, validatePlan } from '../../simulations/strategy/plan';
import { LEVERS, FLEX_LEVERS } from '../../simulations/strategy/levers';
import type { Plan, ScenarioKey, SegmentStrategy } from '../../simulations/types';

function thrown(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected an EngineError');
}

const company = generateCompany(42, { customers: 2000 });
const small = generateCompany(3, { customers: 300 });
const plan = (s: Partial<SegmentStrategy>): Plan => ({ name: 'test', segmentation: { method: 'none' }, strategies: { '*': s } });
const rigid = baselinePlan();
/** reserved capacity plus a fast second source */
const flexible = plan({ capacityBuffer: 0.2, dualSourcing: true });
const run = (p: Plan, scenario: ScenarioKey = 'none') => simulate(company, p, { seed: 42, scenario }).totals;

describe('validation of the flexibility levers', () => {
  it.each([
    [{ capacityBuffer: 0.6 }, 'plan.strategies.*.capacityBuffer'],
    [{ capacityBuffer: -0.1 }, 'plan.strategies.*.capacityBuffer'],
    [{ capacityBuffer: '0.2' }, 'plan.strategies.*.capacityBuffer'],
    [{ postponement: 'yes' }, 'plan.strategies.*.postponement'],
    [{ dualSourcing: 1 }, 'plan.strategies.*.dualSourcing'],
    [{ expediteEverything: true }, 'plan.strategies.*.expediteEverything'],
  ])('rejects %j naming %s', (s, field) => {
    const e = thrown(() => validatePlan({ segmentation: { method: 'none' }, strategies: { '*': s } }));
    expect(e.field).toBe(field);
  });

  it('a plan without the levers normalises exactly as before (seven levers); given levers are kept and inherited from *', () => {
    const p = validatePlan({ segmentation: { method: 'lifecycle' }, strategies: { '*': {}, new: { supplyChain: 'responsive' } } });
    for (const s of Object.values(p.strategies)) expect(Object.keys(s)).toEqual([...LEVERS]);
    const q = validatePlan({ segmentation: { method: 'lifecycle' }, strategies: { '*': { dualSourcing: true }, new: { capacityBuffer: 0.3, postponement: true } } });
    expect(q.strategies.new).toMatchObject({ dualSourcing: true, capacityBuffer: 0.3, postponement: true });
    expect(q.strategies['*']).not.toHaveProperty('capacityBuffer');
    expect(FLEX_LEVERS).toEqual(['capacityBuffer', 'postponement', 'dualSourcing']);
  });

  it('levers set to their "off" values give exactly the rigid result', () => {
    const off = plan({ capacityBuffer: 0, postponement: false, dualSourcing: false });
    for (const scenario of ['none', 'demand-shock'] as const) {
      const a = simulate(small, off, { weeks: 30, scenario });
      const b = simulate(small, { ...rigid, name: 'test' }, { weeks: 30, scenario });
      expect(a).toEqual(b);
    }
  });
});

describe('a flexible plan against a rigid one', () => {
  const none = { rigid: run(rigid), flexible: run(flexible) };
  it('costs a bit more when nothing happens', () => {
    expect(none.flexible.cost.total).toBeGreaterThan(none.rigid.cost.total);
    expect(none.flexible.profit).toBeLessThan(none.rigid.profit);
    expect(none.flexible.profit).toBeGreaterThan(none.rigid.profit * 0.95); // "a bit": within 5 % of profit
  });

  it.each(['demand-shock', 'demand-shift'] as const)('beats it in profit and fill rate under %s', (scenario) => {
    const r = run(rigid, scenario);
    const f = run(flexible, scenario);
    expect(f.profit).toBeGreaterThan(r.profit);
    expect(f.fillRate).toBeGreaterThan(r.fillRate + 0.03);
    expect(f.lostMargin).toBeLessThan(r.lostMargin);
  });

  it('a demand shock lowers the fill rate of the efficient plan more than of a flexible or buffered responsive one', () => {
    const drop = (p: Plan) => run(p).fillRate - run(p, 'demand-shock').fillRate;
    const efficient = drop(rigid);
    expect(efficient).toBeGreaterThan(0.02);
    expect(drop(flexible)).toBeLessThan(efficient);
    expect(drop(plan({ supplyChain: 'responsive', capacityBuffer: 0.3 }))).toBeLessThan(efficient);
  });
});

describe('each lever on its own', () => {
  it('capacityBuffer: more buffer, higher fill rate after a shock; without a shock only its fee changes', () => {
    let prev = -1;
    for (const b of [0, 0.2, 0.5]) {
      const t = run(plan({ capacityBuffer: b }), 'demand-shock');
      expect(t.fillRate).toBeGreaterThan(prev);
      prev = t.fillRate;
    }
    const n0 = run(rigid);
    const n3 = run(plan({ capacityBuffer: 0.3 }));
    expect(n3.revenue).toBe(n0.revenue);
    expect(n3.fillRate).toBe(n0.fillRate);
    expect(n3.cost.holding).toBe(n0.cost.holding);
    // the fee: 0.3 × 0.6 % of the planned annual production cost, booked under production
    const fee = n3.cost.production - n0.cost.production;
    expect(fee).toBeGreaterThan(0.3 * 0.006 * n0.cost.production * 0.8);
    expect(fee).toBeLessThan(0.3 * 0.006 * n0.cost.production * 1.25);
  });

  it('postponement: pooling the variants raises the fill rate when a launch surprises, at a small assembly cost', () => {
    const r = run(rigid, 'new-product-launch');
    const p = run(plan({ postponement: true }), 'new-product-launch');
    expect(p.fillRate).toBeGreaterThan(r.fillRate + 0.01);
    expect(p.cost.obsolescence).toBeLessThanOrEqual(r.cost.obsolescence * 1.05);
    // production cost per revenue dollar rises by the assembly premium
    expect(p.cost.production / p.revenue).toBeGreaterThan(r.cost.production / r.revenue);
  });

  it('postponement shortens the lead time of customised products (configured from generic stock)', () => {
    const c = run(plan({ product: 'customised' }));
    const cp = run(plan({ product: 'customised', postponement: true }));
    expect(cp.otif).toBeGreaterThan(c.otif);
    expect(cp.satisfaction).toBeGreaterThan(c.satisfaction);
  });

  it('dualSourcing: the surge source lifts the fill rate and makes production dearer per revenue dollar', () => {
    for (const scenario of ['none', 'demand-shock'] as const) {
      const r = run(rigid, scenario);
      const d = run(plan({ dualSourcing: true }), scenario);
      expect(d.fillRate).toBeGreaterThan(r.fillRate);
      expect(d.cost.production / d.revenue).toBeGreaterThan(r.cost.production / r.revenue);
    }
  });

  it('segments with and without a lever hold separate stock', () => {
    const p: Plan = { name: 'mixed', segmentation: { method: 'lifecycle' }, strategies: { '*': {}, new: { dualSourcing: true } } };
    const r = simulate(small, p, { weeks: 10 });
    const points = r.inventory?.stockingPoints ?? [];
    const shared = points.filter((sp) => sp.segments.length > 1);
    for (const sp of shared) expect(sp.segments).not.toContain(0); // segment 0 = "new" never shares a pool with a rigid one
    expect(points.length).toBeGreaterThanOrEqual(2);
  });
});
