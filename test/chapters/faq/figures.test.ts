// The FAQ chapter (lesson 11) quotes engine figures and links to simulator states. This test pins both:
// every link on the page (both languages) is one of FAQ_STATES, decodes without any ignored parameter
// under the target lesson's `editable` list, is the canonical encoding of its state, and sits in the
// answer it belongs to; every figure that answer quotes is what the lab engine computes for the state
// (rounded as written) and appears, written the way the text writes it, in that answer in both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCompany } from '../../../simulations/company/generate';
import { simulate } from '../../../simulations/simulate/simulate';
import { baselinePlan, validatePlan } from '../../../simulations/strategy/plan';
import overSegmentation from '../../../simulations/plans/over-segmentation.json';
import { outcomeFigures, runLab, type LabRun } from '../../../src/lib/lab/run';
import { decodeState, encodeState } from '../../../src/lib/lab/share';
import type { OutcomeFigures } from '../../../src/lib/lab/run';
import { CAPSTONE_LINKS, FAQ_STATES, faqHref, type FaqState, type Figure } from './links';

const ROOT = join(__dirname, '..', '..', '..');
const LANGS = ['en', 'zh-cn'] as const;
type Lang = (typeof LANGS)[number];
const mdx = (lang: Lang, folder = '11-faq'): string => readFileSync(join(ROOT, 'content', 'lessons', lang, folder, 'index.mdx'), 'utf8');

