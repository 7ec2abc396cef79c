import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, deriveSeed, hashString, hashUniform } from '../../simulations/random/rng';
import {
  beta,
  categorical,
  categoricalCum,
  cumulative,
  exponential,
  gamma,
  logNormal,
  logitNormal,
  normal,
  poisson,
  standardNormal,
  uniformInt,
} from '../../simulations/random/distributions';
import { EngineError, checkNumber, checkOneOf, formatValue } from '../../simulations/errors';

function stats(draw: () => number, n: number) {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

describe('createRng', () => {
  it('is reproducible for the same seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 1000 }, () => a());
    const xb = Array.from({ length: 1000 }, () => b());
    const xc = Array.from({ length: 1000 }, () => c());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });

  it('numbers and strings seed the same way as their text', () => {
    expect(createRng(7)()).toBe(createRng('7')());
  });

  it('returns floats in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = createRng('uniform');
    let min = 1;
    let max = 0;
    const { mean, variance } = stats(() => {
      const x = r();
      min = Math.min(min, x);
      max = Math.max(max, x);
      return x;
    }, 200_000);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it('derived seeds give independent, stable sub-streams', () => {
    expect(deriveSeed(1, 'customers')).toBe('1/customers');
    const a = createRng(deriveSeed(1, 'a'))();
    const b = createRng(deriveSeed(1, 'b'))();
    expect(a).not.toBe(b);
  });

  it.each([[NaN], [Infinity], [''], [{}], [null], ['x'.repeat(201)]])('rejects the seed %s with an EngineError', (seed) => {
    expect(() => createRng(seed as never)).toThrow(EngineError);
  });

  it('property: any valid seed gives values in [0, 1)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string({ minLength: 1, maxLength: 50 })), (seed) => {
        const r = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = r();
          if (!(x >= 0 && x < 1)) return false;
        }
        return true;
      }),
      { numRuns: 100 },
    );
  });
});

