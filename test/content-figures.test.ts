/**
 * The engine figures quoted in the lessons' worked examples (lessons 02-06, English and Chinese).
 *
 * Each worked example quotes results of
 *   npm run sim -- --seed 42 --customers 2000 --weeks 52 --plan simulations/plans/<plan>.json
 * (the commands stand in an MDX comment above the example). This test re-runs those plans through
 * the engine API exactly as simulations/cli.ts does (generateCompany(seed, {customers}),
 * validatePlan(plan JSON), simulate(company, plan, {weeks, seed})), formats each headline figure
 * the way the lesson prints it, and requires that string in the worked example of BOTH languages.
 * If a change to the engine moves a quoted number, this test fails and names the lesson, the
 * figure and the new value: re-run the commands and update both lessons.
 *
 * Units: money in USD, shares as fractions 0..1, satisfaction 0..100, counts of customers.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SegmentResult, SimulationResult, Totals } from '../simulations/types';
import { generateCompany } from '../simulations/company/generate';
import { validatePlan } from '../simulations/strategy/plan';
import { simulate } from '../simulations/simulate/simulate';

// ---------------------------------------------------------------------------------------------
// The runs (the lessons' "class company": seed 42, 2,000 customers, 52 weeks)
// ---------------------------------------------------------------------------------------------

const ROOT = join(__dirname, '..');
const SEED = 42;
const CUSTOMERS = 2000;
const WEEKS = 52;

type Plan =
  | 'baseline'
  | 'needs'
  | 'value'
  | 'geography-split-only'
  | 'geography'
  | 'lifecycle-segments-only'
  | 'lifecycle'
  | 'lifecycle-mismatch'
  | 'behaviour-segments-only'
  | 'behaviour-channel'
  | 'behaviour'
  | 'behaviour-frequency-responsive';

const company = generateCompany(SEED, { customers: CUSTOMERS });
const runs = new Map<Plan, SimulationResult>();
/** One simulation per plan, shared by every row that quotes it. */
function run(plan: Plan): SimulationResult {
  let r = runs.get(plan);
  if (!r) {
    const json: unknown = JSON.parse(readFileSync(join(ROOT, 'simulations/plans', `${plan}.json`), 'utf8'));
    r = simulate(company, validatePlan(json), { weeks: WEEKS, seed: SEED });
    runs.set(plan, r);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Metrics: a function of the plan's run and of the run it is compared with (baseline by default)
// ---------------------------------------------------------------------------------------------

type Field = 'revenue' | 'profit' | 'otif' | 'fillRate' | 'satisfaction' | 'churnRate' | 'costToServe' | 'ctsShare' | 'customers';
type Metric = (r: SimulationResult, vs: SimulationResult) => number;

function value(t: Totals | SegmentResult, f: Field): number {
  switch (f) {
    // cost-to-serve as the lessons define it: every cost except production, USD
    case 'costToServe':
      return t.cost.total - t.cost.production;
    // cost-to-serve per dollar of revenue (a fraction)
    case 'ctsShare':
      return (t.cost.total - t.cost.production) / t.revenue;
    case 'customers':
      if (!('customers' in t)) throw new Error('customers is a segment field');
      return t.customers;
    default:
      return t[f];
  }
}
function segmentOf(r: SimulationResult, key: string): SegmentResult {
  const s = r.segments.find((x) => x.key === key);
  if (!s) throw new Error(`no segment "${key}" (have ${r.segments.map((x) => x.key).join(', ')})`);
  return s;
}
/** company total */
const tot = (f: Field): Metric => (r) => value(r.totals, f);
/** one segment */
const seg = (key: string, f: Field): Metric => (r) => value(segmentOf(r, key), f);
/** a segment's share of company revenue */
const revenueShare = (key: string): Metric => (r) => segmentOf(r, key).revenue / r.totals.revenue;
/** plan minus comparison run */
const delta = (m: Metric): Metric => (r, vs) => m(r, vs) - m(vs, vs);
/** change relative to the comparison run */
const relDelta = (m: Metric): Metric => (r, vs) => (m(r, vs) - m(vs, vs)) / Math.abs(m(vs, vs));
/** for text that says "less", "loses", "in the red": the figure printed without its sign */
const neg = (m: Metric): Metric => (r, vs) => -m(r, vs);

// ---------------------------------------------------------------------------------------------
// Formats: how the lessons print a figure, per language. Thousands separators are compared
// without commas (the text is normalised: "5,290" and "5290" both read "5290").
// ---------------------------------------------------------------------------------------------

const MINUS = '\u2212'; // the lessons print negatives with the minus sign, not a hyphen
const signed = (x: number, s: string) => (x < 0 ? MINUS : '+') + s;
const unsigned = (x: number, s: string) => (x < 0 ? MINUS : '') + s;
/** Chinese amount: 亿美元 with 2 decimals from 100 million up, else 万美元 to `step` 万 */
function zhUsd(x: number, step: number): string {
  const a = Math.abs(x);
  const s = a >= 1e8 && step === 100 ? `${(a / 1e8).toFixed(2)} 亿美元` : `${Math.round(a / 1e4 / step) * step} 万美元`;
  return unsigned(x, s);
}
type Pair = { en: string; zh: string };
const both = (s: string): Pair => ({ en: s, zh: s });

const FORMATS = {
  /** $52.9M | 5290 万美元 */
  usdM1: (x: number): Pair => ({ en: unsigned(x, `$${(Math.abs(x) / 1e6).toFixed(1)}M`), zh: zhUsd(x, 10) }),
  /** $934M | 9.34 亿美元 */
  usdM0: (x: number): Pair => ({ en: unsigned(x, `$${Math.round(Math.abs(x) / 1e6)}M`), zh: zhUsd(x, 100) }),
  /** 52.7 million | 5270 万美元 (lessons 05-06 prose) */
  million1: (x: number): Pair => ({ en: unsigned(x, `${(Math.abs(x) / 1e6).toFixed(1)} million`), zh: zhUsd(x, 10) }),
  /** 334 million | 3.34 亿美元 */
  million0: (x: number): Pair => ({ en: unsigned(x, `${Math.round(Math.abs(x) / 1e6)} million`), zh: zhUsd(x, 100) }),
  /** 52.9 (tables in USD m) */
  mn1: (x: number): Pair => both(unsigned(x, (Math.abs(x) / 1e6).toFixed(1))),
  /** 431 (tables in USD m) */
  mn0: (x: number): Pair => both(unsigned(x, String(Math.round(Math.abs(x) / 1e6)))),
  /** +2.5 / −6.5 (USD m) */
  mnSigned1: (x: number): Pair => both(signed(x, (Math.abs(x) / 1e6).toFixed(1))),
  /** +0.03 (USD m) */
  mnSigned2: (x: number): Pair => both(signed(x, (Math.abs(x) / 1e6).toFixed(2))),
  /** 72% */
  pct0: (x: number): Pair => both(unsigned(x, `${Math.round(Math.abs(x) * 100)}%`)),
  /** 15.9% */
  pct1: (x: number): Pair => both(unsigned(x, `${(Math.abs(x) * 100).toFixed(1)}%`)),
  /** +4.6% / −12.2% */
  pctSigned1: (x: number): Pair => both(signed(x, `${(Math.abs(x) * 100).toFixed(1)}%`)),
  /** +0.05% */
  pctSigned2: (x: number): Pair => both(signed(x, `${(Math.abs(x) * 100).toFixed(2)}%`)),
  /** 74.6 */
  score1: (x: number): Pair => both(x.toFixed(1)),
  /** 68 */
  score0: (x: number): Pair => both(String(Math.round(x))),
  /** 1082 */
  count: (x: number): Pair => both(String(x)),
  /** 15.1 cents | 15.1 美分 (a fraction of a dollar) */
  cents1: (x: number): Pair => ({ en: `${(x * 100).toFixed(1)} cents`, zh: `${(x * 100).toFixed(1)} 美分` }),
} as const;
type Format = keyof typeof FORMATS;

// ---------------------------------------------------------------------------------------------
// The quoted figures. `en`/`zh` wrap the formatted figure ({}) in the words around it where the
// bare figure could match elsewhere; without them the figure alone is looked for.
// ---------------------------------------------------------------------------------------------

type Lesson = '02-customer-needs' | '03-customer-value' | '04-geography' | '05-product-lifecycle' | '06-behaviour';
interface Row {
  lesson: Lesson;
  plan: Plan;
  /** comparison run for delta metrics (default: baseline) */
  vs?: Plan;
  /** what the row pins, for the failure message */
  what: string;
  metric: Metric;
  format: Format;
  en?: string;
  zh?: string;
}

const L02: Lesson = '02-customer-needs';
const L03: Lesson = '03-customer-value';
const L04: Lesson = '04-geography';
const L05: Lesson = '05-product-lifecycle';
const L06: Lesson = '06-behaviour';
const CELL = '| {} |';

const ROWS: Row[] = [
  // 02 Customer needs: baseline vs "Serve each need"
  { lesson: L02, plan: 'needs', what: 'price-first customers', metric: seg('price', 'customers'), format: 'count', en: '{} price-first', zh: '{} 个价格优先' },
  { lesson: L02, plan: 'needs', what: 'speed-first customers', metric: seg('speed', 'customers'), format: 'count', en: '{} speed-first', zh: '{} 个速度优先' },
  { lesson: L02, plan: 'needs', what: 'service-first customers', metric: seg('service', 'customers'), format: 'count', en: '{} service-first', zh: '{} 个服务优先' },
  { lesson: L02, plan: 'needs', what: 'balanced customers', metric: seg('balanced', 'customers'), format: 'count', en: '{} balanced', zh: '{} 个需求均衡' },
  { lesson: L02, plan: 'baseline', what: 'baseline profit', metric: tot('profit'), format: 'usdM1', en: CELL, zh: CELL },
  { lesson: L02, plan: 'needs', what: 'plan profit', metric: tot('profit'), format: 'usdM1', en: CELL, zh: CELL },
  { lesson: L02, plan: 'needs', what: 'profit gain', metric: delta(tot('profit')), format: 'usdM1', en: '**{} (', zh: '多了 {}' },
  { lesson: L02, plan: 'needs', what: 'profit gain, %', metric: relDelta(tot('profit')), format: 'pct1', en: '({}) more profit', zh: '增幅 {}' },
  { lesson: L02, plan: 'needs', what: 'plan revenue', metric: tot('revenue'), format: 'usdM0', en: CELL, zh: CELL },
  { lesson: L02, plan: 'needs', what: 'plan cost-to-serve share', metric: tot('ctsShare'), format: 'pct1', en: '({} of revenue) |\n', zh: '（占收入 {}） |\n' },
  { lesson: L02, plan: 'baseline', what: 'baseline satisfaction', metric: tot('satisfaction'), format: 'score1', en: CELL, zh: CELL },
  { lesson: L02, plan: 'needs', what: 'plan satisfaction', metric: tot('satisfaction'), format: 'score1', en: CELL, zh: CELL },
  { lesson: L02, plan: 'needs', what: 'plan churn', metric: tot('churnRate'), format: 'pct1', en: CELL, zh: CELL },
  { lesson: L02, plan: 'needs', what: 'speed-first satisfaction', metric: seg('speed', 'satisfaction'), format: 'score0', en: 'to {}. Their churn', zh: '升到 {}，流失率' },
  { lesson: L02, plan: 'needs', what: 'speed-first revenue', metric: seg('speed', 'revenue'), format: 'usdM0', en: '({} instead', zh: '增加到 {}' },

  // 03 Customer value: baseline vs the ABC plan
  { lesson: L03, plan: 'value', what: 'class A customers', metric: seg('A', 'customers'), format: 'count', en: '{} customers in class A', zh: 'A 类有 {} 家' },
  { lesson: L03, plan: 'value', what: 'class B customers', metric: seg('B', 'customers'), format: 'count', en: '{} in B', zh: 'B 类 {} 家' },
  { lesson: L03, plan: 'value', what: 'class C customers', metric: seg('C', 'customers'), format: 'count', en: '{} in C', zh: 'C 类多达 {} 家' },
  { lesson: L03, plan: 'value', what: 'plan revenue', metric: tot('revenue'), format: 'usdM0', en: CELL, zh: CELL },
  { lesson: L03, plan: 'value', what: 'plan cost-to-serve', metric: tot('costToServe'), format: 'usdM0', en: CELL, zh: CELL },
  { lesson: L03, plan: 'value', what: 'plan profit', metric: tot('profit'), format: 'usdM1', en: CELL, zh: CELL },
  { lesson: L03, plan: 'value', what: 'profit gain', metric: delta(tot('profit')), format: 'usdM1', en: '**{} (', zh: '多了 {}' },
  { lesson: L03, plan: 'value', what: 'profit gain, %', metric: relDelta(tot('profit')), format: 'pct1', en: '({}) more', zh: '增幅 {}' },
  { lesson: L03, plan: 'value', what: 'plan satisfaction', metric: tot('satisfaction'), format: 'score1', en: 'to {}', zh: '升到 {}' },
  { lesson: L03, plan: 'value', what: 'plan churn', metric: tot('churnRate'), format: 'pct1', en: CELL, zh: CELL },
  { lesson: L03, plan: 'value', what: 'class A satisfaction', metric: seg('A', 'satisfaction'), format: 'score1', en: CELL, zh: CELL },
  { lesson: L03, plan: 'value', what: 'class C satisfaction', metric: seg('C', 'satisfaction'), format: 'score1', en: CELL, zh: CELL },
  { lesson: L03, plan: 'value', what: 'class A churn', metric: seg('A', 'churnRate'), format: 'pct1', en: CELL, zh: CELL },
  { lesson: L03, plan: 'value', what: 'class C churn', metric: seg('C', 'churnRate'), format: 'pct1', en: CELL, zh: CELL },

  // 04 Geography: domestic/international split, then regional hubs for international customers
  { lesson: L04, plan: 'geography-split-only', what: 'international customers', metric: seg('international', 'customers'), format: 'count', en: "{} of Kestrel's", zh: '{} 家海外客户' },
  { lesson: L04, plan: 'geography-split-only', what: 'international revenue share', metric: revenueShare('international'), format: 'pct1', en: 'bring {} of revenue', zh: '贡献了 {} 的收入' },
  { lesson: L04, plan: 'geography-split-only', what: 'domestic OTIF', metric: seg('domestic', 'otif'), format: 'pct0', en: 'against {} at home', zh: '国内则是 {}' },
  { lesson: L04, plan: 'geography-split-only', what: 'international OTIF, from Suzhou', metric: seg('international', 'otif'), format: 'pct0', en: CELL, zh: CELL },
  { lesson: L04, plan: 'geography-split-only', what: 'international cost-to-serve per dollar, from Suzhou', metric: seg('international', 'ctsShare'), format: 'cents1', en: CELL, zh: CELL },
  { lesson: L04, plan: 'geography-split-only', what: 'domestic cost-to-serve per dollar', metric: seg('domestic', 'ctsShare'), format: 'cents1', en: 'against {} for domestic', zh: '国内客户是 {}' },
  { lesson: L04, plan: 'geography-split-only', what: 'international profit, from Suzhou', metric: seg('international', 'profit'), format: 'usdM1', en: CELL, zh: CELL },
  { lesson: L04, plan: 'geography', what: 'international OTIF, from hubs', metric: seg('international', 'otif'), format: 'pct0', en: CELL, zh: CELL },
  { lesson: L04, plan: 'geography', what: 'international satisfaction, from hubs', metric: seg('international', 'satisfaction'), format: 'score0', en: CELL, zh: CELL },
  { lesson: L04, plan: 'geography', what: 'international churn, from hubs', metric: seg('international', 'churnRate'), format: 'pct0', en: CELL, zh: CELL },
  { lesson: L04, plan: 'geography', what: 'international revenue, from hubs', metric: seg('international', 'revenue'), format: 'usdM0', en: CELL, zh: CELL },
  { lesson: L04, plan: 'geography', what: 'international profit, from hubs', metric: seg('international', 'profit'), format: 'usdM1', en: CELL, zh: CELL },
  { lesson: L04, plan: 'geography', what: 'plan profit', metric: tot('profit'), format: 'usdM1', en: 'to {}', zh: '降到 {}' },
  { lesson: L04, plan: 'geography', what: 'profit loss', metric: neg(delta(tot('profit'))), format: 'usdM1', en: '**{} (', zh: '少了 {}' },
  { lesson: L04, plan: 'geography', what: 'profit loss, %', metric: neg(relDelta(tot('profit'))), format: 'pct1', en: '({}) less', zh: '降幅 {}' },
  { lesson: L04, plan: 'geography', what: 'plan satisfaction', metric: tot('satisfaction'), format: 'score1', en: 'to {}', zh: '升到 {}' },

  // 05 Product lifecycle: new- vs mature-product buyers, matched and mismatched
  { lesson: L05, plan: 'lifecycle-segments-only', what: 'new-product buyers', metric: seg('new', 'customers'), format: 'count', en: '{} new-product buyers', zh: '{} 家新品型客户' },
  { lesson: L05, plan: 'lifecycle-segments-only', what: 'new-product buyers revenue', metric: seg('new', 'revenue'), format: 'million0', en: 'bringing {}', zh: '中的 {}' },
  { lesson: L05, plan: 'lifecycle-segments-only', what: 'new-product buyers fill rate', metric: seg('new', 'fillRate'), format: 'pct1', en: 'fill rate of {}', zh: '满足率是 {}' },
  { lesson: L05, plan: 'lifecycle-segments-only', what: 'mature-product buyers fill rate', metric: seg('mature', 'fillRate'), format: 'pct1', en: 'against {}', zh: '成熟产品型客户是 {}' },
  { lesson: L05, plan: 'lifecycle-segments-only', what: 'new-product buyers profit', metric: seg('new', 'profit'), format: 'million1', en: 'profit: {}', zh: '贡献了 {}利润' },
  { lesson: L05, plan: 'lifecycle-segments-only', what: 'profit of the split alone', metric: tot('profit'), format: 'million1', en: 'to {}', zh: '降到 {}' },
  { lesson: L05, plan: 'baseline', what: 'baseline profit', metric: tot('profit'), format: 'mn1', en: CELL, zh: CELL },
  { lesson: L05, plan: 'lifecycle', what: 'matched profit', metric: tot('profit'), format: 'mn1', en: CELL, zh: CELL },
  { lesson: L05, plan: 'lifecycle', what: 'matched vs baseline', metric: delta(tot('profit')), format: 'mnSigned1', en: '| {} (', zh: '| {}（' },
  { lesson: L05, plan: 'lifecycle', what: 'matched vs baseline, %', metric: relDelta(tot('profit')), format: 'pctSigned1' },
  { lesson: L05, plan: 'lifecycle-mismatch', what: 'mismatched profit', metric: tot('profit'), format: 'mn1', en: CELL, zh: CELL },
  { lesson: L05, plan: 'lifecycle-mismatch', what: 'mismatched vs baseline', metric: delta(tot('profit')), format: 'mnSigned1', en: '| {} (', zh: '| {}（' },
  { lesson: L05, plan: 'lifecycle-mismatch', what: 'mismatched vs baseline, %', metric: relDelta(tot('profit')), format: 'pctSigned1' },
  { lesson: L05, plan: 'lifecycle', what: 'new-product buyers churn, matched', metric: seg('new', 'churnRate'), format: 'pct1', en: 'to {}', zh: '降到 {}' },
  { lesson: L05, plan: 'lifecycle-mismatch', what: 'mature-product buyers profit, mismatched', metric: seg('mature', 'profit'), format: 'million1', en: 'to {}', zh: '跌到 {}' },
  { lesson: L05, plan: 'lifecycle', vs: 'lifecycle-mismatch', what: 'matched minus mismatched profit', metric: delta(tot('profit')), format: 'million1', en: 'worth {}', zh: '差出 {}' },

  // 06 Behaviour: frequency x order size, channels, three behaviour plans
  { lesson: L06, plan: 'behaviour-segments-only', what: 'frequent large customers', metric: seg('frequent-large', 'customers'), format: 'count', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour-segments-only', what: 'frequent small customers', metric: seg('frequent-small', 'customers'), format: 'count', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour-segments-only', what: 'occasional large customers', metric: seg('occasional-large', 'customers'), format: 'count', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour-segments-only', what: 'occasional small customers', metric: seg('occasional-small', 'customers'), format: 'count', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour-segments-only', what: 'occasional small cost-to-serve share', metric: seg('occasional-small', 'ctsShare'), format: 'pct1', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour-segments-only', what: 'frequent small OTIF', metric: seg('frequent-small', 'otif'), format: 'pct0', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour-channel', what: 'direct-sales customers', metric: seg('direct', 'customers'), format: 'count', en: '{} direct-sales', zh: '{} 家直销' },
  { lesson: L06, plan: 'behaviour-channel', what: 'EDI customers', metric: seg('edi', 'customers'), format: 'count', en: '{} EDI customers', zh: '{} 家 EDI' },
  { lesson: L06, plan: 'behaviour-channel', what: 'distributor loss', metric: neg(seg('distributor', 'profit')), format: 'million1', en: '{} dollars in the red', zh: '亏损 {}' },
  { lesson: L06, plan: 'behaviour-segments-only', what: 'profit of the split alone', metric: tot('profit'), format: 'mn1', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour-segments-only', what: 'split alone vs baseline', metric: delta(tot('profit')), format: 'mnSigned1', en: '| {} (', zh: '| {}（' },
  { lesson: L06, plan: 'behaviour-segments-only', what: 'split alone vs baseline, %', metric: relDelta(tot('profit')), format: 'pctSigned1' },
  { lesson: L06, plan: 'behaviour', what: 'behaviour plan profit', metric: tot('profit'), format: 'mn1', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour', what: 'behaviour plan vs baseline', metric: delta(tot('profit')), format: 'mnSigned1', en: '| {} (', zh: '| {}（' },
  { lesson: L06, plan: 'behaviour', what: 'behaviour plan vs baseline, %', metric: relDelta(tot('profit')), format: 'pctSigned1' },
  { lesson: L06, plan: 'behaviour', what: 'behaviour plan satisfaction', metric: tot('satisfaction'), format: 'score1', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour', what: 'behaviour plan churn', metric: tot('churnRate'), format: 'pct1', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour', what: 'frequent large churn under the behaviour plan', metric: seg('frequent-large', 'churnRate'), format: 'pct1', en: 'to {}', zh: '降到 {}' },
  { lesson: L06, plan: 'behaviour-frequency-responsive', what: 'responsive-chain plan profit', metric: tot('profit'), format: 'mn1', en: CELL, zh: CELL },
  { lesson: L06, plan: 'behaviour-frequency-responsive', what: 'responsive-chain plan vs baseline', metric: delta(tot('profit')), format: 'mnSigned2', en: '| {} (', zh: '| {}（' },
  { lesson: L06, plan: 'behaviour-frequency-responsive', what: 'responsive-chain plan vs baseline, %', metric: relDelta(tot('profit')), format: 'pctSigned2' },
  { lesson: L06, plan: 'behaviour-frequency-responsive', what: 'responsive-chain plan churn', metric: tot('churnRate'), format: 'pct1', en: CELL, zh: CELL },
];

// ---------------------------------------------------------------------------------------------
// The lesson texts
// ---------------------------------------------------------------------------------------------

const LANGS = ['en', 'zh-cn'] as const;
type Lang = (typeof LANGS)[number];

function lessonFile(lang: Lang, lesson: Lesson): string {
  return join(ROOT, 'content/lessons', lang, lesson, 'index.mdx');
}
/** The worked example: from its re-check commands to the next "## " heading. */
function workedExample(lang: Lang, lesson: Lesson): string {
  const mdx = readFileSync(lessonFile(lang, lesson), 'utf8');
  const start = mdx.indexOf('npm run sim');
  if (start < 0) throw new Error(`${lang}/${lesson}: no "npm run sim" command in the lesson`);
  const end = mdx.indexOf('\n## ', start);
  return mdx.slice(start, end < 0 ? undefined : end);
}
/** MDX escapes "$" as "\$"; thousands separators are dropped so "5,290" and "5290" compare equal. */
function normalise(text: string): string {
  return text.replace(/\\\$/g, '$').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

const texts = new Map<string, string>();
function text(lang: Lang, lesson: Lesson): string {
  const k = `${lang}/${lesson}`;
  let t = texts.get(k);
  if (t === undefined) {
    t = normalise(workedExample(lang, lesson));
    texts.set(k, t);
  }
  return t;
}

const LESSONS = [...new Set(ROWS.map((r) => r.lesson))];

describe('lesson figures: the table itself', () => {
  it('covers lessons 02-06, which exist in both languages', () => {
    expect(LESSONS).toEqual([L02, L03, L04, L05, L06]);
    for (const lang of LANGS) {
      const onDisk = readdirSync(join(ROOT, 'content/lessons', lang));
      for (const lesson of LESSONS) expect(onDisk).toContain(lesson);
    }
  });

  it('pins 4 or more figures per lesson', () => {
    for (const lesson of LESSONS) expect(ROWS.filter((r) => r.lesson === lesson).length).toBeGreaterThanOrEqual(4);
  });

  it('formats as the lessons print (self-check of the formatters)', () => {
    expect(FORMATS.usdM1(52_925_178.68)).toEqual({ en: '$52.9M', zh: '5290 万美元' });
    expect(FORMATS.usdM1(-101_182.23)).toEqual({ en: `${MINUS}$0.1M`, zh: `${MINUS}10 万美元` });
    expect(FORMATS.usdM0(934_214_771.6)).toEqual({ en: '$934M', zh: '9.34 亿美元' });
    expect(FORMATS.usdM0(93_000_000)).toEqual({ en: '$93M', zh: '9300 万美元' });
    expect(FORMATS.mnSigned1(-6_456_000)).toEqual(both(`${MINUS}6.5`));
    expect(FORMATS.pctSigned2(0.00048)).toEqual(both('+0.05%'));
    expect(normalise('\\$1,234M and 5,290 万美元, 2,000 customers, 1,2')).toBe('$1234M and 5290 万美元, 2000 customers, 1,2');
  });
});

describe.each(LESSONS)('lesson %s', (lesson) => {
  const rows = ROWS.filter((r) => r.lesson === lesson);
  const plans = [...new Set(rows.flatMap((r) => [r.plan, r.vs ?? 'baseline']))];

  it.each(LANGS)('%s: the re-check commands name every plan quoted, on the class company', (lang) => {
    const mdx = readFileSync(lessonFile(lang, lesson), 'utf8');
    for (const plan of plans) {
      expect(mdx, `${lang}/${lesson} should give the command for ${plan}.json`).toContain(
        `npm run sim -- --seed ${SEED} --customers ${CUSTOMERS} --weeks ${WEEKS} --plan simulations/plans/${plan}.json`,
      );
    }
  });

  it.each(rows.map((r) => [r.what, r] as const))('%s', (_what, row) => {
    const x = row.metric(run(row.plan), run(row.vs ?? 'baseline'));
    expect(Number.isFinite(x), `${row.what} is not a finite number`).toBe(true);
    const formatted = FORMATS[row.format](x);
    for (const lang of LANGS) {
      const pattern = (lang === 'en' ? row.en : row.zh) ?? '{}';
      const expected = pattern.replace('{}', lang === 'en' ? formatted.en : formatted.zh);
      const where = `${lang}/${lesson}: "${row.what}" (plan ${row.plan}${row.vs ? ` vs ${row.vs}` : ''}, engine value ${x}) should read "${expected}"`;
      expect(text(lang, lesson).includes(expected), where).toBe(true);
    }
  });
});
