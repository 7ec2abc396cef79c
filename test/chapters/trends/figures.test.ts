/**
 * The engine figures quoted in the worked example of chapter 10 (content/lessons/{en,zh-cn}/10-trends),
 * recomputed with the engine (seed 42, 2,000 customers, 52 weeks, domestic/international split, the
 * trends lab's plans in src/lib/trends/model.ts) and required, formatted as the lesson prints them, in
 * the worked example of BOTH languages. If an engine change moves a number, this test names it.
 *
 * Formats: English "39,312 t", "95.6%", "\$38.3M" (the MDX source escapes $ for remark-math);
 * Chinese "39,312 吨", "95.6%", "3,827 万美元", "67.5 万美元".
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCompany } from '../../../simulations/company/generate';
import { segment } from '../../../simulations/segmentation/index';
import { BASELINE_STATE, START_STATE, TRENDS_CUSTOMERS, TRENDS_SEED, TRENDS_SEGMENTATION, legCo2eKg, runState, type TrendsFigures, type TrendsState } from '../../../src/lib/trends/model';
import { decodeChoice } from '../../../src/lib/trends/share';

const ROOT = join(__dirname, '../../..');
const company = generateCompany(TRENDS_SEED, { customers: TRENDS_CUSTOMERS });
const seg = segment(company, TRENDS_SEGMENTATION);
function st(dom: string, intl: string, digital = 0): TrendsState {
  return { digital, segments: { domestic: decodeChoice(dom)!, international: decodeChoice(intl)! } };
}
const run = (s: TrendsState): TrendsFigures => runState(company, seg, s);

const start = run(START_STATE);
const base = run(BASELINE_STATE);
const intlStd = run(st('ecp', 'ecs'));
const green = run(st('ecp', 'ers'));
const green45 = run(st('ecp', 'ers', 0.45));
const respHubs = run(st('ecp', 'rrs'));
const start30 = run(st('ecp', 'ecp', 0.3));

function workedExample(lang: 'en' | 'zh-cn'): string {
  const text = readFileSync(join(ROOT, 'content/lessons', lang, '10-trends/index.mdx'), 'utf8');
  const from = text.indexOf(lang === 'en' ? '## Worked example' : '## 算例');
  const to = text.indexOf(lang === 'en' ? '## Check your understanding' : '## 检验一下');
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  return text.slice(from, to);
}

const int = (x: number): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(Math.round(x));
const one = (x: number): string => x.toFixed(1);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const pct0 = (x: number): string => `${Math.round(x * 100)}%`;
/** millions of USD: "\$38.3M" / "3,827 万美元" */
const musd = (x: number): [string, string] => [`\\$${(x / 1e6).toFixed(1)}M`, `${int(x / 1e4)} 万美元`];
/** thousands of USD: "\$675,000" / "67.5 万美元" */
const kusd = (x: number): [string, string] => [`\\$${int(x)}`, `${Number((x / 1e4).toFixed(1))} 万美元`];
const t = (x: number): [string, string] => [`${int(x)} t`, `${int(x)} 吨`];
const same = (s: string): [string, string] => [s, s];

