// Lens configurations: every control value in range gives a valid engine plan (property-based).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateCompany, segment, validatePlan, resolveStrategies } from '../../simulations/index';
import { coerceValue, isValidValue, snapRange, type ControlDef, type LabParams, type ParamValue } from '../../src/lib/lab/controls';
import { LENSES, LENS_CONFIGS, controlVisible, getLens } from '../../src/lib/lab/lenses';
import { planFor } from '../../src/lib/lab/run';
import { DEFAULT_STRATEGY } from '../../simulations/strategy/levers';
import { clampStrategy, defaultParams, defaultState, normaliseState, SEED_MAX } from '../../src/lib/lab/state';

const company = generateCompany(42, { customers: 300 });

function arbValue(c: ControlDef): fc.Arbitrary<ParamValue> {
  if (c.kind === 'range') return fc.double({ min: c.min, max: c.max, noNaN: true }).map((v) => snapRange(c, v));
  if (c.kind === 'select') return fc.constantFrom(...c.options);
  return fc.subarray([...c.options], { minLength: c.min, maxLength: c.max }).map((v) => coerceValue(c, v));
}

function arbParams(lens: (typeof LENSES)[number]): fc.Arbitrary<LabParams> {
  const cfg = getLens(lens);
  return fc.record(Object.fromEntries(cfg.controls.map((c) => [c.id, arbValue(c)]))) as fc.Arbitrary<LabParams>;
}

describe('lens configurations', () => {
  for (const lens of LENSES) {
    it(`${lens}: every in-range control value segments without error and gives a valid plan`, () => {
      fc.assert(
        fc.property(arbParams(lens), (params) => {
          const state = normaliseState({ ...defaultState(lens), params });
          const spec = getLens(lens).spec(state.params);
          const seg = segment(company, spec);
          expect(seg.labels.length).toBe(company.customers.n);
          const plan = planFor(state, seg);
          expect(() => validatePlan(plan)).not.toThrow();
          expect(resolveStrategies(plan, seg)).toHaveLength(seg.segments.length);
        }),
        { numRuns: 40 },
      );
    });

    it(`${lens}: defaults are valid control values, editable ids are real controls`, () => {
      const cfg = LENS_CONFIGS[lens];
      for (const c of cfg.controls) expect(isValidValue(c, defaultParams(lens)[c.id])).toBe(true);
      const ids = cfg.controls.map((c) => c.id);
      for (const e of cfg.editable) expect(ids).toContain(e);
      expect(cfg.tasks).toHaveLength(2);
    });

    it(`${lens}: the suggested strategy of every default segment is a valid, non-default strategy somewhere`, () => {
      const seg = segment(company, getLens(lens).spec(defaultParams(lens)));
      let tailored = 0;
      for (const s of seg.segments) {
        const st = clampStrategy({ ...DEFAULT_STRATEGY, ...getLens(lens).suggested(s.key) });
        expect(() => validatePlan({ segmentation: { method: 'none' }, strategies: { '*': st } })).not.toThrow();
        if (JSON.stringify(st) !== JSON.stringify(DEFAULT_STRATEGY)) tailored++;
      }
      expect(tailored).toBeGreaterThan(0);
    });
  }

  it('out-of-range, non-finite and unknown values are coerced to valid ones', () => {
    const cfg = getLens('value');
    const a = cfg.controls.find((c) => c.id === 'a')!;
    expect(coerceValue(a, 5)).toBe(0.9);
    expect(coerceValue(a, -1)).toBe(0.5);
    expect(coerceValue(a, Number.NaN)).toBe(0.8);
    expect(coerceValue(a, 0.8049)).toBe(0.8);
    const scheme = cfg.controls.find((c) => c.id === 'scheme')!;
    expect(coerceValue(scheme, 'xyz')).toBe('abc');
    const needs = getLens('needs').controls.find((c) => c.id === 'needs')!;
    expect(coerceValue(needs, ['speed', 'price', 'speed'])).toEqual(['price', 'speed']);
    expect(coerceValue(needs, ['price'])).toEqual(['price', 'speed', 'service']);
  });

  it('normaliseState keeps locked controls at their default and clamps seed and strategies', () => {
    const s = normaliseState({
      lens: 'value',
      seed: 1e9,
      params: { ...defaultParams('value'), d: 0.25, a: 0.7 },
      strategies: { A: { ...DEFAULT_STRATEGY, serviceLevel: 2, discount: -1 }, 'bad key!': { ...DEFAULT_STRATEGY }, B: { ...DEFAULT_STRATEGY } },
    });
    expect(s.params.d).toBe(0.1);
    expect(s.params.a).toBe(0.7);
    expect(s.seed).toBe(SEED_MAX);
    expect(s.strategies.A.serviceLevel).toBe(0.99);
    expect(s.strategies.A.discount).toBe(0);
    expect(Object.keys(s.strategies)).toEqual(['A']);
  });

  it('controls hidden for the current scheme are not shown', () => {
    const cfg = getLens('value');
    const visible = (scheme: string) => cfg.controls.filter((c) => controlVisible(c, { ...defaultParams('value'), scheme })).map((c) => c.id);
    expect(visible('abc')).toEqual(['scheme', 'a', 'b']);
    expect(visible('rfm')).toEqual(['scheme']);
    expect(visible('clv')).toEqual(['scheme', 'high', 'medium', 'd']);
  });
});
