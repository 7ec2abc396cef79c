/**
 * The engine figures quoted in lesson 07 (capstone), English and Chinese.
 *
 * The capstone's worked example quotes
 *   - value-finder figures (RFM groups, customer lifetime value by Gupta & Lehmann 2003),
 *   - segmentation figures (the default rule list; k-means with k-means++ on z-scored features:
 *     cluster profiles, inertia and mean silhouette width for k = 2..8),
 *   - simulation results of simulations/plans/{baseline,rules,kmeans}.json and of the lesson's own
 *     "cluster plan" (its JSON stands in the lesson's re-check comment) at seed 42, 2,000 customers,
 *     52 weeks, under the scenarios none, demand-shock and tariff-rise.
 * This test recomputes every one of them with the engine API exactly as simulations/cli.ts does
 * (generateCompany(seed, {customers}), validatePlan(plan), simulate(company, plan, {weeks, seed,
 * scenario})), formats it the way the lesson prints it and requires that string, in its words, in the
 * worked example of BOTH language files. If the engine moves a quoted number, the failure names the
 * figure and the new value: re-run the commands in the lesson's comment and update both files.
 *
 * Units: money in USD, shares as fractions 0..1, satisfaction 0..100, counts of customers,
 * inertia and silhouette in z-score units (dimensionless).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Company, Plan, ScenarioKey, SegmentResult, SimulationResult, Segmentation } from '../../../simulations/types';
import { generateCompany } from '../../../simulations/company/generate';
import { validatePlan } from '../../../simulations/strategy/plan';
import { simulate } from '../../../simulations/simulate/simulate';
import { segment } from '../../../simulations/segmentation/index';
import { customerLifetimeValue } from '../../../simulations/segmentation/value';
import { DEFAULT_KMEANS_PARAMS, kmeans, standardise } from '../../../simulations/segmentation/kmeans';

const ROOT = join(__dirname, '..', '..', '..');
const SEED = 42;
const CUSTOMERS = 2000;
const WEEKS = 52;
const LESSON = '07-capstone';

/** The lesson's own plan: four k-means clusters, three of them with their own levers. The lesson
 * prints this exact JSON in its re-check comment (checked below), so a reader can save and run it. */
const CLUSTER_PLAN = {
  name: 'Cluster plan',
  segmentation: { method: 'kmeans', params: { k: 4 } },
  strategies: {
    '*': {},
    'cluster-1': { fulfilment: 'regional' },
    'cluster-3': { service: 'premium' },
    'cluster-4': { supplyChain: 'responsive', delivery: 'priority' },
  },
};
const CLUSTER_PLAN_FILE = 'capstone-clusters.json';

type PlanKey = 'baseline' | 'rules' | 'kmeans' | 'clusters';
type Scenario = Extract<ScenarioKey, 'none' | 'demand-shock' | 'tariff-rise'>;

const company: Company = generateCompany(SEED, { customers: CUSTOMERS });

function planOf(key: PlanKey): Plan {
  if (key === 'clusters') return validatePlan(CLUSTER_PLAN);
  const json: unknown = JSON.parse(readFileSync(join(ROOT, 'simulations/plans', `${key}.json`), 'utf8'));
  return validatePlan(json);
}
const runs = new Map<string, SimulationResult>();
function run(plan: PlanKey, scenario: Scenario): SimulationResult {
  const k = `${plan}/${scenario}`;
  let r = runs.get(k);
  if (!r) {
    r = simulate(company, planOf(plan), { weeks: WEEKS, seed: SEED, scenario });
    runs.set(k, r);
  }
  return r;
}
const segs = new Map<string, Segmentation>();
function seg(name: 'rfm' | 'clv' | 'rules' | 'k4'): Segmentation {
  let s = segs.get(name);
  if (!s) {
    s =
      name === 'rfm'
        ? segment(company, { method: 'value', params: { scheme: 'rfm' } })
        : name === 'clv'
          ? segment(company, { method: 'value', params: { scheme: 'clv' } })
          : name === 'rules'
            ? segment(company, { method: 'rules' })
            : segment(company, { method: 'kmeans', params: { k: 4 } });
    segs.set(name, s);
  }
  return s;
}
function info(name: 'rfm' | 'clv' | 'rules' | 'k4', key: string) {
  const s = seg(name).segments.find((x) => x.key === key);
  if (!s) throw new Error(`no segment "${key}" in ${name}`);
  return s;
}

