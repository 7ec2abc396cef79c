// The capstone simulator (lesson 07) in the built site, both languages: a full year at 2,000
// customers with dashboard and debrief, a scenario preset that changes the results, a 20,000-customer
// run in the worker with progress and Cancel while the page stays responsive, share links that
// restore the exact state and numbers, a bad link with a notice, keyboard-only use, axe, no console errors.
// The tests tagged @quiet measure wall-clock time; playwright.config.ts runs them last, one at a time.
// Run against a side build: PW_DIST=/tmp/x PW_PORT=… npx playwright test test/e2e/capstone.spec.ts
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ORIGIN, LOCALES, tabTo, watchPage, type PageProblems } from './site';

const FOLDER = '07-capstone';

function expectClean(problems: PageProblems): void {
  expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
  expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
  expect.soft(problems.foreignRequests, 'requests to another host').toEqual([]);
}

/** Open the lesson (with an optional query) and wait until the capstone island has hydrated. */
async function openCapstone(page: Page, lang: string, query = ''): Promise<Locator> {
  await page.goto(`${ORIGIN}/${lang}/lessons/${FOLDER}/${query}`);
  const lab = page.locator('[data-testid="capstone-lab"]');
  await lab.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const island = document.querySelector('[data-testid="capstone-lab"]')?.closest('astro-island');
    return !!island && !island.hasAttribute('ssr');
  });
  // the share link appears once the island has read the URL on mount
  await expect(lab.locator('[data-testid="share-url"]')).toHaveValue(/cap\.scenario=/);
  return lab;
}

async function runYear(lab: Locator, timeout = 60_000): Promise<void> {
  await lab.locator('[data-testid="run-start"]').click();
  await expect(lab.locator('[data-testid="run-status"]')).toHaveText(/^(Finished|已完成)/, { timeout });
  await expect(lab.locator('[data-testid="cap-debrief"]')).toBeVisible();
  await expect(lab.locator('[data-testid="cap-stale"]')).toHaveCount(0);
}

async function figures(lab: Locator) {
  return lab.evaluate((el) => ({
    values: Array.from(el.querySelectorAll('[data-testid^="outcome-"]'), (c) => c.getAttribute('data-value')),
    verdict: el.querySelector('[data-testid="cap-debrief-overall"]')?.textContent ?? '',
    debrief: el.querySelector('[data-testid="cap-debrief"]')?.textContent ?? '',
    meta: el.querySelector('[data-testid="cap-results-meta"]')?.textContent ?? '',
  }));
}

async function lastRunMs(page: Page): Promise<{ ms: number; customers: number } | null> {
  return page.evaluate(() => {
    const m = performance.getEntriesByName('cap:run', 'measure').at(-1) as PerformanceMeasure | undefined;
    return m ? { ms: m.duration, customers: (m.detail as { customers: number }).customers } : null;
  });
}

