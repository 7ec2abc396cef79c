#!/usr/bin/env node
// Benchmark of the method-lesson simulator (SegmentLab) in Debian's Chromium: a benchmark, not a
// test (it always exits 0 once it has measured; it exits 1 only when it cannot run at all).
//
//   node scripts/bench-lab.mjs [--build] [--n=20] [--gap=60] [--lessons=02,03] [--json] [--no-worker]
//
// --no-worker blocks the lab's Web Worker script, so the engine runs on the main thread (the fallback),
// to compare the two paths on the same machine.
//
// Site: OUT_DIR (default dist/) if it holds a build; with --build, or when that folder has no
// build, runs `astro build` into dist-bench/ first (so nobody's dist/ is clobbered).
// Serves it with `astro preview` on port 4600 (killed, with its process group, at the end).
//
// For every method lesson 02–06 in English (and lesson 03 in Chinese), from page start:
//   - a PerformanceObserver records every 'longtask' (> 50 ms main-thread task);
//   - hydration: time to the lab's first painted results (measure `lab:hydrate`) and the long
//     tasks before it;
//   - N control changes through the keyboard (ArrowRight / ArrowLeft on a segmentation slider,
//     then on a strategy service-level slider): input → painted from the lab's own User Timing
//     measure `lab:change` (src/lib/lab/marks.ts: `lab:input` at the control event, `lab:painted`
//     after the frame that shows the new results); median, p95, max; long tasks during changes;
//   - the same changes' processing time, `lab:process`: input → new outcomes and charts in the DOM
//     (engine + render, the main-thread work that must fit in one 16.7 ms frame), and how many of
//     them found their results computed ahead by the worker (`lab:prefetched`); each key press comes
//     --gap ms (default 60) after the previous change was painted; the first press on a control
//     comes right after focusing it (no time to compute ahead);
//   - a drag: the segmentation slider is focused (as pointerdown on its thumb does), then moved one
//     step per animation frame for 90 frames (the way a browser delivers a pointer drag: one coalesced
//     input event per frame, before the frame's callbacks), recording every frame's timestamp:
//     frames on time (interval ≤ 1.25 × 16.7 ms), p95 frame interval and how many distinct results
//     were painted.
import { join } from 'node:path';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { ensureBuild, flag, launchChromium, opt, startPreview } from './lib/preview.mjs';

const N = Math.max(1, Number(opt('n', '20')) || 20);
const GAP = Math.max(0, Number(opt('gap', '60')) || 0);
const PORT = 4600;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ONLY = opt('lessons', '')
  .split(',')
  .filter(Boolean);

const LESSONS = [
  ['en', '02-customer-needs', 'needs'],
  ['en', '03-customer-value', 'value'],
  ['en', '04-geography', 'geography'],
  ['en', '05-product-lifecycle', 'lifecycle'],
  ['en', '06-behaviour', 'behaviour'],
  ['zh-cn', '03-customer-value', 'value'],
].filter(([, f]) => ONLY.length === 0 || ONLY.some((o) => f.startsWith(o)));

// ---------------------------------------------------------------- build and server
const outDir = ensureBuild(join('en', 'lessons', '02-customer-needs', 'index.html'), flag('build'));
const { ready: waitForServer, stop: stopServer } = startPreview(outDir, PORT);

// ---------------------------------------------------------------- browser side
/**
 * Installed before any page script: records long tasks from page start, and long animation frames
 * (LoAF: a frame > 50 ms including its style, layout and paint; the long-task API leaves out rendering
 * work that runs no script, such as a page's first layout) with the script time inside them.
 */
function observeLongTasks() {
  window.__longtasks = [];
  window.__loafs = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const script = e.scripts.reduce((sum, x) => sum + x.duration, 0);
        const render = e.renderStart ? e.startTime + e.duration - e.renderStart : 0;
        // the frame's longest script, named as LoAF attributes it: how it was called, file, function
        const top = e.scripts.reduce((m, x) => (!m || x.duration > m.duration ? x : m), null);
        const file = top ? (top.sourceURL || '').split('/').pop().split('?')[0] || 'page' : '';
        const where = top ? `${top.invokerType}${top.invoker ? ` ${String(top.invoker).slice(0, 40)}` : ''} ${file}${top.sourceFunctionName ? ` ${top.sourceFunctionName}` : ''} ${Math.round(top.duration)}ms` : '';
        window.__loafs.push({ start: e.startTime, duration: e.duration, script, render, blocking: e.blockingDuration ?? NaN, where });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // a browser without LoAF: the column shows –
  }
}

