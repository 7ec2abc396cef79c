// The method lessons (02–06) in both languages: the segment lab responds to its controls, a guided
// task can be completed through the UI, the share link restores the exact state and numbers, the
// lab works by keyboard alone, bad share links get a notice, and the page passes axe.
// Lessons that are not in the build yet are skipped (the list comes from dist/).
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DIST, ORIGIN, LOCALES, lessonFolders, tabTo, watchPage, type PageProblems } from './site';

// LAB_E2E_DIST / LAB_E2E_ORIGIN let a developer run this file against another build of the site.
const DIR = process.env.LAB_E2E_DIST ?? DIST;
const HOST = process.env.LAB_E2E_ORIGIN ?? ORIGIN;

const LENS_OF: Record<string, string> = {
  '02-customer-needs': 'needs',
  '03-customer-value': 'value',
  '04-geography': 'geography',
  '05-product-lifecycle': 'lifecycle',
  '06-behaviour': 'behaviour',
};

/** The first guided task of each lens and the levers (segment → lever → value) that meet it at seed 42. */
const TASK: Record<string, { id: string; levers: [string, string, string][] }> = {
  needs: { id: 'needs-1', levers: [['speed', 'delivery', 'priority']] },
  value: { id: 'value-1', levers: [['A', 'delivery', 'priority']] },
  geography: { id: 'geography-1', levers: [['international', 'fulfilment', 'regional']] },
  lifecycle: {
    id: 'lifecycle-1',
    levers: [
      ['new', 'supplyChain', 'responsive'],
      ['new', 'delivery', 'priority'],
    ],
  },
  behaviour: {
    id: 'behaviour-1',
    levers: [
      ['frequent-small', 'supplyChain', 'responsive'],
      ['frequent-small', 'delivery', 'priority'],
    ],
  },
};

const LESSONS = lessonFolders(DIR).filter((f) => f in LENS_OF);

function expectClean(problems: PageProblems): void {
  expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
  expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
  expect.soft(problems.foreignRequests, 'requests to another host').toEqual([]);
}

/** Open a lesson URL and wait until its lab island has hydrated (Astro drops the `ssr` attribute). */
async function openLab(page: Page, url: string, lens: string) {
  await page.goto(url);
  const lab = page.locator(`[data-testid="segment-lab"][data-lens="${lens}"]`);
  await lab.scrollIntoViewIfNeeded();
  await page.waitForFunction((l) => {
    const el = document.querySelector(`[data-testid="segment-lab"][data-lens="${l}"]`);
    const island = el?.closest('astro-island');
    return !!el && !!island && !island.hasAttribute('ssr');
  }, lens);
  // the server renders a "preparing" shell; the first run happens after hydration, in slices
  await expect(lab.locator('[data-testid="lab-busy"]')).toHaveAttribute('data-busy', 'false', { timeout: 15_000 });
  await expect(lab.locator('[data-testid="lab-summary"]')).not.toBeEmpty();
  return lab;
}

/** Wait until the lab has no run pending (runs are scheduled on the next animation frame). */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="lab-busy"]').first()).toHaveAttribute('data-busy', 'false');
}

async function snapshot(page: Page, lens: string) {
  const lab = page.locator(`[data-testid="segment-lab"][data-lens="${lens}"]`);
  return lab.evaluate((el) => ({
    summary: el.querySelector('[data-testid="lab-summary"]')?.textContent ?? '',
    values: Array.from(el.querySelectorAll('[data-testid^="outcome-"]'), (c) => c.getAttribute('data-value')),
    tasks: Array.from(el.querySelectorAll('[data-testid^="task-"][data-met]'), (t) => t.getAttribute('data-met')),
    seed: (el.querySelector('input[id$="-seed"]') as HTMLInputElement | null)?.value ?? '',
  }));
}

test('the five method lessons are in the build', () => {
  // Every lesson below is generated from what dist/ holds, so a build without them would
  // silently test nothing: require all five.
  expect(LESSONS.sort()).toEqual(Object.keys(LENS_OF).sort());
});

