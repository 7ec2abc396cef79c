import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EngineError } from '../../simulations/errors';
import { generateCompany } from '../../simulations/company/generate';
import { segment } from '../../simulations/segmentation/index';
import { DEFAULT_STRATEGY, LEVERS } from '../../simulations/strategy/levers';
import { baselinePlan, resolveStrategies, validatePlan, validateStrategy } from '../../simulations/strategy/plan';

const PLANS_DIR = join(__dirname, '../../simulations/plans');

function thrown(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected an EngineError');
}

describe('levers and baseline', () => {
  it('the default strategy is efficient, 95 %, central, standard, list price', () => {
    expect(DEFAULT_STRATEGY).toEqual({ supplyChain: 'efficient', serviceLevel: 0.95, fulfilment: 'central', delivery: 'standard', service: 'standard', product: 'standard', discount: 0 });
    expect(Object.isFrozen(DEFAULT_STRATEGY)).toBe(true);
    expect([...LEVERS].sort()).toEqual(Object.keys(DEFAULT_STRATEGY).sort());
  });

  it('the baseline plan is one segment with the default strategy and validates to itself', () => {
    const b = baselinePlan();
    expect(b.segmentation.method).toBe('none');
    expect(validatePlan(b)).toEqual(b);
    // a fresh copy every call: editing one does not change the next
    b.strategies['*'].serviceLevel = 0.5;
    expect(baselinePlan().strategies['*'].serviceLevel).toBe(0.95);
  });
});