/** Share of total customer lifetime value (USD) held by the top `share` of customers by CLV. */
function clvTopShare(share: number): number {
  const v = Array.from(customerLifetimeValue(company)).sort((a, b) => b - a);
  const top = Math.round(share * v.length);
  let a = 0;
  let t = 0;
  v.forEach((x, i) => {
    t += x;
    if (i < top) a += x;
  });
  return a / t;
}

/** Within-cluster sum of squared z-distances after k-means on the default features. */
const inertia = new Map<number, number>();
const labelsByK = new Map<number, Uint16Array>();
/** Inertia of k = 4 with an explicit k-means++ seed (the lab's seed field). */
const kmSeeded = (seed: number) => kmeans(company, { k: 4, seed }).inertia;
/** The lab's k-means seed that reproduces the engine's default-seed clusters (the text tells readers to use it). */
const LAB_SEED = 3;
function km(k: number): { inertia: number; labels: Uint16Array } {
  if (!inertia.has(k)) {
    const r = kmeans(company, { k });
    inertia.set(k, r.inertia);
    labelsByK.set(k, r.labels);
  }
  return { inertia: inertia.get(k) as number, labels: labelsByK.get(k) as Uint16Array };
}

/**
 * Mean silhouette width (Rousseeuw 1987) of the k-means clustering, in the same z-scored feature space
 * k-means used: s(i) = (b − a) / max(a, b), a = mean distance to the own cluster, b = the smallest mean
 * distance to another cluster; s = 0 for a customer alone in its cluster. Euclidean distances.
 */
let distances: Float64Array | null = null;
function silhouette(k: number): number {
  const z = standardise(company, DEFAULT_KMEANS_PARAMS.features, DEFAULT_KMEANS_PARAMS.logTransform);
  const { n, d, data } = z;
  if (!distances) {
    distances = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        let s = 0;
        for (let f = 0; f < d; f++) {
          const x = data[i * d + f] - data[j * d + f];
          s += x * x;
        }
        distances[i * n + j] = distances[j * n + i] = Math.sqrt(s);
      }
  }
  const D = distances;
  const labels = km(k).labels;
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  let total = 0;
  const sum = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sum.fill(0);
    for (let j = 0; j < n; j++) sum[labels[j]] += D[i * n + j];
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sum[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let q = 0; q < k; q++) if (q !== own && sizes[q] > 0) b = Math.min(b, sum[q] / sizes[q]);
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

// ---------------------------------------------------------------------------------------------
// Formats (as the lesson prints them; thousands separators are dropped before comparing)
// ---------------------------------------------------------------------------------------------