/** [what, value in English, value in Chinese] */
const FIGURES: [string, [string, string]][] = [
  ['start CO2e', t(start.co2eTonnes)],
  ['start international CO2e', t(start.segments[1].co2eTonnes)],
  ['international share of start CO2e', same(pct(start.segments[1].co2eTonnes / start.co2eTonnes))],
  ['international customers', same(int(start.segments[1].customers))],
  ['international customer share', same(pct0(start.segments[1].customers / TRENDS_CUSTOMERS))],
  ['domestic customers', same(int(start.segments[0].customers))],
  ['baseline CO2e', t(base.co2eTonnes)],
  ['baseline satisfaction', same(one(base.satisfaction))],
  ['start satisfaction', same(one(start.satisfaction))],
  ['intl standard CO2e', t(intlStd.co2eTonnes)],
  ['hub plan CO2e', t(green.co2eTonnes)],
  ['intl standard satisfaction', same(one(intlStd.satisfaction))],
  ['hub plan satisfaction', same(one(green.satisfaction))],
  ['start profit', musd(start.profit)],
  ['intl standard profit', musd(intlStd.profit)],
  ['hub plan profit', musd(green.profit)],
  ['baseline profit', musd(base.profit)],
  ['intl standard CO2e cut', same(pct0(1 - intlStd.co2eTonnes / start.co2eTonnes))],
  ['start international satisfaction', same(one(start.segments[1].satisfaction))],
  ['intl standard international satisfaction', same(one(intlStd.segments[1].satisfaction))],
  ['company satisfaction drop (points)', [`drops ${Math.round(start.satisfaction - intlStd.satisfaction)} points`, `下降 ${Math.round(start.satisfaction - intlStd.satisfaction)} 分`]],
  ['hub plan CO2e cut', same(pct(1 - green.co2eTonnes / start.co2eTonnes))],
  ['start international OTIF', same(pct(start.segments[1].otif))],
  ['hub plan international OTIF', same(pct(green.segments[1].otif))],
  ['responsive hubs CO2e', t(respHubs.co2eTonnes)],
  ['start safety stock', musd(start.safetyStock)],
  ['hub plan safety stock', musd(green.safetyStock)],
  ['hub plan + platform 45 % safety stock', musd(green45.safetyStock)],
  ['IT cost at 45 %', kusd(green45.itCost)],
  ['hub plan + platform 45 % profit', musd(green45.profit)],
  ['start + platform 30 % safety stock', musd(start30.safetyStock)],
  ['start + platform 30 % profit gain', musd(start30.profit - start.profit)],
  ['IT cost at 30 %', kusd(start30.itCost)],
];

describe('chapter 10 worked example figures (seed 42, 2,000 customers, 52 weeks)', () => {
  const en = workedExample('en');
  const zh = workedExample('zh-cn');
  it.each(FIGURES)('%s', (_what, [e, z]) => {
    expect(en).toContain(e);
    expect(zh).toContain(z);
  });

  it('the directions the text states hold', () => {
    // the hub plan meets the lab's first task: at least half the CO2e gone, satisfaction and profit kept
    expect(green.co2eTonnes).toBeLessThan(0.5 * start.co2eTonnes);
    expect(green.satisfaction).toBeGreaterThan(start.satisfaction);
    expect(green.profit).toBeGreaterThan(start.profit);
    // standard from Suzhou loses more than a point of satisfaction; one size fits all even more
    expect(intlStd.satisfaction).toBeLessThan(start.satisfaction - 1);
    expect(base.satisfaction).toBeLessThan(intlStd.satisfaction);
    // air freight is both the dirty and the dear part: transport cost falls with it
    expect(green.transport).toBeLessThan(0.5 * start.transport);
    // hubs raise safety stock; 45 % better forecasts bring it below the pooled start
    expect(green.safetyStock).toBeGreaterThan(start.safetyStock);
    expect(green45.safetyStock).toBeLessThan(start.safetyStock);
    expect(start30.safetyStock / start.safetyStock).toBeCloseTo(0.7, 9);
  });

  it('the laptop leg in the text: 2.5 kg over 19,400 km by air and by sea', () => {
    const europe = company.regions.find((r) => r.key === 'europe');
    expect(europe?.distanceKm).toBe(19400);
    const air = legCo2eKg(2.5, 19400, 'air');
    const sea = legCo2eKg(2.5, 19400, 'ocean');
    expect(air.toFixed(1)).toBe('38.8');
    expect(sea.toFixed(2)).toBe('0.58');
    expect(Math.round(air / sea)).toBe(67);
    const text = readFileSync(join(ROOT, 'content/lessons/en/10-trends/index.mdx'), 'utf8');
    const textZh = readFileSync(join(ROOT, 'content/lessons/zh-cn/10-trends/index.mdx'), 'utf8');
    for (const s of ['38.8 kg CO2e', '0.58 kg', '67 times', '19,400 km']) expect(text).toContain(s);
    for (const s of ['38.8 千克 CO2e', '0.58 千克', '19,400 公里', '67 倍']) expect(textZh).toContain(s);
  });
});
