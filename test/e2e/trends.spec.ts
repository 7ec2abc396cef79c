// Chapter 10 "Digital and sustainable supply chains": the trends lab in the built site, both languages.
// The lab responds to its controls (mouse and keyboard), its first task completes, a share link restores
// the exact state and numbers, a bad link shows the notice with defaults, and the page is axe-clean.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LOCALES, ORIGIN, tabTo, watchPage, type PageProblems } from './site';

const PATH = (lang: string) => `/${lang}/lessons/10-trends/`;

function expectClean(problems: PageProblems): void {
  expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
  expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
  expect.soft(problems.foreignRequests, 'requests to another host').toEqual([]);
}

/** Open the lesson (with an optional query) and wait until the island has hydrated and run. */
async function openLab(page: Page, lang: string, query = '') {
  await page.goto(PATH(lang) + query);
  const lab = page.locator('[data-testid="trends-lab"]');
  await lab.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="trends-lab"]');
    const island = el?.closest('astro-island');
    return !!el && !!island && !island.hasAttribute('ssr');
  });
  await expect(lab).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  return lab;
}

async function snapshot(page: Page) {
  return page.locator('[data-testid="trends-lab"]').evaluate((el) => ({
    values: Array.from(el.querySelectorAll('[data-testid^="trends-m-"]'), (r) => r.getAttribute('data-value')),
    tasks: Array.from(el.querySelectorAll('[data-testid^="task-"][data-met]'), (t) => t.getAttribute('data-met')),
    summary: el.querySelector('[data-testid="chart-summary"]')?.textContent ?? '',
    digital: el.querySelector('[data-testid="trends-digital-value"]')?.textContent ?? '',
  }));
}

const co2 = async (page: Page): Promise<number> => Number(await page.getByTestId('trends-m-co2').getAttribute('data-value'));

for (const lang of LOCALES) {
  test.describe(`trends lab (${lang})`, () => {
    test('responds to the plan, completes the green task, and is axe-clean', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openLab(page, lang);
      const before = await co2(page);
      expect(before).toBeGreaterThan(30_000);
      await expect(lab.getByTestId('task-trends-green')).toHaveAttribute('data-met', 'false');
      await lab.getByTestId('trends-international-fulfilment').selectOption('regional');
      await lab.getByTestId('trends-international-delivery').selectOption('standard');
      await expect(lab.getByTestId('task-trends-green')).toHaveAttribute('data-met', 'true');
      expect(await co2(page)).toBeLessThan(0.1 * before);
      await expect(lab.getByTestId('task-reason-trends-green')).not.toBeEmpty();
      // the previous run is now shown beside the plan
      await expect(lab.getByTestId('trends-m-co2').locator('td').nth(2)).not.toHaveText(lang === 'en' ? 'none yet' : '暂无');
      // the chart's table alternative
      await lab.getByRole('button', { name: lang === 'en' ? 'Show data table' : /数据表/ }).click();
      await expect(lab.getByTestId('co2-table')).toBeVisible();
      const axe = await new AxeBuilder({ page }).include('[data-testid="trends-lab"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = axe.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
      expect.soft(violations, 'axe violations (WCAG 2.1 A/AA)').toEqual([]);
      await expect(lab).not.toContainText(/NaN|Infinity|undefined/);
      expectClean(problems);
    });

    test('keyboard only: the digital slider and a segment select', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openLab(page, lang);
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.locator('h3#trends-lab-title').evaluate((h) => {
        h.setAttribute('tabindex', '-1');
        (h as HTMLElement).focus();
      });
      await tabTo(page, '[data-testid="trends-digital"]', 30);
      const ssBefore = Number(await lab.getByTestId('trends-m-safetyStock').getAttribute('data-value'));
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      await expect(lab.getByTestId('trends-digital-value')).toHaveText('30%');
      const ssAfter = Number(await lab.getByTestId('trends-m-safetyStock').getAttribute('data-value'));
      expect(ssAfter / ssBefore).toBeCloseTo(0.7, 6);
      await expect(lab.getByTestId('trends-m-itCost')).toHaveAttribute('data-value', '450000');
      // Tab on to the international delivery select and choose "standard" with the keyboard
      await tabTo(page, '[data-testid="trends-international-delivery"]', 30);
      const co2Before = await co2(page);
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => co2(page)).toBeLessThan(0.2 * co2Before);
      await expect(lab.getByTestId('trends-international-delivery')).toHaveValue('standard');
      expectClean(problems);
    });

    test('a share link restores the exact state and numbers', async ({ page, context }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openLab(page, lang);
      await lab.getByTestId('trends-international-fulfilment').selectOption('regional');
      await lab.getByTestId('trends-international-delivery').selectOption('standard');
      await lab.getByTestId('trends-domestic-supplyChain').selectOption('responsive');
      await lab.getByTestId('trends-digital').fill('0.45');
      await expect(lab.getByTestId('trends-digital-value')).toHaveText('45%');
      const want = await snapshot(page);
      const url = await lab.getByTestId('share-url').inputValue();
      expect(url).toContain('trends.f=0.45');
      expect(url).toContain('trends.international=ers');
      expect(url).toContain('trends.domestic=rcp');
      const other = await context.newPage();
      const problems2 = await watchPage(other, ORIGIN);
      await other.goto(url);
      const lab2 = other.locator('[data-testid="trends-lab"]');
      await lab2.scrollIntoViewIfNeeded();
      await expect(lab2).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
      await expect(lab2.getByTestId('lab-notice')).toHaveCount(0);
      const got = await snapshot(other);
      expect(got.values).toEqual(want.values);
      expect(got.tasks).toEqual(want.tasks);
      expect(got.summary).toBe(want.summary);
      expect(got.digital).toBe('45%');
      expectClean(problems);
      expectClean(problems2);
    });

    test('runs the engine in a module worker and settles on the latest of a burst of changes', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      const lab = await openLab(page, lang);
      expect(workers.some((u) => /trends\.worker/.test(u)), workers.join(', ')).toBe(true);
      await expect(lab).toHaveAttribute('data-busy', 'false');
      // a burst of changes: the figures of the last one arrive, the lab settles, nothing is blank or NaN
      const slider = lab.getByTestId('trends-digital');
      await slider.focus();
      for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
      await expect(lab).toHaveAttribute('data-busy', 'false');
      await expect(lab.getByTestId('trends-digital-value')).toHaveText('40%');
      await expect(lab.getByTestId('trends-m-itCost')).toHaveAttribute('data-value', '600000');
      await expect(lab.getByTestId('trends-busy')).toHaveText('');
      await expect(lab).not.toContainText(/NaN|Infinity|undefined/);
      expectClean(problems);
    });

    test('a bad link shows the translated notice and the starting plan', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openLab(page, lang, '?trends.f=9&trends.domestic=zzz&trends.colour=red');
      const notice = lab.getByTestId('lab-notice');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('trends.f');
      await expect(notice).toContainText('trends.domestic');
      await expect(notice).toContainText('trends.colour');
      await expect(notice).toContainText('trends.international');
      await expect(lab.getByTestId('trends-digital-value')).toHaveText('0%');
      await expect(lab.getByTestId('trends-domestic-delivery')).toHaveValue('priority');
      await expect(lab).not.toContainText(/NaN|Infinity|undefined/);
      expectClean(problems);
    });
  });
}