const MINUS = '\u2212';
const signed = (x: number, s: string) => (x < 0 ? MINUS : '+') + s;
const unsigned = (x: number, s: string) => (x < 0 ? MINUS : '') + s;
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
  /** $832M | 8.32 亿美元 */
  usdM0: (x: number): Pair => ({ en: unsigned(x, `$${Math.round(Math.abs(x) / 1e6)}M`), zh: zhUsd(x, 100) }),
  /** 52.9 (tables in USD m) */
  mn1: (x: number): Pair => both(unsigned(x, (Math.abs(x) / 1e6).toFixed(1))),
  /** +2.8 / −0.7 (USD m) */
  mnSigned1: (x: number): Pair => both(signed(x, (Math.abs(x) / 1e6).toFixed(1))),
  /** 86% */
  pct0: (x: number): Pair => both(unsigned(x, `${Math.round(Math.abs(x) * 100)}%`)),
  /** 15.9% */
  pct1: (x: number): Pair => both(unsigned(x, `${(Math.abs(x) * 100).toFixed(1)}%`)),
  /** +5.3% */
  pctSigned1: (x: number): Pair => both(signed(x, `${(Math.abs(x) * 100).toFixed(1)}%`)),
  /** 70.3 */
  score1: (x: number): Pair => both(x.toFixed(1)),
  /** 79 */
  score0: (x: number): Pair => both(String(Math.round(x))),
  /** 0.41 */
  dec2: (x: number): Pair => both(x.toFixed(2)),
  /** 2.4 */
  dec1: (x: number): Pair => both(x.toFixed(1)),
  /** 5893 */
  count: (x: number): Pair => both(String(Math.round(x))),
} as const;
type Format = keyof typeof FORMATS;

// ---------------------------------------------------------------------------------------------
// The quoted figures
// ---------------------------------------------------------------------------------------------

interface Row {
  what: string;
  value: () => number;
  format: Format;
  /** the words around the figure ({}), per language; default: the bare figure */
  en?: string;
  zh?: string;
  /** the (plan, scenario) runs the figure needs: their re-check commands must stand in the lesson */
  runs?: [PlanKey, Scenario][];
}

const T = (p: PlanKey, s: Scenario) => run(p, s).totals;
const S = (p: PlanKey, s: Scenario, key: string): SegmentResult => {
  const x = run(p, s).segments.find((g) => g.key === key);
  if (!x) throw new Error(`no segment ${key} in ${p}/${s}`);
  return x;
};
const cts = (t: { cost: { total: number; production: number } }) => t.cost.total - t.cost.production;
const CELL = '| {} |';
const SCEN: Scenario[] = ['none', 'demand-shock', 'tariff-rise'];