/** The FAQ page split into its `## ` sections, keyed by the `{/* faq:<id> *\/}` marker each one carries. */
function sections(lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  // MDX escapes a dollar sign (\$) so that remark-math does not read it as mathematics
  for (const part of mdx(lang).replace(/\\\$/g, '$').split(/\n(?=## )/)) {
    const m = /\{\/\* faq:([a-z-]+) \*\/\}/.exec(part);
    if (m) out.set(m[1], part);
  }
  return out;
}

/** The `editable` list the target lesson passes to its SegmentLab (so a link never uses a locked control). */
function lessonEditable(lesson: string, lang: Lang): string[] {
  const m = /<SegmentLab[^>]*editable=\{\[([^\]]*)\]\}/.exec(mdx(lang, lesson));
  if (!m) throw new Error(`no SegmentLab editable list in ${lang}/${lesson}`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

/** Simulator links in a page: relative links to another lesson with a query. */
function pageLinks(text: string): string[] {
  return [...text.matchAll(/\]\((\.\.\/\d\d-[a-z0-9-]+\/\?[^)\s]+)\)/g)].map((m) => m[1]);
}

const runs = new Map<string, LabRun>();
function run(s: FaqState): LabRun {
  let r = runs.get(s.query);
  if (!r) {
    const d = decodeState(s.query, s.lens, 42, lessonEditable(s.lesson, 'en'));
    r = runLab(d.state);
    runs.set(s.query, r);
  }
  return r;
}

const COMPANY = ['profit', 'satisfaction', 'otif', 'churnRate'] as const;
type CompanyKey = (typeof COMPANY)[number];
const isCompany = (k: string): k is CompanyKey => (COMPANY as readonly string[]).includes(k);

/** An engine measure of a run (see links.ts), in the engine's own units (USD, points, fractions). */
function measure(r: LabRun, name: string): number {
  const cur: OutcomeFigures = outcomeFigures(r.result);
  const base: OutcomeFigures = outcomeFigures(r.baseline);
  if (isCompany(name)) return cur[name];
  const [head, ...rest] = name.split('.');
  if (head === 'base' && rest[0] === 'cost') return base.cost[rest[1] as keyof OutcomeFigures['cost']];
  if (head === 'base' && isCompany(rest[0])) return base[rest[0]];
  if (head === 'delta' && isCompany(rest[0])) return cur[rest[0]] - base[rest[0]];
  if (head === 'cost') return cur.cost[rest[0] as keyof OutcomeFigures['cost']];
  if (head === 'segments') return r.segments.filter((s) => s.customers > 0).length;
  if (head === 'seg') {
    const metric = rest[rest.length - 1];
    const isBase = rest[rest.length - 2] === 'base';
    const key = rest.slice(0, isBase ? -2 : -1).join('.');
    const seg = r.segments.find((s) => s.key === key);
    if (!seg) throw new Error(`no segment ${key}`);
    if (metric === 'customers') return seg.customers;
    if (metric === 'satisfaction') return isBase ? seg.base.satisfaction : seg.result.satisfaction;
    if (metric === 'churnRate') return isBase ? seg.base.churnRate : seg.result.churnRate;
  }
  throw new Error(`unknown measure ${name}`);
}

function inUnit(f: Figure, raw: number): number {
  if (f.unit === 'musd') return raw / 1e6;
  if (f.unit === 'percent') return raw * 100;
  return raw;
}

const decimals = (f: Figure): number => f.dp ?? (f.unit === 'count' ? 0 : 1);

/** How the text writes a figure (without sign: sentences say "up", "down", "loses"). */
function written(f: Figure, lang: Lang): string {
  const o = lang === 'en' ? f.en : f.zh;
  if (o !== undefined) return o;
  const v = Math.abs(f.value);
  const dp = decimals(f);
  switch (f.unit) {
    case 'musd':
      return lang === 'en' ? `$${v.toFixed(dp)}M` : `${Math.round(v * 100).toLocaleString('en-US')} 万美元`;
    case 'percent':
      return `${v.toFixed(dp)}%`;
    case 'count':
      return v.toLocaleString('en-US');
    default:
      return v.toFixed(dp);
  }
}

describe('FAQ links', () => {
  for (const lang of LANGS) {
    it(`${lang}: every simulator link is a pinned state or a capstone link, and every pinned link is there`, () => {
      const found = pageLinks(mdx(lang));
      const expected = [...FAQ_STATES.filter((s) => s.linked).map(faqHref), ...CAPSTONE_LINKS.map((c) => c.href)];
      expect(new Set(found)).toEqual(new Set(expected));
      // each answer ends with a link that opens a simulator
      const secs = sections(lang);
      expect(secs.size).toBeGreaterThanOrEqual(8);
      for (const [id, text] of secs) {
        if (id === 'conclusion') continue;
        const body = text.trimEnd().split('\n');
        const last = body[body.length - 1];
        expect(pageLinks(last).length, `${lang} answer "${id}" ends with a simulator link`).toBeGreaterThan(0);
      }
    });

    it(`${lang}: each link sits in the answer that quotes its figures`, () => {
      const secs = sections(lang);
      for (const s of FAQ_STATES.filter((x) => x.linked)) {
        expect(secs.get(s.section) ?? '', `${s.id} in section ${s.section}`).toContain(`](${faqHref(s)})`);
      }
      for (const c of CAPSTONE_LINKS) expect(secs.get(c.section) ?? '').toContain(`](${c.href})`);
    });
  }

  for (const s of FAQ_STATES) {
    it(`${s.id}: decodes with nothing ignored in both lessons' editable lists and is its canonical encoding`, () => {
      for (const lang of LANGS) {
        const d = decodeState(s.query, s.lens, 42, lessonEditable(s.lesson, lang));
        expect(d.present).toBe(true);
        expect(d.ignored).toEqual([]);
        expect(encodeState({ ...d.state, editable: lessonEditable(s.lesson, lang) }).toString()).toBe(s.query);
      }
    });
  }
});

describe('FAQ figures: the engine gives what the text says', () => {
  for (const s of FAQ_STATES) {
    it(`${s.id} (${s.section})`, () => {
      const r = run(s);
      const secs = { en: sections('en'), 'zh-cn': sections('zh-cn') };
      for (const f of s.figures) {
        const v = inUnit(f, measure(r, f.measure));
        expect(Number.isFinite(v)).toBe(true);
        // rounded as the text writes it
        expect(Math.abs(v - f.value), `${s.id} ${f.measure} = ${v}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals(f) + 1e-9);
        for (const lang of LANGS) {
          expect(secs[lang].get(s.section) ?? '', `${lang} ${s.section} quotes ${f.measure}`).toContain(written(f, lang));
        }
      }
    });
  }

  it('contrasts hold: matched beats mismatched, targeted levers beat blanket priority freight', () => {
    const by = (id: string) => run(FAQ_STATES.find((s) => s.id === id)!);
    expect(by('fisher-match').result.totals.profit).toBeGreaterThan(by('fisher-mismatch').result.totals.profit + 5e6);
    const targeted = by('targeted-levers').result.totals;
    const blanket = by('priority-everyone').result.totals;
    expect(targeted.profit).toBeGreaterThan(by('targeted-levers').baseline.totals.profit);
    expect(blanket.profit).toBeLessThan(by('priority-everyone').baseline.totals.profit - 10e6);
    expect(blanket.satisfaction).toBeGreaterThan(targeted.satisfaction);
    // splitting without acting costs exactly the complexity cost
    const regions = by('regions-no-levers');
    expect(regions.baseline.totals.profit - regions.result.totals.profit).toBeCloseTo(regions.result.totals.cost.complexity, 0);
  });

  it('over-segmentation: the twelve-cluster example plan loses about a third of the profit (how-many answer)', () => {
    const company = generateCompany(42, { customers: 2000 });
    const base = simulate(company, baselinePlan(), { weeks: 52 }).totals.profit;
    const over = simulate(company, validatePlan(overSegmentation), { weeks: 52 }).totals.profit;
    const loss = Math.round((1 - over / base) * 100);
    expect(loss).toBe(32);
    expect(Math.round(over / 1e5) / 10).toBe(36.1);
    for (const lang of LANGS) {
      const text = sections(lang).get('how-many') ?? '';
      expect(text).toContain('32%');
      expect(text).toContain(lang === 'en' ? '$36.1M' : '3,610 万美元');
    }
  });
});
