#!/usr/bin/env node
// `npm run bench:site`: build the site, then print the build time and, for every page, the
// JavaScript and CSS it ships (raw and gzip). A benchmark, not a test.
//
// Counted for a page: <script src>, <link rel=modulepreload>, Astro island attributes
// component-url / renderer-url / before-hydration-url, each followed transitively through the
// static `import` / `export … from` statements of the JS chunks (dynamic import() is not
// followed: it loads only on demand); CSS via <link rel=stylesheet> (and its @import).
// Inline <script> / <style> bytes are shown in their own column.
//
// Budgets (exit code 1 on a breach):
//   - a lesson page (/<lang>/lessons/<folder>/): at most 100 KB gzip of JavaScript;
//   - a page with no island (<astro-island>): no framework JavaScript. Only the site's own small
//     progressive-enhancement scripts (remember the language, show course progress, storage notice)
//     may load there, capped together at NO_ISLAND_JS_BUDGET gzip; a Svelte runtime would be ~10x that.
//   Use --no-build to measure the existing dist/ (or OUT_DIR) without rebuilding.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = process.cwd();
const OUT_DIR = process.env.OUT_DIR || 'dist';
const DIST = resolve(ROOT, OUT_DIR); // OUT_DIR may be absolute
const BASE = normaliseBase(process.env.BASE_PATH || '/');
const LESSON_JS_BUDGET = 100 * 1024; // bytes, gzip
const NO_ISLAND_JS_BUDGET = 2 * 1024; // bytes, gzip
const NO_BUILD = process.argv.includes('--no-build');

function normaliseBase(b) {
  const lead = b.startsWith('/') ? b : `/${b}`;
  return lead.endsWith('/') ? lead : `${lead}/`;
}

// 1. Build and time it.
let buildSeconds = null;
if (!NO_BUILD) {
  const t0 = performance.now();
  const res = spawnSync(join(ROOT, 'node_modules', '.bin', 'astro'), ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
  buildSeconds = (performance.now() - t0) / 1000;
  if (res.status !== 0) {
    console.error(`astro build failed (exit code ${res.status}); nothing to measure.`);
    process.exit(1);
  }
}
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`${OUT_DIR}/index.html not found: build the site first.`);
  process.exit(1);
}

// 2. Pages.
function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind') walk(full, out);
    } else if (name.endsWith('.html')) out.push(full);
  }
  return out;
}
const pageFiles = walk(DIST);

/** URL path → file in the build (null for other hosts or files that are missing). */
function fileFor(ref, fromUrlPath) {
  if (/^(?:[a-z]+:)?\/\//i.test(ref) || /^(data|blob|javascript):/i.test(ref)) return null;
  const abs = new URL(ref, `http://site${fromUrlPath}`).pathname;
  const path = decodeURIComponent(abs);
  if (!path.startsWith(BASE)) return null;
  const file = join(DIST, path.slice(BASE.length));
  return existsSync(file) && statSync(file).isFile() ? file : null;
}
function urlPathOf(file) {
  return BASE + relative(DIST, file).split(sep).join('/');
}
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]).replace(/&amp;/g, '&') : null;
};

const sizeCache = new Map();
function sizes(file) {
  let s = sizeCache.get(file);
  if (!s) {
    const buf = readFileSync(file);
    s = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    sizeCache.set(file, s);
  }
  return s;
}

/** JS files reachable through static imports (import … from, import '…', export … from). */
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
function jsClosure(entries, missing) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const spec = m[1];
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue; // bare specifiers do not exist in a build
      const dep = fileFor(spec, urlPathOf(file));
      if (dep) stack.push(dep);
      else missing.add(`${spec} (from ${relative(DIST, file)})`);
    }
  }
  return seen;
}
const CSS_IMPORT = /@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g;
function cssClosure(entries, missing) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(CSS_IMPORT)) {
      const dep = fileFor(m[1], urlPathOf(file));
      if (dep) stack.push(dep);
      else if (!/^(?:[a-z]+:)?\/\//i.test(m[1])) missing.add(`${m[1]} (from ${relative(DIST, file)})`);
    }
  }
  return seen;
}

