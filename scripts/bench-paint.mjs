#!/usr/bin/env node
// `npm run bench:paint`: how a page's own loading uses the main thread, in Debian's Chromium. A
// benchmark, not a test (it exits 0 once it has measured; 1 only when it cannot run at all).
//
//   node scripts/bench-paint.mjs [--build] [--runs=3] [--pages=lessons,home] [--wait=3000] [--json]
//
// Each page loads --runs times, each time in a fresh browser context (a cold renderer: no fonts
// matched yet, nothing cached; Chromium's own per-tab address-bar renderer is off, see
// scripts/lib/chromium.mjs), and stays --wait ms after `load` without input, so the lesson's
// chunks are all rendered ahead (src/lib/render-ahead.ts). Recorded from page start, by observers
// installed before any page script:
//   - long animation frames (LoAF, > 50 ms from the first task of a frame to its paint): their
//     `blockingDuration` is what the frame's tasks, its longest one with the style, layout and
//     paint added, ran over 50 ms each. A frame with blockingDuration 0 had no task over 50 ms,
//     rendering included; the long-task API alone leaves rendering out;
//   - the first frame's style/layout/paint time (from `renderStart`): the page's first layout;
//   - `longtask` entries (> 50 ms tasks, rendering not included);
//   - how many chunks the page has, how many were rendered ahead, and when the last one was
//     (the mark `lesson:rendered-ahead`, src/lib/render-ahead.ts).
// Pages: every lesson in both languages, and the home and course-map pages (--pages filters by a
// substring of the path).
import os from 'node:os';
import { chromium } from '@playwright/test';
import { ensureBuild, flag, launchChromium, opt, startPreview } from './lib/preview.mjs';

const RUNS = Math.max(1, Number(opt('runs', '3')) || 3);
const WAIT = Math.max(0, Number(opt('wait', '3000')) || 0);
const ONLY = opt('pages', '').split(',').filter(Boolean);
const PORT = 4620;
const ORIGIN = `http://127.0.0.1:${PORT}`;

const LESSONS = ['01-why-segment', '02-customer-needs', '03-customer-value', '04-geography', '05-product-lifecycle', '06-behaviour', '07-capstone', '08-crm-data', '09-flexibility', '10-trends', '11-faq'];
const PAGES = ['en', 'zh-cn']
  .flatMap((lang) => [`/${lang}/`, `/${lang}/course/`, ...LESSONS.map((l) => `/${lang}/lessons/${l}/`)])
  .filter((p) => ONLY.length === 0 || ONLY.some((o) => p.includes(o)));

const outDir = ensureBuild('en/lessons/02-customer-needs/index.html', flag('build'));
const { ready: waitForServer, stop: stopServer } = startPreview(outDir, PORT);

/** Installed before any page script. */
function observe() {
  window.__frames = [];
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__frames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* no LoAF in this browser: the frame columns show – */
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

const median = (xs) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');

async function measure(browser, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: path.startsWith('/zh-cn/') ? 'zh-CN' : 'en-US' });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') warnings.push(m.text().slice(0, 160));
  });
  await page.addInitScript(observe);
  await page.goto(`${ORIGIN}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(WAIT);
  const r = await page.evaluate(() => {
    const chunks = [...document.querySelectorAll('.lesson-body > .lesson-chunk')];
    const first = window.__frames[0];
    return {
      frames: window.__frames,
      longtasks: window.__longtasks,
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      chunks: chunks.length,
      rendered: chunks.filter((c) => c.classList.contains('is-rendered')).length,
      aheadMs: performance.getEntriesByName('lesson:rendered-ahead')[0]?.startTime ?? NaN,
      firstRender: first && first.start < 1000 ? first.render : 0,
    };
  });
  await context.close();
  return { ...r, warnings };
}

await waitForServer();
const browser = await launchChromium(chromium);
const load = os.loadavg();
const rows = [];
try {
  for (const path of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, path));
    const blocking = runs.map((r) => r.frames.reduce((m, f) => Math.max(m, f.blocking ?? 0), 0));
    rows.push({
      path,
      runs,
      fcp: median(runs.map((r) => r.firstPaint)),
      firstRender: median(runs.map((r) => r.firstRender)),
      framesOver: runs.map((r) => r.frames.filter((f) => (f.blocking ?? 0) > 0).length),
      blocking,
      longtasks: runs.map((r) => r.longtasks.length),
      chunks: runs[0].chunks,
      ahead: median(runs.map((r) => r.aheadMs)),
      rendered: Math.min(...runs.map((r) => r.rendered)),
      warnings: [...new Set(runs.flatMap((r) => r.warnings))],
    });
  }
} finally {
  await browser.close();
  stopServer();
}

if (flag('json')) {
  console.log(JSON.stringify({ runs: RUNS, wait: WAIT, rows }, null, 1));
} else {
  const after = os.loadavg();
  console.log(
    `Page loading on the main thread: ${outDir}/, Chromium, ${os.cpus().length} CPUs, ${RUNS} cold loads a page, ${WAIT} ms after load; load average ${load.map((x) => x.toFixed(2)).join(' ')} → ${after.map((x) => x.toFixed(2)).join(' ')}`,
  );
  console.log('FCP = first contentful paint (median ms); 1st layout = the first frame’s style, layout and paint (median ms);');
  console.log('blocking = the largest LoAF blockingDuration of each load (ms a task, rendering included, ran over 50 ms; 0 = no task over 50 ms);');
  console.log('frames = frames with blocking > 0, each load; LT = long-task API entries, each load; chunks = rendered ahead / chunks;');
  console.log('ahead = when the last chunk was rendered (median ms from navigation start; mark `lesson:rendered-ahead`)\n');
  const head = ['page', 'FCP', '1st layout', 'blocking', 'frames', 'LT', 'chunks', 'ahead'];
  const body = rows.map((r) => [r.path, fmt(r.fcp), fmt(r.firstRender), r.blocking.map(fmt).join(' '), r.framesOver.join(' '), r.longtasks.join(' '), r.chunks ? `${r.rendered}/${r.chunks}` : '–', fmt(r.ahead)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  const loads = rows.length * RUNS;
  const clean = rows.reduce((n, r) => n + r.blocking.filter((b) => b === 0).length, 0);
  console.log(`\nloads with no task over 50 ms (rendering included): ${clean} of ${loads}`);
  const warned = rows.filter((r) => r.warnings.length);
  for (const r of warned) console.log(`console on ${r.path}: ${r.warnings.join(' | ')}`);
}