for (const folder of LESSONS) {
  const lens = LENS_OF[folder];
  for (const lang of LOCALES) {
    const url = `${HOST}/${lang}/lessons/${folder}/`;

    test.describe(`${lang} ${folder}`, () => {
      test('a control changes the outcomes; a guided task is met through the UI; axe passes', async ({ page }) => {
        const problems = await watchPage(page, HOST);
        const lab = await openLab(page, url, lens);
        const start = await snapshot(page, lens);
        expect(start.summary).not.toMatch(/NaN|Infinity|undefined/);
        // the lens chart (loaded on demand) and the cost breakdown are drawn
        await expect(lab.locator('[data-testid="lens-chart"] figure svg').first()).toBeVisible();

        // 1. move a segmentation control (a range if one is shown, else the first select)
        const range = lab.locator('input[type="range"][data-control]').first();
        if ((await range.count()) > 0) {
          await range.focus();
          await page.keyboard.press('End');
        } else {
          const select = lab.locator('select[data-control]').first();
          const second = await select.locator('option').nth(1).getAttribute('value');
          await select.selectOption(second ?? '');
        }
        // a finished run shows a comparison with the previous one
        await expect(lab.locator('[data-testid="delta-previous-totalCost"]')).not.toContainText(lang === 'en' ? 'no previous run' : '还没有上一次结果');
        await settled(page);
        const moved = await snapshot(page, lens);
        expect(moved.values).not.toEqual(start.values);
        expect(moved.summary).not.toMatch(/NaN|Infinity|undefined/);

        // 2. back to the lesson's defaults, then meet the first guided task with the strategy panel
        await lab.locator('[data-testid="lab-reset"]').click();
        await settled(page);
        expect((await snapshot(page, lens)).summary).toBe(start.summary);
        const task = TASK[lens];
        await expect(lab.locator(`[data-testid="task-${task.id}"]`)).toHaveAttribute('data-met', 'false');
        for (const [segment, lever, value] of task.levers) {
          await lab.locator(`[data-segment="${segment}"] select[data-lever="${lever}"]`).selectOption(value);
          await settled(page);
        }
        await expect(lab.locator(`[data-testid="task-${task.id}"]`)).toHaveAttribute('data-met', 'true');
        await expect(lab.locator(`[data-testid="task-reason-${task.id}"]`)).toContainText(lang === 'en' ? 'Met:' : '完成：');

        // 3. the page, with the lab open and a task met, passes axe
        await lab.locator('[data-testid="under-the-hood"] summary').click();
        // the formulas (server-rendered MathML) survive hydration and every re-run
        await expect(lab.locator('[data-testid="under-the-hood"] [data-formula] math')).toHaveCount(9);
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const violations = axe.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
        expect.soft(violations, 'axe violations (WCAG 2.1 A/AA)').toEqual([]);
        expectClean(problems);
      });

      test('the share link restores the exact state and numbers', async ({ page, context }) => {
        const problems = await watchPage(page, HOST);
        const lab = await openLab(page, url, lens);
        const task = TASK[lens];
        const seed = lab.locator('input[id$="-seed"]');
        await seed.fill('1234');
        await lab.locator('form.seed-row button[type="submit"]').click();
        await settled(page);
        const [segment, lever, value] = task.levers[0];
        await lab.locator(`[data-segment="${segment}"] select[data-lever="${lever}"]`).selectOption(value);
        await settled(page);
        const before = await snapshot(page, lens);
        const link = await lab.locator('[data-testid="share-url"]').inputValue();
        expect(link).toContain(`lab=${lens}`);
        expect(link).toContain('seed=1234');

        const other = await context.newPage();
        const otherProblems = await watchPage(other, HOST);
        await openLab(other, link, lens);
        await settled(other);
        const after = await snapshot(other, lens);
        expect(after).toEqual(before);
        await expect(other.locator('[data-testid="lab-notice"]')).toHaveCount(0);
        await expect(other.locator(`[data-segment="${segment}"] select[data-lever="${lever}"]`)).toHaveValue(value);
        expectClean(problems);
        expectClean(otherProblems);
      });

      test('works by keyboard alone', async ({ page }) => {
        const problems = await watchPage(page, HOST);
        const lab = await openLab(page, url, lens);
        const start = await snapshot(page, lens);
        // predict: Tab to the first answer, Space to choose it, Tab to the button, Enter
        await page.locator('body').focus();
        await tabTo(page, `[data-lens="${lens}"] [data-testid="predict"] input[type="radio"]`);
        await page.keyboard.press('Space');
        await tabTo(page, `[data-lens="${lens}"] [data-testid="predict"] button[type="submit"]`);
        await page.keyboard.press('Enter');
        await expect(lab.locator('[data-testid="predict-result"]')).toBeVisible();
        // a strategy lever by keyboard: the first service-level slider to its maximum (segments that
        // share stock are served at the strictest level among them, so raising it always shows)
        await tabTo(page, `[data-lens="${lens}"] input[data-lever="serviceLevel"]`);
        await page.keyboard.press('End');
        await expect(page.locator(':focus')).toHaveValue('0.99');
        await expect(lab.locator('[data-testid="delta-previous-totalCost"]')).not.toContainText(lang === 'en' ? 'no previous run' : '还没有上一次结果');
        await settled(page);
        const after = await snapshot(page, lens);
        expect(after.values).not.toEqual(start.values);
        // reset by keyboard
        await tabTo(page, `[data-lens="${lens}"] [data-testid="lab-reset"]`);
        await page.keyboard.press('Enter');
        await settled(page);
        expect((await snapshot(page, lens)).values).toEqual(start.values);
        expectClean(problems);
      });

      test('a broken share link opens with defaults and a translated notice', async ({ page }) => {
        const problems = await watchPage(page, HOST);
        await openLab(page, `${url}?lab=${lens}&seed=banana&p.nope=1&s.x=r_9_c_s_s_s_0`, lens);
        const notice = page.locator('[data-testid="lab-notice"]');
        await expect(notice).toBeVisible();
        await expect(notice).toContainText('seed');
        await expect(notice).toContainText('p.nope');
        await expect(notice).toContainText(lang === 'en' ? 'not a valid value' : '取值无效');
        expect((await snapshot(page, lens)).seed).toBe('42');
        expect(await page.locator('[data-testid="segment-lab"]').first().textContent()).not.toMatch(/NaN|Infinity/);
        expectClean(problems);
      });
    });
  }
}