const ROWS: Row[] = [
  // Step 2, value finder: RFM and CLV (no simulation)
  { what: 'RFM champions', value: () => info('rfm', 'champions').size, format: 'count', en: '{} champions', zh: '{} 家“冠军客户”' },
  { what: 'RFM champions revenue share', value: () => info('rfm', 'champions').profile.revenueShare, format: 'pct0', en: 'bring {} of revenue', zh: '贡献了 {} 的收入' },
  { what: 'RFM at risk', value: () => info('rfm', 'at-risk').size, format: 'count', en: '{} customers "at risk"', zh: '{} 家“流失风险”客户' },
  { what: 'RFM at-risk revenue share', value: () => info('rfm', 'at-risk').profile.revenueShare, format: 'pct0', en: 'still {} of revenue', zh: '仍占收入的 {}' },
  { what: 'total CLV', value: () => Array.from(customerLifetimeValue(company)).reduce((a, b) => a + b, 0), format: 'usdM0', en: 'worth {} in all', zh: '合计 {}' },
  { what: 'CLV share of the top 20%', value: () => clvTopShare(0.2), format: 'pct0', en: 'hold {} of it', zh: '占了其中的 {}' },
  { what: 'high-CLV revenue share', value: () => info('clv', 'clv-high').profile.revenueShare, format: 'pct0', en: '{} of this year', zh: '今年收入的 {}' },

  // Step 3, segmentation: rules and k-means
  { what: 'rules: key accounts', value: () => info('rules', 'key-accounts').size, format: 'count', en: '{} key accounts', zh: '{} 家大客户' },
  { what: 'rules: key-account revenue share', value: () => info('rules', 'key-accounts').profile.revenueShare, format: 'pct0', en: 'with {} of revenue', zh: '拿走 {} 的收入' },
  { what: 'rules: small online', value: () => info('rules', 'small-online').size, format: 'count', en: '{} small online', zh: '{} 家小额线上' },
  { what: 'rules ARI', value: () => seg('rules').ari, format: 'dec2', en: 'rules score {}', zh: '规则法是 {}' },
  { what: 'k-means (k = 4) ARI', value: () => seg('k4').ari, format: 'dec2', en: 'k-means {}', zh: 'K 均值是 {}' },
  { what: 'cluster 1 size', value: () => info('k4', 'cluster-1').size, format: 'count', en: CELL, zh: CELL },
  { what: 'cluster 2 size', value: () => info('k4', 'cluster-2').size, format: 'count', en: CELL, zh: CELL },
  { what: 'cluster 3 size', value: () => info('k4', 'cluster-3').size, format: 'count', en: CELL, zh: CELL },
  { what: 'cluster 4 size', value: () => info('k4', 'cluster-4').size, format: 'count', en: CELL, zh: CELL },
  { what: 'cluster 2 revenue share', value: () => info('k4', 'cluster-2').profile.revenueShare, format: 'pct0', en: CELL, zh: CELL },
  { what: 'cluster 3 revenue share', value: () => info('k4', 'cluster-3').profile.revenueShare, format: 'pct0', en: CELL, zh: CELL },
  { what: 'cluster 2 gross margin', value: () => info('k4', 'cluster-2').profile.grossMargin, format: 'pct0', en: CELL, zh: CELL },
  { what: 'cluster 4 gross margin', value: () => info('k4', 'cluster-4').profile.grossMargin, format: 'pct0', en: CELL, zh: CELL },
  { what: 'cluster 2 international share', value: () => info('k4', 'cluster-2').profile.international, format: 'pct0', en: CELL, zh: CELL },
  { what: 'cluster 4 lead time (days)', value: () => info('k4', 'cluster-4').profile.requiredLeadTimeDays, format: 'dec1', en: CELL, zh: CELL },
  { what: 'cluster 4 new-product share', value: () => info('k4', 'cluster-4').profile.newProductShare, format: 'pct0', en: CELL, zh: CELL },
  { what: 'cluster 3 support need', value: () => info('k4', 'cluster-3').profile.supportNeed, format: 'dec2', en: CELL, zh: CELL },
  { what: 'inertia k = 4', value: () => km(4).inertia, format: 'count', en: '{} at k = 4', zh: 'k = 4 时为 {}' },
  { what: 'inertia k = 6', value: () => km(6).inertia, format: 'count', en: '{} at k = 6', zh: 'k = 6 时为 {}' },
  { what: 'inertia k = 7', value: () => km(7).inertia, format: 'count', en: '{} at k = 7', zh: 'k = 7 时仍有 {}' },
  { what: 'inertia k = 4, lab default seed 42', value: () => kmSeeded(42), format: 'count', en: '({} against', zh: '簇内平方和为 {}' },
  { what: 'inertia k = 4, default seed (again)', value: () => km(4).inertia, format: 'count', en: 'against {})', zh: '高于 {}' },
  { what: 'inertia k = 4, seeds 1, 2 and 7', value: () => kmSeeded(1), format: 'count', en: 'better one ({})', zh: '更好的局部最优（{}）' },
  { what: 'silhouette k = 4', value: () => silhouette(4), format: 'dec2', en: '{} at k = 4', zh: 'k = 4 时是 {}' },
  { what: 'silhouette k = 6', value: () => silhouette(6), format: 'dec2', en: 'peaks at {}', zh: '最高 {}' },
  { what: 'silhouette k = 7', value: () => silhouette(7), format: 'dec2', en: 'falls to {}', zh: '降到 {}' },

  // Step 5, the year under business as usual: the four plans
  { what: 'baseline profit', value: () => T('baseline', 'none').profit, format: 'mn1', en: '| Profit (USD m) | {} |', zh: '| 利润（百万美元） | {} |', runs: [['baseline', 'none']] },
  ...(['rules', 'kmeans', 'clusters'] as const).map(
    (p): Row => ({ what: `${p} profit`, value: () => T(p, 'none').profit, format: 'mn1', en: CELL, zh: CELL, runs: [[p, 'none']] }),
  ),
  ...(['baseline', 'rules', 'kmeans', 'clusters'] as const).flatMap((p): Row[] => [
    { what: `${p} cost-to-serve`, value: () => cts(T(p, 'none')), format: 'mn1', en: CELL, zh: CELL, runs: [[p, 'none']] },
    { what: `${p} satisfaction`, value: () => T(p, 'none').satisfaction, format: 'score1', en: CELL, zh: CELL, runs: [[p, 'none']] },
    { what: `${p} churn`, value: () => T(p, 'none').churnRate, format: 'pct1', en: CELL, zh: CELL, runs: [[p, 'none']] },
  ]),
  { what: 'rules profit gain', value: () => T('rules', 'none').profit - T('baseline', 'none').profit, format: 'usdM1', en: 'earns {} more', zh: '多赚 {}' },
  { what: 'rules profit gain, %', value: () => T('rules', 'none').profit / T('baseline', 'none').profit - 1, format: 'pctSigned1', en: '({})', zh: '（{}）' },
  { what: 'rules extra cost-to-serve', value: () => cts(T('rules', 'none')) - cts(T('baseline', 'none')), format: 'usdM1', en: 'costs {} more to serve', zh: '服务成本多了 {}' },
  { what: 'k-means one-strategy loss', value: () => T('baseline', 'none').profit - T('kmeans', 'none').profit, format: 'usdM1', en: 'loses {}', zh: '少赚 {}' },
  { what: 'k-means complexity cost', value: () => T('kmeans', 'none').cost.complexity, format: 'usdM1', en: 'complexity cost of {}', zh: '复杂性成本 {}' },
  { what: 'cluster plan gain', value: () => T('clusters', 'none').profit - T('baseline', 'none').profit, format: 'usdM1', en: '**{} (', zh: '多赚 {}' },
  { what: 'cluster plan gain, %', value: () => T('clusters', 'none').profit / T('baseline', 'none').profit - 1, format: 'pctSigned1', en: '({})', zh: '（{}）' },
  // segment-level: the cluster plan against the same four clusters on one strategy (kmeans.json)
  { what: 'cluster 1 satisfaction, one strategy', value: () => S('kmeans', 'none', 'cluster-1').satisfaction, format: 'score0', en: 'from {} to', zh: '从 {} 升到' },
  { what: 'cluster 1 satisfaction, cluster plan', value: () => S('clusters', 'none', 'cluster-1').satisfaction, format: 'score0', en: 'to {}', zh: '升到 {}' },
  { what: 'cluster 1 churn, one strategy', value: () => S('kmeans', 'none', 'cluster-1').churnRate, format: 'pct0', en: 'churn falls from {}', zh: '流失率从 {}' },
  { what: 'cluster 1 churn, cluster plan', value: () => S('clusters', 'none', 'cluster-1').churnRate, format: 'pct0', en: 'to {}', zh: '降到 {}' },
  { what: 'cluster 4 OTIF, one strategy', value: () => S('kmeans', 'none', 'cluster-4').otif, format: 'pct0', en: 'OTIF rises from {}', zh: 'OTIF 从 {}' },
  { what: 'cluster 4 OTIF, cluster plan', value: () => S('clusters', 'none', 'cluster-4').otif, format: 'pct0', en: 'to {}', zh: '升到 {}' },
  { what: 'cluster 3 churn, cluster plan', value: () => S('clusters', 'none', 'cluster-3').churnRate, format: 'pct1', en: 'to {}', zh: '降到 {}' },
  { what: 'cluster 2 loss, cluster plan', value: () => -S('clusters', 'none', 'cluster-2').profit, format: 'usdM1', en: 'loses {}', zh: '亏损 {}' },

  // Step 5, the stress test: profit per scenario, and the difference to the baseline in the same scenario
  ...SCEN.flatMap((s): Row[] => [
    { what: `baseline profit, ${s}`, value: () => T('baseline', s).profit, format: 'mn1', en: CELL, zh: CELL, runs: [['baseline', s]] },
    ...(['rules', 'kmeans', 'clusters'] as const).map(
      (p): Row => ({
        what: `${p} profit and gap, ${s}`,
        value: () => T(p, s).profit,
        format: 'mn1',
        runs: [[p, s], ['baseline', s]],
        // the cell "| 69.5 (+0.7) |": profit, then the gap to the baseline in the same scenario
        en: `| {} (${FORMATS.mnSigned1(T(p, s).profit - T('baseline', s).profit).en}) |`,
        zh: `| {}（${FORMATS.mnSigned1(T(p, s).profit - T('baseline', s).profit).zh}） |`,
      }),
    ),
  ]),
  { what: 'baseline satisfaction, demand shock', value: () => T('baseline', 'demand-shock').satisfaction, format: 'score1', en: 'to {}', zh: '降到 {}' },
  { what: 'baseline fill rate, demand shock', value: () => T('baseline', 'demand-shock').fillRate, format: 'pct1', en: 'to {}', zh: '降到 {}' },
  { what: 'baseline lost margin, demand shock', value: () => T('baseline', 'demand-shock').lostMargin, format: 'usdM1', en: '{} of margin', zh: '{}的毛利' },
  { what: 'cluster plan satisfaction, demand shock', value: () => T('clusters', 'demand-shock').satisfaction, format: 'score1', en: 'at {}', zh: '保持在 {}' },
  { what: 'tariff: baseline duties, none', value: () => T('baseline', 'none').cost.duties, format: 'usdM1', en: 'from {}', zh: '从 {}' },
  { what: 'tariff: baseline duties, tariff rise', value: () => T('baseline', 'tariff-rise').cost.duties, format: 'usdM1', en: 'to {}', zh: '增加到 {}' },
  { what: 'tariff: baseline profit drop', value: () => T('baseline', 'none').profit - T('baseline', 'tariff-rise').profit, format: 'usdM1', en: 'costs the baseline {}', zh: '让基准方案少赚 {}' },
];

