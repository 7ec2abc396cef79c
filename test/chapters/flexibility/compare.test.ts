/**
 * The pure comparison functions of the flexibility lab (src/lib/flexibility/compare.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLEAR_FRACTION,
  TASK_FILL_TARGET,
  checkTask,
  cumulative,
  fillRateFrom,
  predictAnswer,
  pullAheadWeek,
  verdict,
  weeklyProfit,
} from '../../../src/lib/flexibility/compare';

describe('weekly profit and cumulative sums', () => {
  it('revenue − cost per week, then running totals', () => {
    expect([...weeklyProfit([10, 20, 5], [4, 25, 5])]).toEqual([6, -5, 0]);
    expect([...cumulative([6, -5, 0, 2])]).toEqual([6, 1, 1, 3]);
    expect(() => weeklyProfit([1, 2], [1])).toThrow(/2 weeks/);
  });
});

describe('pullAheadWeek', () => {
  it('finds the week from which the flexible plan stays ahead to the end', () => {
    // flexible pays 1 a week more for 3 weeks, then earns 2 a week more: cum diff −1 −2 −3 −1 +1 +3
    const rigid = [10, 10, 10, 10, 10, 10];
    const flex = [9, 9, 9, 12, 12, 12];
    expect(pullAheadWeek(rigid, flex)).toBe(5);
  });

  it('ignores an early lead that is lost again, and says null when behind at the end', () => {
    expect(pullAheadWeek([0, 0, 0, 0], [1, -2, 0, 2])).toBe(4); // cum +1, −1, −1, +1
    expect(pullAheadWeek([0, 0, 0], [1, 1, -5])).toBeNull();
    expect(pullAheadWeek([0, 0], [0, 0])).toBeNull(); // level is not ahead
    expect(pullAheadWeek([0, 0], [1, 0])).toBe(1);
    expect(pullAheadWeek([], [])).toBeNull();
  });

  it('property: from the returned week on, cumulative flexible profit is above rigid, and the week before it is not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), { minLength: 1, maxLength: 60 }), (pairs) => {
        const r = pairs.map((p) => p[0]);
        const f = pairs.map((p) => p[1]);
        const w = pullAheadWeek(r, f);
        const cr = cumulative(r);
        const cf = cumulative(f);
        if (w === null) expect(cf[cf.length - 1]).toBeLessThanOrEqual(cr[cr.length - 1]);
        else {
          for (let i = w - 1; i < pairs.length; i++) expect(cf[i]).toBeGreaterThan(cr[i]);
          if (w > 1) expect(cf[w - 2]).toBeLessThanOrEqual(cr[w - 2]);
        }
      }),
    );
  });
});

describe('verdict', () => {
  it('names the winner, the difference and the relative change', () => {
    const v = verdict(100e6, 104e6, [1, 1], [0, 3]);
    expect(v).toEqual({ winner: 'flexible', diff: 4e6, relative: 0.04, aheadFrom: 2 });
    expect(verdict(100e6, 90e6, [1], [0])).toMatchObject({ winner: 'rigid', diff: -10e6, aheadFrom: null });
    expect(verdict(100e6, 100.05e6, [1], [1])).toMatchObject({ winner: 'tie' });
    expect(verdict(0, 0, [0], [0])).toEqual({ winner: 'tie', diff: 0, relative: 0, aheadFrom: null });
  });
});

describe('fill rate from a week', () => {
  it('averages the weekly rates from the start index, skipping non-finite weeks', () => {
    expect(fillRateFrom([1, 1, 0.8, 0.6], 2)).toBeCloseTo(0.7, 12);
    expect(fillRateFrom([1, Number.NaN, 0.5], 0)).toBeCloseTo(0.75, 12);
    expect(fillRateFrom([1, 1], 5)).toBeNaN();
  });
});

describe('predict-then-reveal answer', () => {
  it('pays / even / loses around ±1 % of the rigid profit', () => {
    const r = 50e6;
    expect(predictAnswer(r, r * (1 + CLEAR_FRACTION) + 1)).toBe('pays');
    expect(predictAnswer(r, r * (1 + CLEAR_FRACTION) - 1)).toBe('even');
    expect(predictAnswer(r, r)).toBe('even');
    expect(predictAnswer(r, r * (1 - CLEAR_FRACTION) - 1)).toBe('loses');
  });
});

describe('the guided task', () => {
  const ok = { fillAfter: TASK_FILL_TARGET, profitDiff: 1 };
  const bad = { fillAfter: 0.9, profitDiff: -1 };
  it.each([
    [false, ok, null, 'noScenario', false],
    [true, { fillAfter: 0.94, profitDiff: 5 }, null, 'fillLow', false],
    [true, { fillAfter: 0.99, profitDiff: 0 }, null, 'profitLow', false],
    [true, bad, null, 'bothLow', false],
    [true, ok, ok, 'notSmallest', false],
    [true, ok, bad, 'met', true],
    [true, ok, null, 'met', true],
  ] as const)('active=%s current=%j lower=%j → %s', (active, current, lower, reason, met) => {
    expect(checkTask(active, current, lower)).toEqual({ met, reason });
  });
});