describe('hash streams', () => {
  it('hashString is FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
  it('hashUniform is deterministic, in [0,1) and roughly uniform', () => {
    expect(hashUniform(5, 10, 2)).toBe(hashUniform(5, 10, 2));
    let s = 0;
    let inRange = true;
    for (let i = 0; i < 50_000; i++) {
      const u = hashUniform(123, i, 0);
      inRange &&= u >= 0 && u < 1;
      s += u;
    }
    expect(inRange).toBe(true);
    expect(s / 50_000).toBeCloseTo(0.5, 2);
  });
});

describe('distributions (fixed seed, tolerances for n = 200,000)', () => {
  const N = 200_000;
  it('standard normal has mean 0 and variance 1', () => {
    const r = createRng(1);
    const s = stats(() => standardNormal(r), N);
    expect(Math.abs(s.mean)).toBeLessThan(0.01);
    expect(s.variance).toBeCloseTo(1, 1);
  });
  it('normal(mean, sd) scales and shifts', () => {
    const r = createRng(2);
    const s = stats(() => normal(r, 10, 3), N);
    expect(s.mean).toBeCloseTo(10, 1);
    expect(Math.sqrt(s.variance)).toBeCloseTo(3, 1);
  });
  it('logNormal has the requested median', () => {
    const r = createRng(3);
    const xs = Array.from({ length: 50_001 }, () => logNormal(r, 1000, 0.8)).sort((a, b) => a - b);
    expect(xs[25_000] / 1000).toBeGreaterThan(0.97);
    expect(xs[25_000] / 1000).toBeLessThan(1.03);
  });
  it.each([[0.5], [3], [12], [80]])('poisson(%d) has mean and variance lambda', (lambda) => {
    const r = createRng(4);
    const s = stats(() => poisson(r, lambda), N);
    expect(s.mean / lambda).toBeGreaterThan(0.98);
    expect(s.mean / lambda).toBeLessThan(1.02);
    expect(s.variance / lambda).toBeGreaterThan(0.95);
    expect(s.variance / lambda).toBeLessThan(1.05);
  });
  it('poisson(0) is 0', () => {
    expect(poisson(createRng(1), 0)).toBe(0);
  });
  it.each([[0.5], [2], [9]])('gamma(shape %d, scale 2) has mean 2·shape and variance 4·shape', (shape) => {
    const r = createRng(5);
    const s = stats(() => gamma(r, shape, 2), N);
    expect(s.mean / (2 * shape)).toBeGreaterThan(0.98);
    expect(s.mean / (2 * shape)).toBeLessThan(1.02);
    expect(s.variance / (4 * shape)).toBeGreaterThan(0.95);
    expect(s.variance / (4 * shape)).toBeLessThan(1.05);
  });
  it('beta(2, 6) has mean 0.25', () => {
    const r = createRng(6);
    expect(stats(() => beta(r, 2, 6), N).mean).toBeCloseTo(0.25, 2);
  });
  it('exponential has the requested mean', () => {
    const r = createRng(7);
    expect(stats(() => exponential(r, 4), N).mean).toBeCloseTo(4, 1);
  });
  it('categorical and categoricalCum follow the weights', () => {
    const r = createRng(8);
    const w = [1, 0, 3, 6];
    const counts = [0, 0, 0, 0];
    const counts2 = [0, 0, 0, 0];
    const cum = cumulative(w);
    for (let i = 0; i < N; i++) {
      counts[categorical(r, w)]++;
      counts2[categoricalCum(r, cum)]++;
    }
    expect(counts[1]).toBe(0);
    expect(counts2[1]).toBe(0);
    expect(counts[0] / N).toBeCloseTo(0.1, 2);
    expect(counts[3] / N).toBeCloseTo(0.6, 2);
    expect(counts2[2] / N).toBeCloseTo(0.3, 2);
  });
  it('logitNormal stays inside (0, 1) even for extreme inputs and is centred on the mean', () => {
    expect(logitNormal(0.3, 0.5, 0)).toBeCloseTo(0.3, 10);
    for (const m of [0, 1, 0.5]) for (const z of [-40, 40]) {
      const x = logitNormal(m, 2, z);
      expect(x >= 0 && x <= 1 && Number.isFinite(x)).toBe(true);
    }
  });
  it('uniformInt stays in range', () => {
    const r = createRng(9);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) seen.add(uniformInt(r, 7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
  it('never returns NaN, even when the rng returns exactly 0', () => {
    const zero = () => 0;
    for (const x of [standardNormal(zero), logNormal(zero, 1, 1), exponential(zero, 1), gamma(() => 0.5, 0.3), poisson(zero, 5), beta(() => 0.5, 2, 2)])
      expect(Number.isNaN(x)).toBe(false);
  });
});

describe('EngineError', () => {
  it('has a one-line message naming field, value and allowed range', () => {
    const e = new EngineError('customers', 10, '50..200000');
    expect(e.message).toBe('customers: 10 is out of range (allowed 50..200000)');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('EngineError');
    expect([e.field, e.value, e.allowed]).toEqual(['customers', 10, '50..200000']);
  });
  it('checkNumber rejects non-numbers, non-integers and out-of-range values', () => {
    expect(checkNumber('k', 3, 2, 12, { integer: true })).toBe(3);
    expect(() => checkNumber('k', 2.5, 2, 12, { integer: true })).toThrow('k: 2.5 is not an integer (allowed integer 2..12)');
    expect(() => checkNumber('k', NaN, 2, 12)).toThrow('k: NaN is not a finite number (allowed 2..12)');
    expect(() => checkNumber('k', '3', 2, 12)).toThrow('k: "3" is not a finite number');
    expect(() => checkNumber('k', 13, 2, 12)).toThrow('k: 13 is out of range (allowed 2..12)');
  });
  it('checkOneOf lists the allowed values', () => {
    expect(() => checkOneOf('method', 'magic', ['a', 'b'])).toThrow('method: "magic" is not allowed (allowed a|b)');
  });
  it('formatValue keeps messages on one short line', () => {
    expect(formatValue('x'.repeat(100)).length).toBeLessThan(70);
    expect(formatValue({ a: 'line\nbreak' })).not.toContain('\n');
    expect(formatValue([1, 2, 3])).toBe('array(3)');
  });
});