for (const lang of LOCALES) {
  test.describe(`${lang} capstone`, () => {
    test('full year at 2,000 customers: dashboard with five weekly charts, debrief, cap:run measure, axe clean', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openCapstone(page, lang);
      for (let i = 1; i <= 5; i++) await expect(lab.locator(`[data-testid="cap-step-${i}"] h4`).first()).toHaveText(new RegExp(`^${i}\\. `));
      await expect(lab.locator('[data-testid="cap-results-empty"]')).toBeVisible();
      await lab.locator('[data-testid="cap-suggest"]').click();
      await expect(lab.locator('[data-testid="cap-suggest-note"] li').first()).toBeVisible();
      await runYear(lab);
      const f = await figures(lab);
      expect(f.values.length).toBe(6);
      for (const v of f.values) expect(Number.isFinite(Number(v))).toBe(true);
      const charts = lab.locator('[data-testid="cap-dashboard"] [data-testid^="cap-chart-"] figure');
      await expect(charts).toHaveCount(5);
      for (let i = 0; i < 5; i++) await expect(charts.nth(i).locator('svg').first()).toBeVisible();
      expect(f.verdict).toMatch(lang === 'en' ? /^Your plan beats one size fits all/ : /^你的方案胜过/);
      await expect(lab.locator('[data-testid="cap-debrief-segments"] li').first()).toBeVisible();
      await expect(lab.locator('[data-testid="cap-debrief-costs"] li').first()).toBeVisible();
      expect(f.debrief).not.toMatch(/NaN|Infinity|undefined|\{\w+\}/);
      const timing = await lastRunMs(page);
      expect(timing?.customers).toBe(2000);
      expect(timing?.ms).toBeGreaterThan(0);
      test.info().annotations.push({ type: 'cap:run 2000', description: `${timing?.ms.toFixed(0)} ms` });
      console.log(`[capstone ${lang}] cap:run 2,000 customers: ${timing?.ms.toFixed(0)} ms`);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = axe.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
      expect.soft(violations, 'axe violations (WCAG 2.1 A/AA)').toEqual([]);
      expectClean(problems);
    });

    test('a scenario preset changes the results and the debrief reports its hit', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openCapstone(page, lang);
      await runYear(lab);
      const calm = await figures(lab);
      await expect(lab.locator('[data-testid="cap-debrief-noScenario"]')).toBeVisible();
      await lab.locator('[data-testid="cap-scenario"]').selectOption('tariff-rise');
      await expect(lab.locator('[data-testid="cap-scenario-desc"]')).toContainText(lang === 'en' ? 'North America' : '北美');
      await expect(lab.locator('[data-testid="cap-stale"]')).toBeVisible();
      await runYear(lab);
      await expect(lab.locator('[data-testid="cap-stale"]')).toHaveCount(0);
      const hit = await figures(lab);
      expect(hit.values).not.toEqual(calm.values);
      // higher duties cost profit: the profit card (index 2) is lower than in the calm year
      expect(Number(hit.values[2])).toBeLessThan(Number(calm.values[2]));
      await expect(lab.locator('[data-testid="cap-debrief-scenario"]')).toContainText(lang === 'en' ? 'Tariff rise from week 14' : '关税上调从第 14 周开始');
      // each chart marks the week the description and the debrief name (its data table flags that row)
      const costChart = lab.locator('[data-testid="cap-chart-cost"]');
      await costChart.locator('.table-toggle').click();
      await expect(costChart.locator('tbody th:has-text("◆")')).toHaveText(/^14\b/);
      expectClean(problems);
    });

    test('a 20,000-customer run shows progress in the worker, the page stays responsive, Cancel stops it', { tag: '@quiet' }, async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openCapstone(page, lang);
      await lab.locator('[data-testid="cap-customers-20000"]').check();
      // In the page (a 20,000-customer year takes only a second or two in the worker, too quick for
      // round trips from the test): press Run, watch timers keep firing on the main thread, and press
      // Cancel as soon as the progress bar has moved.
      const seen = await page.evaluate(
        () =>
          new Promise<{ fraction: number; text: string; worstGap: number; ticks: number }>((resolve, reject) => {
            const root = document.querySelector('[data-testid="capstone-lab"]') as HTMLElement;
            const bar = root.querySelector('progress') as HTMLProgressElement;
            const status = root.querySelector('[data-testid="run-status"]') as HTMLElement;
            let last = performance.now();
            let worstGap = 0;
            let ticks = 0;
            const timer = setInterval(() => {
              const now = performance.now();
              worstGap = Math.max(worstGap, now - last);
              last = now;
              ticks++;
              if (bar.value > 0 && bar.value < 1) {
                clearInterval(timer);
                const seenNow = { fraction: bar.value, text: status.textContent ?? '', worstGap, ticks };
                (root.querySelector('[data-testid="run-cancel"]') as HTMLButtonElement).click();
                resolve(seenNow);
              }
            }, 5);
            setTimeout(() => {
              clearInterval(timer);
              reject(new Error(`no progress within 30 s (status: ${status.textContent})`));
            }, 30_000);
            (root.querySelector('[data-testid="run-start"]') as HTMLButtonElement).click();
          }),
      );
      expect(seen.fraction).toBeGreaterThan(0);
      expect(seen.text).toMatch(lang === 'en' ? /^(Simulating|Starting)/ : /^正在/);
      // the main thread stayed free: a 5 ms timer never waited long while the worker simulated
      expect(seen.worstGap).toBeLessThan(250);
      const status = lab.locator('[data-testid="run-status"]');
      await expect(status).toHaveText(lang === 'en' ? 'Run cancelled. The previous results are unchanged.' : '已取消本次运行，之前的结果保持不变。');
      await expect(lab.locator('[data-testid="cap-results-empty"]')).toBeVisible();
      await expect(lab.locator('[data-testid="run-start"]')).toBeEnabled();
      expectClean(problems);
    });

    test('a share link restores the exact state and numbers', async ({ page, context }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openCapstone(page, lang, '?cap.method=kmeans&cap.k=5');
      await expect(lab.locator('[data-testid="lab-notice"]')).toHaveCount(0);
      await expect(lab.locator('[data-testid="share-url"]')).toHaveValue(/cap\.method=kmeans&cap\.k=5/);
      await lab.locator('[data-testid="cap-scenario"]').selectOption('demand-shock');
      await lab.locator('[data-testid="cap-suggest"]').click();
      const firstCard = lab.locator('[data-testid="cap-step-4"] fieldset').first();
      await firstCard.locator('select[data-lever="fulfilment"]').selectOption('regional');
      await runYear(lab);
      const before = await figures(lab);
      const levers = await lab.locator('[data-testid="cap-step-4"] select').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
      const url = await lab.locator('[data-testid="share-url"]').inputValue();
      expect(url).toContain('cap.scenario=demand-shock');
      expect(url).toMatch(/cap\.s\.cluster-\d=/);

      const other = await context.newPage();
      const problems2 = await watchPage(other, ORIGIN);
      await other.goto(url);
      const lab2 = other.locator('[data-testid="capstone-lab"]');
      await lab2.scrollIntoViewIfNeeded();
      await expect(lab2.locator('[data-testid="share-url"]')).toHaveValue(url);
      await expect(lab2.locator('[data-testid="lab-notice"]')).toHaveCount(0);
      await expect(lab2.locator('[data-testid="cap-scenario"]')).toHaveValue('demand-shock');
      expect(await lab2.locator('[data-testid="cap-step-4"] select').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value))).toEqual(levers);
      await runYear(lab2);
      const after = await figures(lab2);
      expect(after.values).toEqual(before.values);
      expect(after.debrief).toBe(before.debrief);
      expectClean(problems);
      expectClean(problems2);
    });

    test('a bad link shows the notice and runs with defaults', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openCapstone(page, lang, '?cap.scenario=meteor&cap.customers=7&cap.seed=-1&cap.method=kmeans&cap.k=99&cap.s.nope=zz');
      const notice = lab.locator('[data-testid="lab-notice"]');
      await expect(notice).toBeVisible();
      for (const p of ['cap.scenario', 'cap.customers', 'cap.seed', 'cap.k', 'cap.s.nope']) await expect(notice).toContainText(p);
      await expect(lab.locator('[data-testid="cap-scenario"]')).toHaveValue('none');
      await expect(lab.locator('[data-testid="cap-customers-2000"]')).toBeChecked();
      await expect(lab.locator('[data-testid="share-url"]')).toHaveValue(/cap\.scenario=none&cap\.customers=2000&cap\.seed=42&cap\.method=kmeans&cap\.k=6/);
      await runYear(lab);
      expect((await figures(lab)).debrief).not.toMatch(/NaN|Infinity|undefined/);
      expectClean(problems);
    });

    test('keyboard only: pick a preset, apply the textbook strategy and run the year', async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      const lab = await openCapstone(page, lang);
      await tabTo(page, '[data-testid="cap-suggest"]', 800);
      await page.keyboard.press('Enter');
      await expect(lab.locator('[data-testid="cap-suggest-note"] li').first()).toBeVisible();
      await tabTo(page, '[data-testid="cap-scenario"]');
      await page.keyboard.press('ArrowDown');
      await expect(lab.locator('[data-testid="cap-scenario"]')).toHaveValue('demand-shock');
      await tabTo(page, '[data-testid="run-start"]');
      await page.keyboard.press('Enter');
      await expect(lab.locator('[data-testid="run-status"]')).toHaveText(/^(Finished|已完成)/, { timeout: 60_000 });
      await expect(lab.locator('[data-testid="cap-debrief-scenario"]')).toBeVisible();
      expectClean(problems);
    });
  });
}

