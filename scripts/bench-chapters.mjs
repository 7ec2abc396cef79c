#!/usr/bin/env node
// Benchmark of the chapter simulators (lessons 07–10) in Debian's Chromium: a benchmark, not a test
// (exit 0 once it has measured; 1 only when it cannot run at all).
//
//   node scripts/bench-chapters.mjs [--build] [--runs=3] [--json]
//
// Site: OUT_DIR (default dist/) if it holds a build; with --build, or when it has none, builds into
// dist-bench/ first. Served by `astro preview` on port 4610 (stopped with its process group at the end).
//
// For every chapter page in English:
//   - long tasks (> 50 ms main-thread tasks, PerformanceObserver 'longtask') from page start until the
//     island has hydrated and settled (the page is scrolled through so client:visible islands load);
//   - long tasks while its controls are changed from the keyboard (four range sliders / selects, four key
//     presses each, 250 ms apart).
// For the capstone, the full-year run (User Timing measure `cap:run`, button press → dashboard shown) at
// 2,000 and at 20,000 customers, --runs times each (the first run includes starting the worker).
import { join } from 'node:path';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { ensureBuild, flag, launchChromium, opt, startPreview } from './lib/preview.mjs';

const RUNS = Math.max(1, Number(opt('runs', '3')) || 3);
const PORT = 4610;
const ORIGIN = `http://127.0.0.1:${PORT}`;

const CHAPTERS = [
  ['07-capstone', '[data-testid="capstone-lab"] input[type="range"], [data-testid="capstone-lab"] select'],
  ['08-crm-data', 'input[type="range"]'],
  ['09-flexibility', 'input[type="range"]'],
  ['10-trends', 'input[type="range"], select'],
];

const outDir = ensureBuild(join('en', 'lessons', '07-capstone', 'index.html'), flag('build'));
const { ready: waitForServer, stop: stopServer } = startPreview(outDir, PORT);

function observeLongTasks() {
  window.__lt = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
}

async function measureChapter(browser, [folder, selector]) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text().slice(0, 160)));
  page.on('pageerror', (e) => problems.push(String(e).slice(0, 160)));
  await page.addInitScript(observeLongTasks);
  await page.goto(`${ORIGIN}/en/lessons/${folder}/`, { waitUntil: 'load' });
  for (let y = 0; y < 40; y++) {
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(80);
  }
  await page.waitForTimeout(3000);
  const load = await page.evaluate(() => window.__lt.slice());
  const t0 = await page.evaluate(() => performance.now());
  const controls = page.locator(selector);
  let changes = 0;
  let used = 0;
  for (let i = 0; i < (await controls.count()) && used < 4; i++) {
    const c = controls.nth(i);
    if (!(await c.isVisible()) || !(await c.isEnabled())) continue;
    used++;
    await c.focus();
    const isSelect = await c.evaluate((el) => el.tagName === 'SELECT');
    for (let k = 0; k < 4; k++) {
      await page.keyboard.press(isSelect ? (k % 2 ? 'ArrowUp' : 'ArrowDown') : k % 2 ? 'ArrowLeft' : 'ArrowRight');
      await page.waitForTimeout(250);
      changes++;
    }
  }
  await page.waitForTimeout(1500);
  const change = await page.evaluate((t) => window.__lt.filter(([s]) => s >= t), t0);
  let runs = null;
  if (folder === '07-capstone') runs = await capstoneRuns(page);
  await page.close();
  return { folder, load, changes, change, runs, problems };
}

async function capstoneRuns(page) {
  const lab = page.locator('[data-testid="capstone-lab"]');
  const out = {};
  for (const n of [2000, 20000]) {
    out[n] = [];
    await lab.locator(`[data-testid="cap-customers-${n}"]`).check();
    for (let r = 0; r < RUNS; r++) {
      const before = await page.evaluate(() => performance.getEntriesByName('cap:run', 'measure').length);
      const t0 = await page.evaluate(() => performance.now());
      await lab.locator('[data-testid="run-start"]').click();
      await page.waitForFunction((b) => performance.getEntriesByName('cap:run', 'measure').length > b, before, { timeout: 120_000 });
      const res = await page.evaluate((t) => {
        const m = performance.getEntriesByName('cap:run', 'measure').at(-1);
        return { ms: m.duration, longTasks: window.__lt.filter(([s]) => s >= t) };
      }, t0);
      out[n].push(res);
      await page.waitForTimeout(300);
    }
  }
  return out;
}

const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
try {
  await waitForServer();
  const browser = await launchChromium(chromium);
  const load0 = os.loadavg();
  const rows = [];
  for (const c of CHAPTERS) rows.push(await measureChapter(browser, c));
  await browser.close();
  const load1 = os.loadavg();
  if (flag('json')) console.log(JSON.stringify({ outDir, rows }, null, 2));
  console.log(`Chapter simulators: ${outDir}/, ${os.cpus().length} CPUs, load average ${load0.map((x) => x.toFixed(2)).join(' ')} → ${load1.map((x) => x.toFixed(2)).join(' ')}`);
  console.log('long tasks > 50 ms as [start, duration] ms; load = page start → island settled; changes = keyboard changes of up to four controls\n');
  for (const r of rows) {
    console.log(`${r.folder}: load ${r.load.length} long task(s) ${JSON.stringify(r.load)}; ${r.changes} changes: ${r.change.length} long task(s) ${JSON.stringify(r.change)}`);
    if (r.runs) {
      for (const [n, list] of Object.entries(r.runs)) {
        const ms = list.map((x) => x.ms);
        const lt = list.flatMap((x) => x.longTasks);
        console.log(`  capstone full year, ${Number(n).toLocaleString('en-US')} customers: ${ms.map(f0).join(' / ')} ms (first includes the worker start); long tasks during the runs: ${JSON.stringify(lt)}`);
      }
    }
    if (r.problems.length) console.log(`  console: ${r.problems.join(' | ')}`);
  }
  console.log('\nTarget: no task > 50 ms on the main thread; the full year runs in a worker (the page never freezes).');
} catch (e) {
  console.error(String(e?.stack || e));
  stopServer();
  process.exit(1);
}
stopServer();
process.exit(0);