// ---------------------------------------------------------------------------------------------
// The lesson texts
// ---------------------------------------------------------------------------------------------

const LANGS = ['en', 'zh-cn'] as const;
type Lang = (typeof LANGS)[number];
const file = (lang: Lang) => join(ROOT, 'content/lessons', lang, LESSON, 'index.mdx');
const mdx = (lang: Lang) => readFileSync(file(lang), 'utf8');

/** The worked example: from its first re-check command to the next "## " heading. */
function workedExample(lang: Lang): string {
  const text = mdx(lang);
  const start = text.indexOf('npm run sim');
  if (start < 0) throw new Error(`${lang}/${LESSON}: no "npm run sim" command in the lesson`);
  const end = text.indexOf('\n## ', start);
  return text.slice(start, end < 0 ? undefined : end);
}
function normalise(text: string): string {
  return text.replace(/\\\$/g, '$').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}
const texts = new Map<Lang, string>();
function text(lang: Lang): string {
  let t = texts.get(lang);
  if (t === undefined) {
    t = normalise(workedExample(lang));
    texts.set(lang, t);
  }
  return t;
}
function command(plan: PlanKey, scenario: Scenario): string {
  const path = plan === 'clusters' ? CLUSTER_PLAN_FILE : `simulations/plans/${plan}.json`;
  return `npm run sim -- --seed ${SEED} --customers ${CUSTOMERS} --weeks ${WEEKS} --plan ${path}${scenario === 'none' ? '' : ` --scenario ${scenario}`}`;
}

