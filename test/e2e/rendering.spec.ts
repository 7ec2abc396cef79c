// How a lesson page renders: its body comes in chunks the browser may skip until they are near the
// viewport (src/lib/markdown/rehype-lesson-chunks.mjs), every chunk is rendered ahead soon after
// the first paint (src/lib/render-ahead.ts), in-page jumps land on their heading, and the fonts the
// page preloads are the ones it uses. The main-thread figures themselves come from `npm run bench:paint`.
import { test, expect, type Page } from '@playwright/test';
import { ORIGIN, watchPage } from './site';

const CASES = [
  { path: '/en/lessons/04-geography/', math: true },
  { path: '/zh-cn/lessons/06-behaviour/', math: true },
  { path: '/en/lessons/11-faq/', math: false },
];

/** Console warnings, which watchPage leaves out (it records errors). */
function warningsOf(page: Page): string[] {
  const out: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') out.push(m.text());
  });
  return out;
}

for (const { path, math } of CASES) {
  test(`${path}: chunks, rendered ahead; preloaded fonts used`, async ({ page }) => {
    const problems = await watchPage(page, ORIGIN);
    const warnings = warningsOf(page);
    await page.goto(path, { waitUntil: 'load' });

    // the whole body is in chunks, and every chunk is rendered soon after load, without any input
    const body = page.locator('.lesson-body');
    expect(await body.locator(':scope > .lesson-chunk').count()).toBeGreaterThan(5);
    expect(await body.locator(':scope > :not(.lesson-chunk)').count()).toBe(0);
    await expect
      .poll(() => body.locator(':scope > .lesson-chunk:not(.is-rendered)').count(), { timeout: 10_000 })
      .toBe(0);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-render-ahead'))).toBe(true);
    const skipped = await page.evaluate(() =>
      [...document.querySelectorAll('.lesson-body > .lesson-chunk')].filter((c) => getComputedStyle(c).contentVisibility !== 'visible').length,
    );
    expect(skipped, 'chunks still content-visibility: auto').toBe(0);

    // KaTeX's two everyday faces are preloaded on a lesson with formulas, and used; no other font is
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''));
      return {
        loaded: [...new Set(loaded)],
        preloads: [...document.querySelectorAll('link[rel="preload"][as="font"]')].map((l) => (l as HTMLLinkElement).href.split('/').pop() ?? ''),
      };
    });
    if (math) {
      expect(fonts.preloads.map((f) => f.split('.')[0]).sort()).toEqual(['KaTeX_Main-Regular', 'KaTeX_Math-Italic']);
      expect(fonts.loaded).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
    } else {
      expect(fonts.preloads).toEqual([]);
    }

    // Chromium warns a few seconds after load about a preload nobody used
    await page.waitForTimeout(3_500);
    expect(warnings.filter((w) => /preload/i.test(w)), 'unused preloads').toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });
}

test('a jump from the table of contents lands on its heading, at once and after the page has rendered ahead', async ({ page }) => {
  await page.goto('/en/lessons/05-product-lifecycle/', { waitUntil: 'load' });
  const links = page.locator('nav.toc-side a[href^="#"]');
  const count = await links.count();
  expect(count).toBeGreaterThan(4);
  const landsOn = async (index: number) => {
    const link = links.nth(index);
    const id = decodeURIComponent(((await link.getAttribute('href')) ?? '#').slice(1));
    await link.click();
    const heading = page.locator(`[id="${id}"]`);
    await expect.poll(async () => Math.round((await heading.boundingBox())?.y ?? -1), { timeout: 5_000 }).toBeGreaterThanOrEqual(-2);
    await expect.poll(async () => Math.round((await heading.boundingBox())?.y ?? 9999), { timeout: 5_000 }).toBeLessThan(120);
  };
  // right after load, while chunks further down are still skipped: the last heading
  await landsOn(count - 1);
  // once every chunk is rendered: a heading in the middle, then the last again
  await expect.poll(() => page.locator('.lesson-chunk:not(.is-rendered)').count(), { timeout: 10_000 }).toBe(0);
  await landsOn(Math.floor(count / 2));
  await landsOn(count - 1);
});

test('a page opened at a #fragment far down the lesson shows that heading once it has rendered ahead', async ({ page }) => {
  await page.goto('/en/lessons/05-product-lifecycle/', { waitUntil: 'load' });
  const hrefs = await page.locator('nav.toc-side a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const hash = hrefs[Math.floor(hrefs.length * 0.7)];
  const fresh = await page.context().newPage();
  await fresh.goto(`/en/lessons/05-product-lifecycle/${hash}`, { waitUntil: 'load' });
  await fresh.waitForFunction(() => performance.getEntriesByName('lesson:rendered-ahead').length > 0);
  const heading = fresh.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`);
  await expect.poll(async () => Math.round((await heading.boundingBox())?.y ?? -999), { timeout: 5_000 }).toBeGreaterThanOrEqual(-2);
  expect(Math.round((await heading.boundingBox())?.y ?? 9999)).toBeLessThan(120);
});

test.describe('without scripts', () => {
  test.use({ javaScriptEnabled: false });
  test('every chunk of a lesson shows when scrolled to: none is held back', async ({ page }) => {
    await page.goto('/en/lessons/06-behaviour/', { waitUntil: 'load' });
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll('.lesson-body > .lesson-chunk')].map((c) => getComputedStyle(c).contentVisibility),
    );
    expect(styles.length).toBeGreaterThan(5);
    expect(styles.filter((v) => v !== 'auto')).toEqual([]);
    const last = page.locator('.lesson-body > .lesson-chunk').last();
    await last.scrollIntoViewIfNeeded();
    await expect(last.locator('h2, h3, p').first()).toBeVisible();
  });
});

test('if the render-ahead never starts, the held-back chunks stop waiting 3 s after load', async ({ page }) => {
  // the page without its render-ahead script (Astro inlines it as a module script)
  let stripped = false;
  await page.route('**/en/lessons/06-behaviour/', async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const body = html.replace(/<script type="module">[\s\S]*?<\/script>/g, (script) => (script.includes('is-rendered') ? '' : script));
    stripped = body !== html;
    await route.fulfill({ response, body });
  });
  await page.goto('/en/lessons/06-behaviour/', { waitUntil: 'load' });
  expect(stripped, 'found the render-ahead script').toBe(true);
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-render-ahead'))).toBe(false);
  const hidden = () =>
    page.evaluate(() => [...document.querySelectorAll('.lesson-body > .lesson-chunk')].filter((c) => getComputedStyle(c).contentVisibility === 'hidden').length);
  expect(await hidden()).toBeGreaterThan(0);
  await expect.poll(hidden, { timeout: 6_000 }).toBe(0);
});
