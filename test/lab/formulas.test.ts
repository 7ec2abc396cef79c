// The pre-rendered MathML must match the TeX (regenerate with: npx tsx src/lib/lab/formulas.gen.ts).
import { describe, expect, it } from 'vitest';
import { FORMULAS, formulasFor } from '../../src/lib/lab/formulas';
import { MATHML } from '../../src/lib/lab/formulas.mathml';
import { renderMathml } from '../../src/lib/lab/formulas.gen';
import { TEX } from '../../src/lib/lab/formulas.tex';
import { LENSES } from '../../src/lib/lab/lenses';
import en from '../../src/i18n/lab.en.json';

describe('under-the-hood formulas', () => {
  for (const f of Object.values(FORMULAS)) {
    it(`${f.id}: stored MathML is KaTeX's rendering of the TeX, with a source`, () => {
      expect(MATHML[f.id]).toBe(renderMathml(TEX[f.id]));
      expect(MATHML[f.id]).toContain('<math');
      expect(f.source.length).toBeGreaterThan(5);
      for (const p of f.params) {
        expect(Number.isFinite(p.value)).toBe(true);
        expect(en).toHaveProperty([`lab.hood.param.${p.key}`]);
      }
      expect(en).toHaveProperty([`lab.hood.${f.id}.title`]);
    });
  }
  it('TeX, MathML and formula lists have the same ids', () => {
    expect(Object.keys(TEX).sort()).toEqual(Object.keys(FORMULAS).sort());
    expect(Object.keys(MATHML).sort()).toEqual(Object.keys(FORMULAS).sort());
  });
  it('every lens rule lists its parameters, distances in km and times in days', () => {
    for (const lens of LENSES) expect(FORMULAS[lens].params.length, lens).toBeGreaterThan(0);
    const value = Object.fromEntries(FORMULAS.value.params.map((p) => [p.key, p]));
    expect(value.discountRate).toMatchObject({ value: 0.1, unit: 'perYear' });
    expect(value.abcA).toMatchObject({ value: 0.8, unit: 'fraction' });
    expect(value.abcB).toMatchObject({ value: 0.95, unit: 'fraction' });
    const geo = Object.fromEntries(FORMULAS.geography.params.map((p) => [p.key, p.unit]));
    expect(geo).toEqual({ localDeliveryKm: 'km', pickDays: 'days' });
    expect(en).toHaveProperty(['lab.unit.km']);
    expect(en).toHaveProperty(['lab.unit.days']);
  });
  it('every lens shows its own rule first', () => {
    for (const lens of LENSES) expect(formulasFor(lens)[0].id).toBe(lens);
  });
});
