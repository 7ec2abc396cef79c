// Browser tests against the BUILT site (dist/ and the sub-folder build dist-base/),
// in Debian's Chromium (/usr/bin/chromium), never a downloaded browser.
// `npm test` (scripts/test-all.mjs) builds both before running this; to run alone:
//   npx astro build && BASE_PATH=/courses/segment-lab/ OUT_DIR=dist-base npx astro build && npx playwright test
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/lib/chromium.mjs';

// PW_PORT / PW_BASE_PORT / PW_DIST / PW_DIST_BASE let a developer run a spec against another build on
// other ports (e.g. two people testing side builds at once); test/e2e/site.ts reads the same variables.
export const PORT = Number(process.env.PW_PORT) || 4400;
export const BASE_PORT = Number(process.env.PW_BASE_PORT) || 4401;
const DIST_DIR = process.env.PW_DIST || 'dist';
const DIST_BASE_DIR = process.env.PW_DIST_BASE || 'dist-base';
export const BASE_PREFIX = '/courses/segment-lab/';
const ASTRO = 'node node_modules/astro/astro.js';

// Debian's Chromium and its flags, shared with the benchmark and screenshot scripts
const LAUNCH = { ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args] };

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: process.env.PW_DIST ? `test-results/playwright-artifacts-${PORT}` : 'test-results/playwright-artifacts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [
    [process.env.CI ? 'line' : 'list'],
    // scripts/test-all.mjs reads this file to count passed / failed tests.
    ['json', { outputFile: process.env.PW_DIST ? `test-results/playwright-${PORT}.json` : 'test-results/playwright.json' }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'en-US',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
  projects: [
    // Everything but the few tests tagged @quiet, two at a time; then, as its teardown, the quiet ones.
    { name: 'chromium', grepInvert: /@quiet/, teardown: 'quiet', use: { ...devices['Desktop Chrome'], launchOptions: LAUNCH } },
    // Tests that assert wall-clock behaviour (a timer on the page keeps firing while a worker runs)
    // run after all the others, one at a time: beside another test's browser on a 2-core machine the
    // page's main thread can be left waiting for a CPU, which says nothing about the page. A teardown
    // project runs whenever 'chromium' runs (add --no-deps to leave these three out of a single-file run).
    { name: 'quiet', grep: /@quiet/, workers: 1, use: { ...devices['Desktop Chrome'], launchOptions: LAUNCH } },
  ],
  webServer: [
    {
      command: `${ASTRO} preview --host 127.0.0.1 --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      env: { OUT_DIR: DIST_DIR, BASE_PATH: '/' },
      reuseExistingServer: false, // never test against a stale server left running by hand
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The same site built for a sub-folder (astro.config.mjs reads BASE_PATH and OUT_DIR).
      command: `${ASTRO} preview --host 127.0.0.1 --port ${BASE_PORT}`,
      url: `http://127.0.0.1:${BASE_PORT}${BASE_PREFIX}`,
      env: { OUT_DIR: DIST_BASE_DIR, BASE_PATH: BASE_PREFIX },
      reuseExistingServer: false, // never test against a stale server left running by hand
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
