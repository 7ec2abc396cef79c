/**
 * The engine figures quoted in chapter 09's worked example (English and Chinese), recomputed by the
 * engine through the lab's own comparison (src/lib/flexibility/run.ts: generateCompany(42, 2,000),
 * the lifecycle segmentation, simulate() for the rigid and flexible plans under the scenario), formatted
 * the way the lesson prints them, and required in the worked example of BOTH languages. If an engine
 * change moves a quoted number, this test names the figure and its new value: update both lessons.
 *
 * Units: money in USD, shares as fractions 0..1, satisfaction 0..100, weeks 1-based (the lab's axis).
 * Pattern: test/content-figures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlexEngine, type FlexComparison } from '../../../src/lib/flexibility/run';
import { DEFAULT_FLEX_STATE, withScenario, type FlexState } from '../../../src/lib/flexibility/state';
import { LIFECYCLE_PLAN, flexiblePlan, scenarioSpec } from '../../../src/lib/flexibility/plans';
import { validatePlan } from '../../../simulations/strategy/plan';
import { simulate } from '../../../simulations/simulate/simulate';

const ROOT = join(__dirname, '../../..');
const engine = new FlexEngine(42, 2000, 52);

const D: FlexState = { ...DEFAULT_FLEX_STATE };
const OFF = { buffer: 0, postponement: false, dualSourcing: false, fastDelivery: false };
const cache = new Map<string, FlexComparison>();
function cmp(s: FlexState): FlexComparison {
  const k = JSON.stringify(s);
  let c = cache.get(k);
  if (!c) {
    c = engine.compare(s);
    cache.set(k, c);
  }
  return c;
}
const shift = () => cmp(D);
const none = () => cmp(withScenario(D, 'none'));
const diff = (c: FlexComparison) => c.flexible.profit - c.rigid.profit;

// ---------------------------------------------------------------------------------------------
// Formats (as in test/content-figures.test.ts)
// ---------------------------------------------------------------------------------------------
const MINUS = '\u2212';
const unsigned = (x: number, s: string) => (x < 0 ? MINUS : '') + s;
const signed = (x: number, s: string) => (x < 0 ? MINUS : '+') + s;
function zhUsd(x: number, step: number): string {
  const a = Math.abs(x);
  const s = a >= 1e8 && step === 100 ? `${(a / 1e8).toFixed(2)} 亿美元` : `${Math.round(a / 1e4 / step) * step} 万美元`;
  return unsigned(x, s);
}
type Pair = { en: string; zh: string };
const both = (s: string): Pair => ({ en: s, zh: s });
const FORMATS = {
  usdM1: (x: number): Pair => ({ en: unsigned(x, `$${(Math.abs(x) / 1e6).toFixed(1)}M`), zh: zhUsd(x, 10) }),
  usdM0: (x: number): Pair => ({ en: unsigned(x, `$${Math.round(Math.abs(x) / 1e6)}M`), zh: zhUsd(x, 100) }),
  /** a USD amount without sign, e.g. "less": $5.7M | 570 万美元 */
  usdAbs1: (x: number): Pair => FORMATS.usdM1(Math.abs(x)),
  mnSigned1: (x: number): Pair => both(signed(x, (Math.abs(x) / 1e6).toFixed(1))),
  pct0: (x: number): Pair => both(`${Math.round(x * 100)}%`),
  pct1: (x: number): Pair => both(`${(x * 100).toFixed(1)}%`),
  pctSigned1: (x: number): Pair => both(signed(x, `${(Math.abs(x) * 100).toFixed(1)}%`)),
  score1: (x: number): Pair => both(x.toFixed(1)),
  int: (x: number): Pair => both(String(x)),
} as const;
type Format = keyof typeof FORMATS;

interface Row {
  what: string;
  value: () => number;
  format: Format;
  /** text around the figure ({}), per language; without it the figure alone is looked for */
  en?: string;
  zh?: string;
}
const CELL = '| {} |';