test('a full 20,000-customer year finishes in the worker (timing)', { tag: '@quiet' }, async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await watchPage(page, ORIGIN);
  const lab = await openCapstone(page, 'en');
  await lab.locator('[data-testid="cap-customers-20000"]').check();
  await runYear(lab, 110_000);
  await expect(lab.locator('[data-testid="cap-results-meta"]')).toContainText('20,000 customers');
  const timing = await lastRunMs(page);
  expect(timing?.customers).toBe(20000);
  console.log(`[capstone en] cap:run 20,000 customers: ${timing?.ms.toFixed(0)} ms`);
  // a second run with another plan reuses the worker's baseline (same customers and scenario)
  await lab.locator('[data-testid="cap-suggest"]').click();
  await runYear(lab, 110_000);
  const again = await lastRunMs(page);
  console.log(`[capstone en] cap:run 20,000 customers, baseline reused: ${again?.ms.toFixed(0)} ms`);
  expectClean(problems);
});

test('k-means settings run in the capstone worker: the clusters and strategy segments follow k and the seed', async ({ page }) => {
  const problems = await watchPage(page, ORIGIN);
  const lab = await openCapstone(page, 'en', '?cap.method=kmeans&cap.k=5');
  const sizes = lab.locator('[data-testid="builder-sizes"] tbody tr');
  await expect(sizes).toHaveCount(5);
  await expect.poll(() => page.workers().some((w) => /capstone\.worker/.test(w.url()))).toBe(true);
  const k = lab.locator('#cap-sb-k');
  await k.fill('7');
  await k.press('Enter');
  await expect(sizes).toHaveCount(7);
  // the strategy step follows the new segmentation (computed in the worker), with no note left over
  await expect(lab.locator('[data-testid="share-url"]')).toHaveValue(/cap\.k=7/);
  await expect(lab.locator('[data-testid="cap-seg-updating"]')).toHaveText('');
  await expect(lab.locator('[data-testid="k-computing"]')).toHaveCount(0);
  await expect(lab.locator('[data-testid="cap-step-4"]')).toContainText('Cluster 7');
  await lab.locator('#cap-sb-kseed').fill('9');
  await lab.locator('#cap-sb-kseed').press('Enter');
  await expect(lab.locator('[data-testid="share-url"]')).toHaveValue(/cap\.kseed=9/);
  await expect(sizes).toHaveCount(7);
  await expect(lab.locator('[data-testid="builder-ari"]')).not.toContainText('NaN');
  expectClean(problems);
});