describe('validatePlan', () => {
  it('fills every strategy: "*" over the default, named segments over "*"', () => {
    const p = validatePlan({ segmentation: { method: 'lifecycle' }, strategies: { '*': { serviceLevel: 0.9 }, new: { supplyChain: 'responsive' } } });
    expect(p.strategies['*']).toEqual({ ...DEFAULT_STRATEGY, serviceLevel: 0.9 });
    expect(p.strategies.new).toEqual({ ...DEFAULT_STRATEGY, serviceLevel: 0.9, supplyChain: 'responsive' });
    expect(p.name).toBe('Unnamed plan');
  });

  it('never mutates its input and returns a deep copy', () => {
    const input = { name: 'x', segmentation: { method: 'value', params: { scheme: 'abc', thresholds: [0.8, 0.95] } }, strategies: { A: { discount: 0.1 } } };
    const before = JSON.stringify(input);
    const out = validatePlan(input);
    expect(JSON.stringify(input)).toBe(before);
    (out.segmentation.params as { thresholds: number[] }).thresholds[0] = 0.1;
    expect(input.segmentation.params.thresholds[0]).toBe(0.8);
  });

  const bad: [string, unknown, string][] = [
    ['not an object', 42, 'plan'],
    ['array', [], 'plan'],
    ['unknown top-level key', { segmentation: { method: 'none' }, strategies: {}, extra: 1 }, 'plan.extra'],
    ['missing segmentation', { strategies: {} }, 'plan.segmentation'],
    ['unknown method', { segmentation: { method: 'astrology' }, strategies: {} }, 'plan.segmentation.method'],
    ['params not an object', { segmentation: { method: 'value', params: 3 }, strategies: {} }, 'plan.segmentation.params'],
    ['missing strategies', { segmentation: { method: 'none' } }, 'plan.strategies'],
    ['service level too high', { segmentation: { method: 'none' }, strategies: { '*': { serviceLevel: 1 } } }, 'plan.strategies.*.serviceLevel'],
    ['service level too low', { segmentation: { method: 'none' }, strategies: { '*': { serviceLevel: 0.2 } } }, 'plan.strategies.*.serviceLevel'],
    ['service level NaN', { segmentation: { method: 'none' }, strategies: { '*': { serviceLevel: Number.NaN } } }, 'plan.strategies.*.serviceLevel'],
    ['discount too high', { segmentation: { method: 'none' }, strategies: { all: { discount: 0.5 } } }, 'plan.strategies.all.discount'],
    ['bad enum', { segmentation: { method: 'none' }, strategies: { '*': { supplyChain: 'agile' } } }, 'plan.strategies.*.supplyChain'],
    ['bad fulfilment', { segmentation: { method: 'none' }, strategies: { '*': { fulfilment: 'moon' } } }, 'plan.strategies.*.fulfilment'],
    ['unknown lever', { segmentation: { method: 'none' }, strategies: { '*': { colour: 'red' } } }, 'plan.strategies.*.colour'],
    ['name not a string', { name: 5, segmentation: { method: 'none' }, strategies: {} }, 'plan.name'],
  ];
  it.each(bad)('rejects %s, naming the field', (_label, plan, field) => {
    const e = thrown(() => validatePlan(plan));
    expect(e.field).toBe(field);
    expect(e.message).not.toContain('\n');
    expect(e.message.startsWith(field)).toBe(true);
    expect(e.allowed.length).toBeGreaterThan(0);
  });

  it('accepts any valid lever values (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          supplyChain: fc.constantFrom('efficient', 'responsive'),
          serviceLevel: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
          fulfilment: fc.constantFrom('central', 'regional'),
          delivery: fc.constantFrom('standard', 'priority'),
          service: fc.constantFrom('standard', 'premium'),
          product: fc.constantFrom('standard', 'customised'),
          discount: fc.double({ min: 0, max: 0.3, noNaN: true }),
        }),
        (s) => {
          expect(validateStrategy('s', s)).toEqual(s);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('resolveStrategies', () => {
  const company = generateCompany(7, { customers: 200 });
  it('gives one complete strategy per segment, "*" for those not listed', () => {
    const seg = segment(company, { method: 'lifecycle' });
    const s = resolveStrategies({ segmentation: { method: 'lifecycle' }, strategies: { '*': { discount: 0.05 }, new: { supplyChain: 'responsive' } } }, seg);
    expect(s).toHaveLength(seg.segments.length);
    const keys = seg.segments.map((x) => x.key);
    expect(s[keys.indexOf('new')].supplyChain).toBe('responsive');
    expect(s[keys.indexOf('new')].discount).toBe(0.05);
    expect(s[keys.indexOf('mature')]).toEqual({ ...DEFAULT_STRATEGY, discount: 0.05 });
  });

  it('names unknown segment keys in the error', () => {
    const seg = segment(company, { method: 'lifecycle' });
    const e = thrown(() => resolveStrategies({ segmentation: { method: 'lifecycle' }, strategies: { newish: {}, A: {}, '*': {} } }, seg));
    expect(e.field).toBe('plan.strategies');
    expect(e.message).toContain('newish');
    expect(e.message).toContain('A');
    expect(e.allowed).toContain('mature');
  });
});

describe('example plans in simulations/plans', () => {
  const files = readdirSync(PLANS_DIR).filter((f) => f.endsWith('.json'));
  it('cover the baseline and every segmentation method', () => {
    const methods = new Set(files.map((f) => (JSON.parse(readFileSync(join(PLANS_DIR, f), 'utf8')) as { segmentation: { method: string } }).segmentation.method));
    for (const m of ['none', 'needs', 'value', 'geography', 'lifecycle', 'behaviour', 'rules', 'kmeans']) expect(methods.has(m)).toBe(true);
    expect(files).toContain('baseline.json');
  });

  const company = generateCompany(42, { customers: 300 });
  it.each(files)('%s validates and resolves against its segmentation', (f) => {
    const raw = JSON.parse(readFileSync(join(PLANS_DIR, f), 'utf8'));
    const plan = validatePlan(raw);
    expect(plan.name.length).toBeGreaterThan(3);
    expect(typeof raw.description).toBe('string');
    const seg = segment(company, plan.segmentation);
    const s = resolveStrategies(plan, seg);
    expect(s).toHaveLength(seg.segments.length);
  });
});