const ROWS: Row[] = [
  // business as usual: the rigid plan (lesson 05's matched plan)
  { what: 'rigid profit, no shift', value: () => none().rigid.profit, format: 'usdM1' },
  // the default shift: the table
  { what: 'rigid revenue', value: () => shift().rigid.revenue, format: 'usdM0', en: CELL, zh: CELL },
  { what: 'flexible revenue', value: () => shift().flexible.revenue, format: 'usdM0', en: CELL, zh: CELL },
  { what: 'rigid cost', value: () => shift().rigid.cost, format: 'usdM0', en: CELL, zh: CELL },
  { what: 'flexible cost', value: () => shift().flexible.cost, format: 'usdM0', en: CELL, zh: CELL },
  { what: 'flexibility cost', value: () => shift().flexible.flexCost, format: 'usdM1', en: CELL, zh: CELL },
  { what: 'rigid profit', value: () => shift().rigid.profit, format: 'usdM1', en: CELL, zh: CELL },
  { what: 'flexible profit', value: () => shift().flexible.profit, format: 'usdM1', en: CELL, zh: CELL },
  { what: 'rigid fill rate', value: () => shift().rigid.fillRate, format: 'pct1', en: CELL, zh: CELL },
  { what: 'flexible fill rate', value: () => shift().flexible.fillRate, format: 'pct1', en: CELL, zh: CELL },
  { what: 'rigid fill after', value: () => shift().rigid.fillAfter, format: 'pct1', en: CELL, zh: CELL },
  { what: 'flexible fill after', value: () => shift().flexible.fillAfter, format: 'pct1', en: CELL, zh: CELL },
  { what: 'rigid OTIF', value: () => shift().rigid.otif, format: 'pct1', en: CELL, zh: CELL },
  { what: 'flexible OTIF', value: () => shift().flexible.otif, format: 'pct1', en: CELL, zh: CELL },
  { what: 'rigid satisfaction', value: () => shift().rigid.satisfaction, format: 'score1', en: CELL, zh: CELL },
  { what: 'flexible satisfaction', value: () => shift().flexible.satisfaction, format: 'score1', en: CELL, zh: CELL },
  { what: 'rigid churn', value: () => shift().rigid.churnRate, format: 'pct1', en: CELL, zh: CELL },
  { what: 'flexible churn', value: () => shift().flexible.churnRate, format: 'pct1', en: CELL, zh: CELL },
  // the verdict
  { what: 'profit gain', value: () => diff(shift()), format: 'usdM1', en: '**{} (', zh: '多赚 {}' },
  { what: 'profit gain, %', value: () => shift().verdict.relative, format: 'pctSigned1', en: '({}) ahead', zh: '（{}）' },
  { what: 'pull-ahead week', value: () => shift().verdict.aheadFrom ?? -1, format: 'int', en: '**week {}**', zh: '**第 {} 周**' },
  // lever by lever (USD million differences in the table, fill rate after the shift)
  { what: 'buffer alone: profit', value: () => diff(cmp({ ...D, ...OFF, buffer: 0.2 })), format: 'mnSigned1', en: '| Capacity buffer 20% | {} |', zh: '| 产能缓冲 20% | {} |' },
  { what: 'buffer alone: fill after', value: () => cmp({ ...D, ...OFF, buffer: 0.2 }).flexible.fillAfter, format: 'pct1', en: '| Capacity buffer 20% | +1.5 | {} |', zh: '| 产能缓冲 20% | +1.5 | {} |' },
  { what: 'postponement alone: profit', value: () => diff(cmp({ ...D, ...OFF, postponement: true })), format: 'mnSigned1', en: '| Postponement | {} |', zh: '| 延迟策略 | {} |' },
  { what: 'postponement alone: fill after', value: () => cmp({ ...D, ...OFF, postponement: true }).flexible.fillAfter, format: 'pct1', en: '| Postponement | +4.3 | {} |', zh: '| 延迟策略 | +4.3 | {} |' },
  { what: 'dual sourcing alone: profit', value: () => diff(cmp({ ...D, ...OFF, dualSourcing: true })), format: 'mnSigned1', en: 'buyers) | {} |', zh: '客户） | {} |' },
  { what: 'dual sourcing alone: fill after', value: () => cmp({ ...D, ...OFF, dualSourcing: true }).flexible.fillAfter, format: 'pct1', en: 'buyers) | +1.1 | {} |', zh: '客户） | +1.1 | {} |' },
  { what: 'fast delivery alone: profit', value: () => diff(cmp({ ...D, ...OFF, fastDelivery: true })), format: 'mnSigned1', en: '(new-product buyers) | {} |', zh: '（新品型客户） | {} |' },
  { what: 'fast delivery alone: fill after', value: () => cmp({ ...D, ...OFF, fastDelivery: true }).flexible.fillAfter, format: 'pct1' },
  { what: 'fast delivery alone: OTIF', value: () => cmp({ ...D, ...OFF, fastDelivery: true }).flexible.otif, format: 'pct1', en: 'to {}, yet', zh: '提高到 {}' },
  // surge source behind both chains
  { what: 'surge everywhere: premiums', value: () => dsBoth().flexCost, format: 'usdM1', en: 'premiums come to {}', zh: '溢价高达 {}' },
  { what: 'surge everywhere: profit', value: () => dsBoth().profit, format: 'usdM1', en: 'profit falls to {}', zh: '利润跌到 {}' },
  // business as usual
  { what: 'no shift: flexibility cost', value: () => none().flexible.flexCost, format: 'usdM1', en: 'levers cost {}', zh: '要花 {}' },
  { what: 'no shift: flexible profit', value: () => none().flexible.profit, format: 'usdM1', en: 'earns {} against', zh: '赚 {}' },
  { what: 'no shift: loss', value: () => diff(none()), format: 'usdAbs1', en: '**{} less**', zh: '**少赚 {}**' },
  { what: 'break-even probability', value: () => -diff(none()) / (diff(shift()) - diff(none())), format: 'pct0', en: 'about **{}**', zh: '约 **{}**' },
  // other scenarios
  { what: 'region shift: loss', value: () => diff(cmp(withScenario(D, 'shift-region'))), format: 'usdAbs1', en: 'they lose {}', zh: '少赚 {}：' },
  { what: 'shock: gain', value: () => diff(cmp(withScenario(D, 'shock'))), format: 'usdM1', en: 'they win {}', zh: '多赚 {}，' },
  { what: 'shock: pull-ahead week', value: () => cmp(withScenario(D, 'shock')).verdict.aheadFrom ?? -1, format: 'int', en: 'pull ahead from week {}', zh: '从第 {} 周起' },
];

