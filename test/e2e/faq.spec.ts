// Lesson 11 (FAQ and conclusion), both languages: every simulator link on the page is there, reachable
// by keyboard and opens its lab with no notice, in the state the link encodes (control values and
// segment strategies visible in the DOM) and with the figures the answer quotes (outcome cards, segment
// sizes); the page passes axe. The figures themselves are pinned against the engine in
// test/chapters/faq/figures.test.ts; test/chapters/faq/links.ts is the single list of states.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DIST, LOCALES, ORIGIN, scrollThrough, tabTo, watchPage, type PageProblems } from './site';
import { CAPSTONE_LINKS, FAQ_STATES, faqHref, type Figure } from '../chapters/faq/links';

const FOLDER = '11-faq';
const HAS_FAQ = existsSync(join(DIST, 'en', 'lessons', FOLDER, 'index.html'));
const HAS_CAPSTONE = existsSync(join(DIST, 'en', 'lessons', '07-capstone', 'index.html'));
const LINKED = FAQ_STATES.filter((s) => s.linked);

function expectClean(problems: PageProblems): void {
  expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
  expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
  expect.soft(problems.foreignRequests, 'requests to another host').toEqual([]);
}

const faqUrl = (lang: string): string => `${ORIGIN}/${lang}/lessons/${FOLDER}/`;

/** Wait until the lab of `lens` has hydrated and finished its first run (all stages rendered). */
async function labReady(page: Page, lens: string): Promise<Locator> {
  const lab = page.locator(`[data-testid="segment-lab"][data-lens="${lens}"]`);
  await lab.scrollIntoViewIfNeeded();
  await page.waitForFunction((l) => {
    const el = document.querySelector(`[data-testid="segment-lab"][data-lens="${l}"]`);
    const island = el?.closest('astro-island');
    return !!el && !!island && !island.hasAttribute('ssr');
  }, lens);
  await expect(lab.locator('[data-testid="lab-busy"]')).toHaveAttribute('data-busy', 'false', { timeout: 15_000 });
  await expect(lab.locator('[data-testid="lab-summary"]')).not.toBeEmpty();
  await expect(lab.locator('[data-testid="apply-suggested"]')).toBeVisible();
  return lab;
}

const CODES: Record<string, Record<string, string>> = {
  supplyChain: { e: 'efficient', r: 'responsive' },
  fulfilment: { c: 'central', r: 'regional' },
  delivery: { s: 'standard', p: 'priority' },
  service: { s: 'standard', p: 'premium' },
  product: { s: 'standard', c: 'customised' },
};

