// Chapter 09's simulator (FlexibilityLab) in the built site, in both languages: it runs both plans,
// responds to a control, its guided task completes, a share link restores the exact state and numbers,
// a bad link shows the notice with defaults, it works by keyboard alone, and the page passes axe.
import { test, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ORIGIN, LOCALES, tabTo, watchPage, type PageProblems } from './site';

const PATH = (lang: string) => `/${lang}/lessons/09-flexibility/`;

function expectClean(problems: PageProblems): void {
  expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
  expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
  expect.soft(problems.foreignRequests, 'requests to another host').toEqual([]);
}

/** Open the lesson (with an optional query), bring the lab into view and wait for both runs. */
async function openLab(page: Page, lang: string, query = ''): Promise<Locator> {
  await page.goto(PATH(lang) + query);
  const lab = page.locator('[data-testid="flex-lab"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  return lab;
}

async function ready(lab: Locator): Promise<void> {
  await expect(lab).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
}

/** The numbers on screen: every cell of the totals table and the verdict. */
async function numbers(lab: Locator): Promise<{ cells: string[]; verdict: string }> {
  return {
    cells: await lab.locator('[data-testid="flex-totals"] td').allTextContents(),
    verdict: (await lab.locator('[data-testid="flex-verdict"]').textContent()) ?? '',
  };
}

for (const lang of LOCALES) {
  test.describe(`flexibility lab (${lang})`, () => {
    test('runs, responds to a control, and its guided task completes; axe clean', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openLab(page, lang);
      const start = await numbers(lab);
      expect(start.verdict).toContain(lang === 'en' ? 'The flexible plan wins' : '柔性方案胜出');
      expect(start.cells.join(' ')).not.toMatch(/NaN|Infinity|undefined/);
      await expect(lab.locator('[data-testid="flex-chart-fill"] svg[aria-labelledby]')).toHaveCount(1);
      await expect(lab.locator('[data-testid="flex-chart-profit"] svg[aria-labelledby]')).toHaveCount(1);

      // the scenario select changes the run: business as usual, the rigid plan wins
      await lab.locator('[data-testid="flex-scenario"]').selectOption('none');
      await expect(lab.locator('[data-testid="flex-verdict"]')).toHaveAttribute('data-winner', 'rigid');
      await expect(lab.locator('[data-testid="flex-week"]')).toHaveCount(0);
      await lab.locator('[data-testid="flex-scenario"]').selectOption('shift-class');
      await ready(lab);

      // the task: the smallest buffer at the default levers is 5 %
      const task = lab.locator('[data-testid="task-flex-buffer"]');
      await expect(task).toHaveAttribute('data-met', 'false');
      const buffer = lab.locator('[data-testid="flex-buffer"]');
      await buffer.focus();
      await page.keyboard.press('Home'); // 0 %
      await expect(lab.locator('[data-testid="task-reason-flex-buffer"]')).toContainText(lang === 'en' ? 'below 95' : '低于 95%');
      await page.keyboard.press('ArrowRight'); // 5 %
      await expect(task).toHaveAttribute('data-met', 'true');
      await expect(lab.locator('[data-testid="task-reason-flex-buffer"]')).toContainText(lang === 'en' ? 'With 5%' : '缓冲为 5%');

      // predict, then reveal: the answer comes from the run on screen
      await lab.locator('[data-testid="predict"] input[type="radio"]').first().check();
      await lab.locator('[data-testid="predict"] button[type="submit"]').click();
      await expect(lab.locator('[data-testid="predict-result"]')).toHaveAttribute('data-correct', 'true');

      const axe = await new AxeBuilder({ page }).include('[data-testid="flex-lab"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = axe.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
      expect.soft(violations, 'axe violations (WCAG 2.1 A/AA)').toEqual([]);
      expectClean(problems);
    });

    test('the engine runs in its module worker, and a change keeps the results on screen', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      const lab = await openLab(page, lang);
      expect(workers.some((u) => /flexibility\.worker/.test(u)), `workers: ${workers.join(', ')}`).toBe(true);
      const start = await numbers(lab);
      // while the worker computes, the old figures stay (never blank, never NaN), then the new ones come
      await lab.locator('[data-testid="flex-postponement"]').uncheck();
      await expect(lab.locator('[data-testid="flex-totals"] td')).toHaveCount(start.cells.length);
      await ready(lab);
      const after = await numbers(lab);
      expect(after.cells).not.toEqual(start.cells);
      expect(after.cells.join(' ')).not.toMatch(/NaN|Infinity|undefined/);
      expectClean(problems);
    });

    test('when the worker cannot load, the main thread runs the same engine to the same numbers', async ({ page }) => {
      const viaWorker = await numbers(await openLab(page, lang));
      let blocked = 0;
      await page.route('**/*flexibility.worker*', (route) => {
        blocked++;
        return route.abort();
      });
      const lab = await openLab(page, lang);
      expect(blocked, 'the worker script was requested and blocked').toBeGreaterThan(0);
      expect(await numbers(lab)).toEqual(viaWorker);
      await expect(lab.locator('.failed')).toHaveCount(0);
    });

    test('the share link restores the exact state and numbers', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openLab(page, lang);
      await lab.locator('[data-testid="flex-scenario"]').selectOption('shock');
      await ready(lab);
      await lab.locator('[data-testid="flex-fastDelivery"]').check();
      await lab.locator('[data-testid="flex-dualSourcing"]').uncheck();
      const week = lab.locator('[data-testid="flex-week"]');
      await week.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await ready(lab);
      await expect(lab.locator('[data-testid="share-url"]')).toHaveValue(/flex\.wk=23/);
      const before = await numbers(lab);
      const url = await lab.locator('[data-testid="share-url"]').inputValue();
      expect(url).toContain('flex.sc=shock');
      expect(url).toContain('flex.fd=1');
      expect(url).toContain('flex.ds=0');

      await page.goto(url);
      const again = page.locator('[data-testid="flex-lab"]');
      await again.scrollIntoViewIfNeeded();
      await ready(again);
      await expect(again.locator('[data-testid="flex-scenario"]')).toHaveValue('shock');
      await expect(again.locator('[data-testid="flex-week"]')).toHaveValue('23');
      await expect(again.locator('[data-testid="flex-fastDelivery"]')).toBeChecked();
      await expect(again.locator('[data-testid="flex-dualSourcing"]')).not.toBeChecked();
      await expect(again.locator('[data-testid="lab-notice"]')).toHaveCount(0);
      expect(await numbers(again)).toEqual(before);
      expectClean(problems);
    });

    test('a bad link shows the notice and runs with the defaults', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openLab(page, lang, '?flex.sc=meteor&flex.wk=27&flex.sz=0.3&flex.buf=0.9&flex.pp=1&flex.ds=1&flex.fd=perhaps&flex.zzz=1');
      const notice = lab.locator('[data-testid="lab-notice"]');
      await expect(notice).toBeVisible();
      for (const p of ['flex.sc', 'flex.buf', 'flex.fd', 'flex.zzz']) await expect(notice).toContainText(p);
      await expect(lab.locator('[data-testid="flex-scenario"]')).toHaveValue('shift-class');
      await expect(lab.locator('[data-testid="flex-buffer"]')).toHaveValue('0.2');
      await expect(lab.locator('[data-testid="flex-fastDelivery"]')).not.toBeChecked();
      const defaults = await openLab(page, lang);
      const clean = await numbers(defaults);
      // the bad link ran exactly the default state
      const bad = await openLab(page, lang, '?flex.sc=meteor&flex.buf=0.9');
      expect(await numbers(bad)).toEqual(clean);
      expectClean(problems);
    });

    test('keyboard only: reach the controls by Tab, change them, reset', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openLab(page, lang);
      const start = await numbers(lab);
      await page.locator('h1').first().focus().catch(() => undefined);
      await tabTo(page, '[data-testid="flex-scenario"]');
      await tabTo(page, '[data-testid="flex-postponement"]');
      await page.keyboard.press('Space');
      await expect(lab.locator('[data-testid="flex-postponement"]')).not.toBeChecked();
      await ready(lab);
      await expect.poll(async () => (await numbers(lab)).verdict).not.toBe(start.verdict);
      await tabTo(page, '[data-testid="flex-reset"]');
      await page.keyboard.press('Enter');
      await expect(lab.locator('[data-testid="flex-postponement"]')).toBeChecked();
      await ready(lab);
      await expect.poll(async () => numbers(lab)).toEqual(start);
      expectClean(problems);
    });
  });
}
