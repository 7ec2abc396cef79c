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
  it('every lens shows its own rule first', () => {
    for (const lens of LENSES) expect(formulasFor(lens)[0].id).toBe(lens);
  });
});