const stats = (xs) => {
  if (xs.length === 0) return { median: NaN, p95: NaN, max: NaN };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};

async function measureLesson(browser, [lang, folder, lens]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  const page = await context.newPage();
  const consoleProblems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(m.text().slice(0, 160));
  });
  page.on('pageerror', (e) => consoleProblems.push(String(e).slice(0, 160)));
  await page.addInitScript(observeLongTasks);
  // --no-worker: the lab's worker script cannot load, so the lab runs its engine on the main thread
  if (flag('no-worker')) await page.route(/lab\.worker-[^/]*\.js$/, (route) => route.abort());
  await page.goto(`${ORIGIN}/${lang}/lessons/${folder}/`, { waitUntil: 'load' });
  const lab = page.locator(`[data-testid="segment-lab"][data-lens="${lens}"]`).first();
  await lab.scrollIntoViewIfNeeded(); // client:visible
  await page.waitForFunction(() => performance.getEntriesByName('lab:hydrate').length > 0, null, { timeout: 30_000 });
  await page.waitForTimeout(300); // let the charts (loaded on demand) settle
  const hydration = await page.evaluate(() => {
    const ready = performance.getEntriesByName('lab:ready')[0].startTime;
    const mount = performance.getEntriesByName('lab:mount')[0]?.startTime ?? NaN;
    const lt = window.__longtasks.filter((t) => t.start <= ready);
    // long tasks that overlap the lab's own work (from its hydration to its first painted results)
    const labLt = lt.filter((t) => t.start + t.duration >= mount);
    const first = (name) => performance.getEntriesByName(name)[0]?.duration ?? NaN;
    return {
      readyMs: ready,
      mountMs: mount,
      labLongTasks: labLt.length,
      labLongest: labLt.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasks: lt.length,
      longest: lt.reduce((m, t) => Math.max(m, t.duration), 0),
      tasks: lt.map((t) => [Math.round(t.start), Math.round(t.duration)]),
      // frames over 50 ms up to the first results: [start, duration, script ms, style/layout/paint ms, blocking ms]
      frames: window.__loafs.filter((f) => f.start <= ready).map((f) => [f.start, f.duration, f.script, f.render, f.blocking].map(Math.round)),
      // frames whose tasks ran over 50 ms with a script in them: the longest script of each
      blockers: window.__loafs.filter((f) => f.start <= ready && f.blocking >= 1 && f.where).map((f) => `@${Math.round(f.start)} ${f.where}`),
      engine: first('lab:engine'),
      render: first('lab:render'),
      t0: performance.now(),
    };
  });

  const changes = [];
  async function drive(selector, label) {
    let control = lab.locator(selector).first();
    // a lens whose default shows no segmentation slider (geography): its first select instead
    if ((await control.count()) === 0 && label === 'segmentation') control = lab.locator('select[data-control]').first();
    if ((await control.count()) === 0) return;
    await control.focus();
    for (let i = 0; i < N; i++) {
      const [before, hits0] = await page.evaluate(() => [performance.getEntriesByName('lab:change').length, performance.getEntriesByName('lab:prefetched').length]);
      // walk up to the end of the range and back, so every key press changes the value
      const isSelect = await control.evaluate((el) => el.tagName === 'SELECT');
      const fwd = isSelect ? 'ArrowDown' : 'ArrowRight';
      const back = isSelect ? 'ArrowUp' : 'ArrowLeft';
      const key = Math.floor(i / (isSelect ? 1 : 5)) % 2 === 0 ? fwd : back;
      const v0 = await control.inputValue();
      await page.keyboard.press(key);
      if ((await control.inputValue()) === v0) await page.keyboard.press(key === fwd ? back : fwd);
      await page.waitForFunction((n) => performance.getEntriesByName('lab:change').length > n, before, { timeout: 30_000 });
      const [ms, process, hit] = await page.evaluate((h0) => {
        const all = performance.getEntriesByName('lab:change');
        const proc = performance.getEntriesByName('lab:process');
        return [all[all.length - 1].duration, proc.length ? proc[proc.length - 1].duration : NaN, performance.getEntriesByName('lab:prefetched').length > h0];
      }, hits0);
      changes.push({ label, ms, process, hit });
      await page.waitForTimeout(GAP);
    }
  }
  await drive('input[type="range"][data-control]', 'segmentation');
  await drive('input[type="range"][data-lever="serviceLevel"]', 'strategy');
  const drag = await dragSlider(page, lab);
  const after = await page.evaluate((t0) => {
    const lt = window.__longtasks.filter((t) => t.start >= t0);
    const dur = (name) => performance.getEntriesByName(name).filter((e) => e.startTime + e.duration >= t0).map((e) => e.duration);
    return { longTasks: lt.length, longest: lt.reduce((m, t) => Math.max(m, t.duration), 0), engine: dur('lab:engine'), render: dur('lab:render') };
  }, hydration.t0);
  await context.close();
  const seg = changes.filter((c) => c.label === 'segmentation').map((c) => c.ms);
  const str = changes.filter((c) => c.label === 'strategy').map((c) => c.ms);
  return {
    page: `${lang} ${folder}`,
    hydration,
    all: stats(changes.map((c) => c.ms)),
    process: stats(changes.map((c) => c.process).filter(Number.isFinite)),
    hits: changes.filter((c) => c.hit).length,
    missProcess: stats(changes.filter((c) => !c.hit).map((c) => c.process).filter(Number.isFinite)),
    drag,
    segmentation: stats(seg),
    strategy: stats(str),
    n: changes.length,
    engine: stats(after.engine),
    render: stats(after.render),
    changeLongTasks: after,
    console: consoleProblems,
  };
}

