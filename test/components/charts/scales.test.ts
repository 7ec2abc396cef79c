import { describe, expect, it } from 'vitest';
import {
  MARKER_SHAPES,
  chartWidth,
  countMarkers,
  dashPattern,
  formatUsdShort,
  logTicks,
  markerPath,
  medianOf,
  seriesColour,
} from '../../../src/components/charts/scales';
import { prepareScatter, extremeGroup } from '../../../src/components/charts/scatter';

describe('chart scales helpers', () => {
  it('hands out eight distinct palette colours, yellow last, and distinct dash patterns', () => {
    const colours = Array.from({ length: 8 }, (_, i) => seriesColour(i));
    expect(new Set(colours).size).toBe(8);
    expect(colours[7]).toBe('var(--chart-7)');
    expect(seriesColour(8)).toBe(seriesColour(0));
    expect(new Set(Array.from({ length: 8 }, (_, i) => dashPattern(i))).size).toBe(8);
  });

  it('builds one closed sub-path per marker, with finite coordinates, for every shape', () => {
    for (const shape of MARKER_SHAPES) {
      const d = markerPath(shape, 100.04, 50, 3) + markerPath(shape, 10, 20, 3);
      expect(countMarkers(d), shape).toBe(2);
      expect(d).not.toMatch(/NaN|Infinity/);
      const nums = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(nums.every(Number.isFinite)).toBe(true);
    }
  });

  it('picks 1-2-5 log ticks and thins them on wide ranges', () => {
    expect(logTicks(0.87, 138)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(50, 600_000, 8)).toEqual([100, 1000, 10_000, 100_000]);
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(5, 5)).toEqual([]);
  });

  it('medians ignore non-finite values; widths fall back before layout', () => {
    expect(medianOf([3, Number.NaN, 1, 2])).toBe(2);
    expect(medianOf([])).toBeNaN();
    expect(chartWidth(0)).toBe(640);
    expect(chartWidth(120)).toBe(280);
    expect(chartWidth(2000)).toBe(960);
  });

  it('formats short dollar ticks per locale', () => {
    expect(formatUsdShort('en', 200_000)).toBe('$200K');
    expect(formatUsdShort('en', 1_250_000)).toBe('$1.3M');
    expect(formatUsdShort('zh-cn', 200_000)).toBe('US$20万');
    expect(formatUsdShort('en', Number.NaN)).toBe('–');
  });

  it('prepares scatters: drops bad points, counts them, and finds extreme groups', () => {
    const data = prepareScatter(
      [
        { x: 1, y: 1, group: 0 },
        { x: 3, y: 9, group: 0 },
        { x: 5, y: 2, group: 1 },
        { x: -1, y: 2, group: 1 },
        { x: 1, y: 2, group: 2 },
      ],
      3,
      { xLog: true },
    );
    expect(data.points).toHaveLength(4);
    expect(data.skipped).toBe(1);
    expect(data.stats.map((s) => s.count)).toEqual([2, 1, 1]);
    expect(data.stats[0].medianY).toBe(5);
    expect(extremeGroup(data.stats, (s) => s.medianX, 1)).toBe(1);
    expect(extremeGroup(data.stats, (s) => s.medianY, -1)).toBe(1);
    expect(prepareScatter([{ x: 1, y: 1, group: 0 }], 0).points).toHaveLength(0);
  });
});