describe('capstone figures: the table itself', () => {
  it('pins many figures, and the formatters print as the lesson does', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    expect(FORMATS.mnSigned1(-706_000)).toEqual(both(`${MINUS}0.7`));
    expect(FORMATS.usdM0(832_127_451)).toEqual({ en: '$832M', zh: '8.32 亿美元' });
    expect(FORMATS.usdM1(5_988_000)).toEqual({ en: '$6.0M', zh: '600 万美元' });
    expect(normalise('\\$1,234M and 5,893 at k, 2,000 customers')).toBe('$1234M and 5893 at k, 2000 customers');
  });

  it('the silhouette helper is a mean of values in [-1, 1] and rewards well-separated clusters', () => {
    const s4 = silhouette(4);
    expect(s4).toBeGreaterThan(-1);
    expect(s4).toBeLessThan(1);
    // the clustering of the archetype-sized k (6) is better separated than k = 2 on this company
    expect(silhouette(6)).toBeGreaterThan(silhouette(2));
  });

  it('inertia falls as k grows (k-means objective), with the elbow the lesson describes', () => {
    const v = [2, 3, 4, 5, 6, 7, 8].map((k) => km(k).inertia);
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeLessThan(v[i - 1]);
    // the drop from 6 to 7 is far smaller than from 5 to 6 (the bend)
    expect(v[4] - v[5]).toBeLessThan((v[3] - v[4]) / 4);
  });
});