/**
 * Drag the lab's first range slider (segmentation if the lens has one, else a service level) one step
 * per animation frame, back and forth, for FRAMES frames, as a pointer drag is delivered; records the
 * frame timestamps and the number of `lab:painted` marks (distinct results shown) during the drag.
 */
const DRAG_FRAMES = 90;
async function dragSlider(page, lab) {
  let slider = lab.locator('input[type="range"][data-control]').first();
  if ((await slider.count()) === 0) slider = lab.locator('input[type="range"][data-lever="serviceLevel"]').first();
  if ((await slider.count()) === 0) return null;
  await slider.scrollIntoViewIfNeeded();
  // a pointer drag starts with pointerdown on the thumb, which focuses the slider (and so lets the lab
  // compute the next steps ahead, as it does for a keyboard user) before the first move
  await slider.focus();
  const handle = await slider.elementHandle();
  await page.waitForTimeout(300);
  return page.evaluate(
    ([el, frames]) =>
      new Promise((resolve) => {
        const min = Number(el.min);
        const max = Number(el.max);
        const step = Number(el.step) || 1;
        const painted0 = performance.getEntriesByName('lab:painted').length;
        const stamps = [];
        let dir = 1;
        let i = 0;
        function tick(ts) {
          stamps.push(ts);
          if (i++ >= frames) {
            // let the last result paint, then report
            requestAnimationFrame(() =>
              setTimeout(() => {
                const gaps = stamps.slice(1).map((t, k) => t - stamps[k]);
                resolve({ frames: gaps.length, gaps, painted: performance.getEntriesByName('lab:painted').length - painted0 });
              }, 50),
            );
            return;
          }
          let v = Number(el.value) + dir * step;
          if (v > max || v < min) {
            dir = -dir;
            v = Number(el.value) + dir * step;
          }
          el.value = String(v);
          el.dispatchEvent(new Event('input', { bubbles: true }));
          requestAnimationFrame(tick);
        }
        requestAnimationFrame(tick);
      }),
    [handle, DRAG_FRAMES],
  ).then((d) => {
    const s = stats(d.gaps);
    return { frames: d.frames, onTime: d.gaps.filter((g) => g <= 16.7 * 1.25).length / d.gaps.length, p95: s.p95, median: s.median, painted: d.painted };
  });
}

