#!/usr/bin/env node
// Take docs/screenshot.png (used by the README) of a real page of the built site, in Debian's
// Chromium. Usage: node scripts/screenshot.mjs [path] (default: the first English lesson,
// else the English home). Builds dist/ first when it is missing; serves it on 127.0.0.1:4400.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './lib/chromium.mjs';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
const PORT = 4400;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT = join(ROOT, 'docs', 'screenshot.png');
const astro = join(ROOT, 'node_modules', 'astro', 'astro.js');

if (!existsSync(join(DIST, 'index.html'))) {
  const res = spawnSync(process.execPath, [astro, 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BASE_PATH: '/', OUT_DIR: 'dist' } });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

let path = process.argv[2];
if (!path) {
  const lessons = join(DIST, 'en', 'lessons');
  const first = existsSync(lessons) ? readdirSync(lessons).filter((n) => existsSync(join(lessons, n, 'index.html'))).sort()[0] : undefined;
  path = first ? `/en/lessons/${first}/` : '/en/';
}

const server = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', String(PORT)], {
  cwd: ROOT,
  stdio: 'ignore',
  detached: true,
  env: { ...process.env, BASE_PATH: '/', OUT_DIR: 'dist' },
});
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};

let exitCode = 0;
try {
  // Wait for the preview server.
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${ORIGIN}/en/`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`astro preview did not answer on ${ORIGIN} within 30 s (is port ${PORT} busy?)`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1, locale: 'en-US', colorScheme: 'light' });
    await page.route('**/*', (route) => (new URL(route.request().url()).host === `127.0.0.1:${PORT}` || route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.goto(`${ORIGIN}${path}`, { waitUntil: 'networkidle' });
    // Show the first simulator with a little of the lesson text above it, once it has hydrated.
    const scrolled = await page.evaluate(() => {
      const island = document.querySelector('astro-island');
      const box = island?.firstElementChild?.getBoundingClientRect();
      if (!box) return false;
      window.scrollTo(0, Math.max(0, box.top + window.scrollY - 24));
      return true;
    });
    if (scrolled) await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), null, { timeout: 15_000 }).catch(() => {});
    await page.waitForTimeout(800);
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: OUT, fullPage: false });
    console.log(`wrote ${OUT} (${ORIGIN}${path}, 1280x1000)`);
  } finally {
    await browser.close();
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  exitCode = 1;
} finally {
  stopServer();
}
process.exit(exitCode);