// The engine runs in lab.worker.ts (first run, bursts of changes) and, for a lone change, on the main
// thread: both paths must show the same numbers, and a burst must settle on its last state.
test.describe('segment lab engine paths', () => {
  const lens = 'value';
  const url = `${HOST}/en/lessons/03-customer-value/`;

  test('the worker runs the lab; with the worker blocked the main thread shows identical numbers', async ({ page, browser }) => {
    const workerRequests: string[] = [];
    page.on('request', (r) => {
      if (/lab\.worker-[^/]*\.js$/.test(r.url())) workerRequests.push(r.url());
    });
    await openLab(page, url, lens);
    expect(workerRequests.length).toBe(1);
    const withWorker = await snapshot(page, lens);

    const context = await browser.newContext();
    const other = await context.newPage();
    await other.route(/lab\.worker-[^/]*\.js$/, (route) => route.abort());
    await openLab(other, url, lens);
    expect(await snapshot(other, lens)).toEqual(withWorker);
    await context.close();
  });

  test('a burst of changes settles on its last state, with the numbers a share link of it shows', async ({ page, browser }) => {
    const lab = await openLab(page, url, lens);
    const slider = lab.locator('input[type="range"][data-lever="serviceLevel"]').first();
    await slider.focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft'); // no waits: one burst
    await settled(page);
    const last = await slider.inputValue();
    const shared = await lab.locator('[data-testid="share-url"]').inputValue();
    const after = await snapshot(page, lens);

    const context = await browser.newContext();
    const other = await context.newPage();
    await openLab(other, shared, lens);
    expect(await other.locator('input[type="range"][data-lever="serviceLevel"]').first().inputValue()).toBe(last);
    expect(await snapshot(other, lens)).toEqual(after);
    await context.close();
  });
  test('a change computed ahead (prefetch) shows the numbers a fresh run of its share link shows', async ({ page, browser }) => {
    const lab = await openLab(page, url, lens);
    const prefetched = () => page.evaluate(() => performance.getEntriesByName('lab:prefetched').length);
    // a segmentation slider, then a segment's choice lever: rest on the control, then step
    const cases: [string, string][] = [
      ['input[type="range"][data-control="a"]', 'ArrowLeft'],
      ['[data-segment] select[data-lever="supplyChain"]', 'ArrowDown'],
    ];
    for (const [selector, key] of cases) {
      const control = lab.locator(selector).first();
      await control.focus();
      const before = await prefetched();
      // the worker computes the neighbouring states while the learner rests on the control
      await expect
        .poll(async () => {
          await page.waitForTimeout(400);
          await control.press(key);
          await settled(page);
          return (await prefetched()) > before;
        }, { timeout: 15_000 })
        .toBe(true);
      const shared = await lab.locator('[data-testid="share-url"]').inputValue();
      const shown = await snapshot(page, lens);
      const context = await browser.newContext();
      const other = await context.newPage();
      await openLab(other, shared, lens);
      expect(await snapshot(other, lens)).toEqual(shown);
      await context.close();
    }
  });
});
