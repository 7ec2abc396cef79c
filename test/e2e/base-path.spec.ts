// The same site built for a sub-folder (BASE_PATH=/courses/segment-lab/, OUT_DIR=dist-base):
// every page loads under the prefix with no failed request, and its internal links stay under it.
import { test, expect } from '@playwright/test';
import { BASE_ORIGIN, BASE_PREFIX, DIST_BASE, brokenInternalLinks, discoverPages, scrollThrough, watchPage } from './site';

const pages = discoverPages(DIST_BASE, BASE_PREFIX);

for (const path of pages) {
  test(`base path ${path}`, async ({ page }) => {
    const is404 = path.endsWith('/404.html');
    const problems = await watchPage(page, BASE_ORIGIN, (url, status) => is404 && status === 404 && new URL(url).pathname === path);
    const res = await page.goto(`${BASE_ORIGIN}${path}`, { waitUntil: 'load' });
    if (!is404) expect(res?.status(), 'HTTP status').toBeLessThan(400);
    if (path === BASE_PREFIX) await page.waitForURL(`${BASE_ORIGIN}${BASE_PREFIX}en/`);
    await scrollThrough(page);
    expect(new URL(page.url()).pathname.startsWith(BASE_PREFIX), 'still under the prefix').toBe(true);
    const broken = await brokenInternalLinks(page, DIST_BASE, BASE_ORIGIN, BASE_PREFIX);
    expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
    expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
    expect.soft(problems.foreignRequests, 'requests to another host').toEqual([]);
    expect.soft(broken, 'internal links that leave the prefix or do not resolve').toEqual([]);
  });
}

test('base path: an unknown route shows the 404 page with working assets', async ({ page }) => {
  const missing = `${BASE_PREFIX}zh-cn/no-such-page/`;
  const problems = await watchPage(page, BASE_ORIGIN, (url, status) => status === 404 && new URL(url).pathname === missing);
  const res = await page.goto(`${BASE_ORIGIN}${missing}`);
  expect(res?.status()).toBe(404);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main#main')).toBeVisible();
  await expect(page.locator(`main#main a[href="${BASE_PREFIX}zh-cn/"]`).first()).toBeVisible();
  expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
  expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
  expect.soft(problems.foreignRequests, 'requests to another host').toEqual([]);
});