/** Check that the lab shows the state of the query: visible controls and every linked segment strategy. */
async function expectState(lab: Locator, lens: string, query: string): Promise<number> {
  const q = new URLSearchParams(query);
  let checked = 0;
  for (const [key, value] of q) {
    if (key.startsWith('p.')) {
      const id = key.slice(2);
      const control = lab.locator(`#lab-${lens}-${id}`);
      if ((await control.count()) > 0) {
        // a select or a range: its value is the link's (ranges compare as numbers)
        const tag = await control.evaluate((el) => el.tagName.toLowerCase());
        if (tag === 'select') await expect(control).toHaveValue(value);
        else expect(Number(await control.inputValue())).toBeCloseTo(Number(value), 6);
        checked++;
      } else {
        const multi = lab.locator(`fieldset[data-control="${id}"]`);
        if ((await multi.count()) === 0) continue; // a control this state does not show (its `when`)
        const on = await multi.locator('input[type="checkbox"]:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
        expect(on.sort()).toEqual(value.split(',').sort());
        checked++;
      }
    } else if (key.startsWith('s.')) {
      const seg = lab.locator(`fieldset[data-segment="${key.slice(2)}"]`);
      await expect(seg).toHaveAttribute('data-changed', 'true');
      const [sc, sl, ff, dl, sv, pr, dc] = value.split('_');
      const choice: [string, string][] = [
        ['supplyChain', sc],
        ['fulfilment', ff],
        ['delivery', dl],
        ['service', sv],
        ['product', pr],
      ];
      for (const [lever, code] of choice) await expect(seg.locator(`select[data-lever="${lever}"]`)).toHaveValue(CODES[lever][code]);
      expect(Number(await seg.locator('input[data-lever="serviceLevel"]').inputValue())).toBeCloseTo(Number(sl), 6);
      expect(Number(await seg.locator('input[data-lever="discount"]').inputValue())).toBeCloseTo(Number(dc), 6);
      checked++;
    }
  }
  return checked;
}

const CARD: Record<string, string> = { profit: 'profit', satisfaction: 'satisfaction', otif: 'otif', churnRate: 'churnRate' };

/** Check the quoted figures the lab shows: outcome cards (company totals) and segment sizes. */
async function expectFigures(lab: Locator, lang: string, figures: Figure[]): Promise<number> {
  let checked = 0;
  for (const f of figures) {
    const dp = f.dp ?? (f.unit === 'count' ? 0 : 1);
    if (f.measure in CARD) {
      const raw = Number(await lab.locator(`[data-testid="outcome-${CARD[f.measure]}"]`).getAttribute('data-value'));
      const shown = f.unit === 'musd' ? raw / 1e6 : f.unit === 'percent' ? raw * 100 : raw;
      expect(Math.abs(shown - f.value), `${f.measure} card ${shown}`).toBeLessThanOrEqual(0.5 * 10 ** -dp + 1e-9);
      checked++;
    }
    const seg = /^seg\.(.+)\.customers$/.exec(f.measure);
    if (seg) {
      const count = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN').format(f.value);
      await expect(lab.locator(`fieldset[data-segment="${seg[1]}"] .meta`).first()).toContainText(count);
      checked++;
    }
  }
  return checked;
}

// Every test below needs both lessons in the build: a build without them fails here instead of
// silently testing nothing.
test('lessons 11 (FAQ) and 07 (capstone, the target of two links) are in the build', () => {
  expect(HAS_FAQ, `content/lessons/*/${FOLDER} is not in the build`).toBe(true);
  expect(HAS_CAPSTONE, 'lesson 07 (capstone) is not in the build').toBe(true);
});

test.describe('lesson 11: FAQ', () => {
  for (const lang of LOCALES) {
    test(`${lang}: the page links every pinned state, each link is reachable by keyboard, axe passes`, async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      await page.goto(faqUrl(lang));
      await scrollThrough(page);
      const main = page.locator('main');
      const hrefs = await main.locator('a[href*="?lab="], a[href*="?cap."]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      expect(new Set(hrefs)).toEqual(new Set([...LINKED.map(faqHref), ...CAPSTONE_LINKS.map((c) => c.href)]));
      // keyboard: Tab reaches every link in page order (each answer ends with one)
      await page.locator('body').focus();
      for (const href of hrefs) await tabTo(page, `a[href="${href}"]`);
      // Enter on a focused link follows it
      await page.locator('body').focus();
      const first = LINKED[0];
      await tabTo(page, `a[href="${faqHref(first)}"]`);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname.endsWith(`/${first.lesson}/`) && u.search.includes(`lab=${first.lens}`));
      await labReady(page, first.lens);
      await expect(page.locator('[data-testid="lab-notice"]')).toHaveCount(0);
      // axe on the FAQ page, the quiz hydrated
      await page.goto(faqUrl(lang));
      await scrollThrough(page);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = axe.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
      expect.soft(violations, 'axe violations (WCAG 2.1 A/AA)').toEqual([]);
      expectClean(problems);
    });

    for (const s of LINKED) {
      test(`${lang}: "${s.id}" opens ${s.lesson} in the linked state with the quoted figures`, async ({ page }) => {
        const problems = await watchPage(page, ORIGIN);
        await page.goto(faqUrl(lang));
        await page.locator(`main a[href="${faqHref(s)}"]`).click();
        await page.waitForURL((u) => u.pathname.endsWith(`/${lang}/lessons/${s.lesson}/`));
        expect(new URL(page.url()).search).toBe(`?${s.query}`);
        const lab = await labReady(page, s.lens);
        await expect(page.locator('[data-testid="lab-notice"]')).toHaveCount(0);
        expect(await lab.locator('[data-testid="lab-summary"]').textContent()).not.toMatch(/NaN|Infinity|undefined/);
        expect(await expectState(lab, s.lens, s.query), 'controls and strategies checked').toBeGreaterThan(0);
        expect(await expectFigures(lab, lang, s.figures), 'figures checked').toBeGreaterThan(0);
        expectClean(problems);
      });
    }

    for (const c of CAPSTONE_LINKS) {
      test(`${lang}: capstone link ${c.href} opens lesson 07 with no notice`, async ({ page }) => {
        const problems = await watchPage(page, ORIGIN);
        await page.goto(faqUrl(lang));
        await page.locator(`main a[href="${c.href}"]`).click();
        await page.waitForURL((u) => u.pathname.endsWith(`/${lang}/lessons/07-capstone/`));
        expect(new URL(page.url()).search).toBe(c.href.slice(c.href.indexOf('?')));
        await scrollThrough(page);
        const cap = page.locator('[data-testid="capstone-lab"]');
        await expect(cap).toBeVisible();
        await cap.scrollIntoViewIfNeeded();
        await page.waitForFunction(
          () => {
            const island = document.querySelector('[data-testid="capstone-lab"]')?.closest('astro-island');
            return !!island && !island.hasAttribute('ssr');
          },
          undefined,
          { timeout: 15_000 },
        );
        // the capstone shows the state the link asks for
        const q = new URLSearchParams(c.href.slice(c.href.indexOf('?')));
        const method = q.get('cap.method');
        if (method) await expect(cap.locator(`input[type="radio"][value="${method}"]`).first()).toBeChecked();
        const scenario = q.get('cap.scenario');
        if (scenario) await expect(cap.locator(`select:has(option[value="${scenario}"])`).first()).toHaveValue(scenario);
        expect(method ?? scenario, 'the capstone link names a method or a scenario').toBeTruthy();
        await expect(page.locator('[data-testid="lab-notice"]')).toHaveCount(0);
        expectClean(problems);
      });
    }
  }
});