/** The flexible plan with the surge source on BOTH segments (and no other lever), under the default shift. */
function dsBoth(): { flexCost: number; profit: number } {
  const plan = validatePlan({
    segmentation: LIFECYCLE_PLAN.segmentation,
    strategies: { '*': LIFECYCLE_PLAN.strategies['*'], new: { ...LIFECYCLE_PLAN.strategies.new, dualSourcing: true }, mature: { ...LIFECYCLE_PLAN.strategies.mature, dualSourcing: true } },
  });
  const opts = { weeks: 52, seed: 42, segmentation: engine.segmentation, scenario: scenarioSpec(D) };
  const real = simulate(engine.company, plan, opts);
  const free = simulate(engine.company, plan, { ...opts, params: { capacityReserveRate: 0, postponementCostPremium: 0, surgeCostPremium: 0 } });
  return { flexCost: real.totals.cost.total - free.totals.cost.total, profit: real.totals.profit };
}

// ---------------------------------------------------------------------------------------------
function normalise(text: string): string {
  return text.replace(/\\\$/g, '$').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}
function workedExample(lang: 'en' | 'zh-cn'): string {
  const mdx = readFileSync(join(ROOT, 'content/lessons', lang, '09-flexibility', 'index.mdx'), 'utf8');
  const start = mdx.indexOf('{/* Figures from the engine');
  if (start < 0) throw new Error(`${lang}: no figures comment in the worked example`);
  const end = mdx.indexOf('\n## ', start);
  return normalise(mdx.slice(start, end < 0 ? undefined : end));
}
const TEXT = { en: workedExample('en'), zh: workedExample('zh-cn') };

describe('chapter 09 worked example figures', () => {
  it('formats as the lesson prints', () => {
    expect(FORMATS.usdM1(67_198_799)).toEqual({ en: '$67.2M', zh: '6720 万美元' });
    expect(FORMATS.usdM0(884_512_000)).toEqual({ en: '$885M', zh: '8.85 亿美元' });
    expect(FORMATS.mnSigned1(-740_000)).toEqual(both(`${MINUS}0.7`));
    expect(normalise('\\$1,234M, 6,720 万美元')).toBe('$1234M, 6720 万美元');
  });

  it.each(ROWS.map((r) => [r.what, r] as const))('%s', (_what, row) => {
    const v = row.value();
    expect(Number.isFinite(v)).toBe(true);
    const f = FORMATS[row.format](v);
    for (const lang of ['en', 'zh'] as const) {
      const tpl = lang === 'en' ? row.en : row.zh;
      const needle = tpl ? tpl.replace('{}', f[lang]) : f[lang];
      expect(TEXT[lang], `${lang}: "${row.what}" should read ${needle}`).toContain(needle);
    }
  });

  it('directions the text states in words', () => {
    const s = shift();
    // "the shift is good news for both plans": the rigid plan earns more than without the shift
    expect(s.rigid.profit).toBeGreaterThan(none().rigid.profit);
    // "express and air for the new-product buyers alone raise Kestrel's whole freight bill by more than half"
    const fd = cmp({ ...D, ...OFF, fastDelivery: true });
    expect(fd.flexible.transport / fd.rigid.transport).toBeGreaterThan(1.5);
    // fast delivery "creates no supply: the fill rate does not rise"
    expect(fd.flexible.fillAfter).toBeLessThanOrEqual(fd.rigid.fillAfter);
    // "Dual sourcing does most for the fill rate", "Postponement does most for profit" (among single levers)
    const alone = [{ buffer: 0.2 }, { postponement: true }, { dualSourcing: true }, { fastDelivery: true }].map((l) => cmp({ ...D, ...OFF, ...l }));
    const best = (f: (c: FlexComparison) => number) => alone.indexOf([...alone].sort((a, b) => f(b) - f(a))[0]);
    expect(best((c) => c.flexible.fillAfter)).toBe(2);
    expect(best(diff)).toBe(1);
    // "the flexible plan trails the rigid one week after week before the shift"
    const start = s.state.week - 1;
    let r = 0;
    let f = 0;
    for (let i = 0; i < start; i++) {
      r += s.weekly.rigidProfit[i];
      f += s.weekly.flexibleProfit[i];
    }
    expect(f).toBeLessThan(r);
    // "the rigid plan already ships most regional demand from the central stock": little to rescue
    expect(cmp(withScenario(D, 'shift-region')).rigid.fillAfter).toBeGreaterThan(0.9);
    // lever switched off → identical plan (the module comment of plans.ts)
    expect(flexiblePlan(OFF).strategies.new).toEqual(validatePlan(LIFECYCLE_PLAN).strategies.new);
  });
});