const rows = [];
for (const file of pageFiles) {
  const html = readFileSync(file, 'utf8');
  const urlPath = urlPathOf(file).replace(/index\.html$/, '');
  const missing = new Set();
  const jsEntries = new Set();
  const cssEntries = new Set();
  const addJs = (ref) => {
    if (!ref) return;
    const f = fileFor(ref, urlPath);
    if (f) jsEntries.add(f);
    else if (!/^(?:[a-z]+:)?\/\//i.test(ref)) missing.add(ref);
  };
  let inline = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(`<script${m[1]}>`, 'src');
    const type = attr(`<script${m[1]}>`, 'type');
    if (src) addJs(src);
    else if (!type || /module|javascript/i.test(type)) inline += Buffer.byteLength(m[2]);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(m[0], 'href');
    if (rel.includes('modulepreload')) addJs(href);
    if (rel.includes('stylesheet') && href) {
      const f = fileFor(href, urlPath);
      if (f) cssEntries.add(f);
      else if (!/^(?:[a-z]+:)?\/\//i.test(href)) missing.add(href);
    }
  }
  const islands = [...html.matchAll(/<astro-island\b[^>]*>/gi)];
  for (const m of islands) {
    for (const a of ['component-url', 'renderer-url', 'before-hydration-url']) addJs(attr(m[0], a));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) inline += Buffer.byteLength(m[1]);

  const js = jsClosure(jsEntries, missing);
  const css = cssClosure(cssEntries, missing);
  const sum = (set) => [...set].reduce((acc, f) => ({ raw: acc.raw + sizes(f).raw, gzip: acc.gzip + sizes(f).gzip }), { raw: 0, gzip: 0 });
  const jsSize = sum(js);
  const cssSize = sum(css);
  const isLesson = /\/lessons\/[^/]+\/$/.test(urlPath);
  const breaches = [];
  if (isLesson && jsSize.gzip > LESSON_JS_BUDGET) breaches.push(`lesson JS ${kb(jsSize.gzip)} gzip > ${kb(LESSON_JS_BUDGET)}`);
  if (islands.length === 0 && jsSize.gzip > NO_ISLAND_JS_BUDGET) breaches.push(`no island but ${kb(jsSize.gzip)} gzip of JS > ${kb(NO_ISLAND_JS_BUDGET)}`);
  if (missing.size) breaches.push(`missing: ${[...missing].join(', ')}`);
  rows.push({ page: urlPathOf(file).replace(/index\.html$/, ''), islands: islands.length, jsFiles: js.size, js: jsSize, css: cssSize, inline, breaches });
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

// 3. Report.
const header = ['page', 'islands', 'js files', 'JS raw', 'JS gzip', 'CSS raw', 'CSS gzip', 'inline', 'budget'];
const table = rows.map((r) => [
  r.page,
  String(r.islands),
  String(r.jsFiles),
  kb(r.js.raw),
  kb(r.js.gzip),
  kb(r.css.raw),
  kb(r.css.gzip),
  kb(r.inline),
  r.breaches.length ? `BREACH: ${r.breaches.join('; ')}` : 'ok',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
console.log(`Segment Lab site benchmark (${OUT_DIR}, base ${BASE})`);
console.log(buildSeconds === null ? 'build: skipped (--no-build)' : `build time: ${buildSeconds.toFixed(1)} s`);
console.log(`pages: ${rows.length}; budgets: lesson page JS <= ${kb(LESSON_JS_BUDGET)} gzip, page without islands: no framework JS (site scripts <= ${kb(NO_ISLAND_JS_BUDGET)} gzip)\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));

const lessons = rows.filter((r) => /\/lessons\/[^/]+\/$/.test(r.page));
if (lessons.length) {
  const max = lessons.reduce((a, b) => (b.js.gzip > a.js.gzip ? b : a));
  console.log(`\nheaviest lesson: ${max.page} ${kb(max.js.gzip)} JS gzip (${kb(max.js.raw)} raw)`);
}
const breached = rows.filter((r) => r.breaches.length);
if (breached.length) {
  console.log(`\n${breached.length} page(s) over budget:`);
  for (const r of breached) console.log(`  ${r.page}: ${r.breaches.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log('\nall pages within budget');
}
