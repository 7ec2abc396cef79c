// Every page of the built site, in both languages: loads with no console error, no failed
// request, no request to another host, no broken internal link and no axe violation.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DIST, ORIGIN, discoverPages, watchPage, scrollThrough, brokenInternalLinks } from './site';

const pages = discoverPages(DIST);

test('the build has the root, both home pages and a localized 404', () => {
  for (const p of ['/', '/en/', '/zh-cn/', '/404.html']) expect(pages, `dist has ${p}`).toContain(p);
});

test('every page exists in both languages', () => {
  const en = pages.filter((p) => p.startsWith('/en/')).map((p) => p.slice('/en/'.length));
  const zh = pages.filter((p) => p.startsWith('/zh-cn/')).map((p) => p.slice('/zh-cn/'.length));
  expect(zh.sort()).toEqual(en.sort());
  for (const path of ['', 'course/', 'glossary/', 'references/', 'about/']) expect(en, `/en/${path}`).toContain(path);
  expect(en.filter((p) => p.startsWith('lessons/')).length, 'lesson pages').toBeGreaterThan(0);
});

for (const path of pages) {
  test(`page ${path}`, async ({ page }) => {
    // `astro preview` serves /404.html itself with status 404, as many static hosts do.
    const is404 = path === '/404.html';
    const problems = await watchPage(page, ORIGIN, (url, status) => is404 && status === 404 && new URL(url).pathname === path);
    const res = await page.goto(path, { waitUntil: 'load' });
    if (!is404) expect(res?.status(), 'HTTP status').toBeLessThan(400);
    // The root picks a language (browser locale en-US, nothing stored → English).
    if (path === '/') await page.waitForURL(`${ORIGIN}/en/`);
    await test.step('scroll through (hydrates client:visible islands)', () => scrollThrough(page));

    // Basic structure the contract promises on every page.
    if (path !== '/') {
      await expect(page.locator('main#main'), '<main id="main">').toHaveCount(1);
      const lang = await page.locator('html').getAttribute('lang');
      if (path.startsWith('/en/')) expect(lang).toBe('en');
      if (path.startsWith('/zh-cn/')) expect(lang).toBe('zh-CN');
    }
    const title = await page.title();
    expect(title.trim(), '<title>').not.toBe('');

    const broken = await test.step('internal links', () => brokenInternalLinks(page, DIST, ORIGIN));
    const axe = await test.step('axe', () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze());
    const violations = axe.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`,
    );

    expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
    expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
    expect.soft(problems.foreignRequests, 'requests to another host').toEqual([]);
    expect.soft(broken, 'broken internal links').toEqual([]);
    expect.soft(violations, 'axe violations (WCAG 2.1 A/AA)').toEqual([]);
  });
}