describe('the lab reproduces the worked example', () => {
  it(`k-means seed ${LAB_SEED} gives exactly the default-seed clusters; seeds 2 and 7 the same better optimum as seed 1`, () => {
    const a = segment(company, { method: 'kmeans', params: { k: 4 } });
    const b = segment(company, { method: 'kmeans', params: { k: 4, seed: LAB_SEED } });
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
    expect(kmSeeded(2)).toBeCloseTo(kmSeeded(1), 6);
    expect(kmSeeded(7)).toBeCloseTo(kmSeeded(1), 6);
    expect(kmSeeded(1)).toBeLessThan(km(4).inertia);
    expect(kmSeeded(42)).toBeGreaterThan(km(4).inertia);
  });

  it.each(LANGS)('%s: the text names the seed to use in the lab', (lang) => {
    const phrase = lang === 'en' ? `seed of the starting centroids to ${LAB_SEED}` : `初始质心的随机种子设为 ${LAB_SEED}`;
    expect(text(lang)).toContain(phrase);
  });
});

describe.each(LANGS)('lesson 07 (%s)', (lang) => {
  it('prints the cluster plan exactly as the test runs it', () => {
    expect(text(lang)).toContain(JSON.stringify(CLUSTER_PLAN));
  });

  it('gives the re-check command of every run it quotes', () => {
    const needed = new Set<string>();
    for (const r of ROWS) for (const [p, s] of r.runs ?? []) needed.add(command(p, s));
    for (const c of needed) expect(mdx(lang), `${lang} should give the command "${c}"`).toContain(c);
  });

  it('embeds the capstone simulator in its own language', () => {
    expect(mdx(lang)).toContain("import CapstoneLab from '@components/capstone/CapstoneLab.svelte';");
    expect(mdx(lang)).toContain(`<CapstoneLab client:visible lang="${lang}" />`);
  });
});

describe('lesson 07 quoted figures', () => {
  it.each(ROWS.map((r) => [r.what, r] as const))('%s', (_what, row) => {
    const x = row.value();
    expect(Number.isFinite(x), `${row.what} is not a finite number`).toBe(true);
    const f = FORMATS[row.format](x);
    for (const lang of LANGS) {
      const pattern = (lang === 'en' ? row.en : row.zh) ?? '{}';
      const expected = pattern.replace('{}', lang === 'en' ? f.en : f.zh);
      expect(text(lang).includes(expected), `${lang}/${LESSON}: "${row.what}" (engine value ${x}) should read "${expected}"`).toBe(true);
    }
  });
});