// ---------------------------------------------------------------- run
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
try {
  await waitForServer();
  const browser = await launchChromium(chromium);
  const load0 = os.loadavg();
  const rows = [];
  for (const l of LESSONS) rows.push(await measureLesson(browser, l));
  await browser.close();
  const load1 = os.loadavg();

  if (flag('json')) console.log(JSON.stringify({ outDir, n: N, loadavg: [load0, load1], rows }, null, 2));
  const head = ['page', 'mount ms', 'ready ms', 'load LT', 'load max', 'lab LT', 'lab max', 'n', 'median', 'p95', 'max', 'proc med', 'proc p95', 'ahead', 'miss med', 'miss p95', 'seg med', 'lever med', 'engine med', 'render med', 'chg LT', 'chg max LT', 'drag on-time', 'drag p95', 'drag paints'];
  const table = rows.map((r) => [
    r.page,
    f1(r.hydration.mountMs),
    f1(r.hydration.readyMs),
    String(r.hydration.longTasks),
    f1(r.hydration.longest),
    String(r.hydration.labLongTasks),
    f1(r.hydration.labLongest),
    String(r.n),
    f1(r.all.median),
    f1(r.all.p95),
    f1(r.all.max),
    f1(r.process.median),
    f1(r.process.p95),
    `${r.hits}/${r.n}`,
    f1(r.missProcess.median),
    f1(r.missProcess.p95),
    f1(r.segmentation.median),
    f1(r.strategy.median),
    f1(r.engine.median),
    f1(r.render.median),
    String(r.changeLongTasks.longTasks),
    f1(r.changeLongTasks.longest),
    r.drag ? `${(100 * r.drag.onTime).toFixed(0)}% of ${r.drag.frames}` : '–',
    r.drag ? f1(r.drag.p95) : '–',
    r.drag ? String(r.drag.painted) : '–',
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(`SegmentLab benchmark (${flag('no-worker') ? 'engine on the main thread: worker blocked' : 'engine in the lab worker'}): ${outDir}/, Chromium ${'/usr/bin/chromium'}, ${os.cpus().length} CPUs, load average ${load0.map((x) => x.toFixed(2)).join(' ')} → ${load1.map((x) => x.toFixed(2)).join(' ')}`);
  console.log('input → painted (ms, User Timing `lab:change`; seg = segmentation control, lever = strategy service level); proc = input → results in the DOM (`lab:process`);');
  console.log(`key presses ${GAP} ms after the previous change was painted; ahead = changes whose results the worker had computed ahead (lab:prefetched, src/lib/lab/prefetch.ts); miss = proc of the other changes (engine run after the input);`);
  console.log(`drag = the slider moved one step per frame for ${DRAG_FRAMES} frames: frames on time (≤ 20.8 ms apart), p95 frame interval ms, results painted;`);
  console.log('engine / render: medians of `lab:engine` (engine time of a run) and `lab:render` (DOM update); LT = long tasks > 50 ms (count, longest ms):');
  console.log('load = page start → first results painted (includes parsing the page and its scripts); lab = those overlapping the lab’s mount (`lab:mount`) → first results (`lab:ready`); chg = during the changes\n');
  console.log(line(head));
  console.log(w.map((x) => '-'.repeat(x)).join('  '));
  for (const row of table) console.log(line(row));
  console.log('\nhydration: first run engine / render ms, long tasks before the first results [start, duration] ms');
  for (const r of rows) console.log(`  ${r.page.padEnd(w[0])}  ${f1(r.hydration.engine)} / ${f1(r.hydration.render)}  ${JSON.stringify(r.hydration.tasks)}`);
  console.log('\nframes over 50 ms up to the first results (long animation frames: [start, duration, script ms, style/layout/paint ms, blocking ms]);');
  console.log('blocking = how far the frame\'s tasks, the longest with its rendering, ran over 50 ms (0: none did). The first frames are the page');
  console.log('itself (its first layout, fonts arriving), before the lab mounts; `npm run bench:paint` measures them on every page.');
  console.log('Under a frame that blocked with script in it: its longest script (LoAF invoker type and invoker, file, function, ms):');
  for (const r of rows) {
    console.log(`  ${r.page.padEnd(w[0])}  mount ${f1(r.hydration.mountMs)}  ${JSON.stringify(r.hydration.frames)}`);
    for (const b of r.hydration.blockers) console.log(`  ${''.padEnd(w[0])}    blocking frame's longest script: ${b}`);
  }
  const problems = rows.flatMap((r) => r.console.map((c) => `${r.page}: ${c}`));
  if (problems.length) console.log(`\nconsole errors/warnings:\n  ${problems.join('\n  ')}`);
  console.log('\nTargets: a change is processed within one 16.7 ms frame (proc p95 < 16.7) and shown in the next frame; a drag keeps 60 fps (frames on time ≥ 95 %); no task > 50 ms (hydration included).');
} catch (e) {
  console.error(String(e?.stack || e));
  stopServer();
  process.exit(1);
}
stopServer();
process.exit(0);
