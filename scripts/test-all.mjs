#!/usr/bin/env node
// `npm test`: every check of the project, in order, then ONE summary line `N passed, N failed`.
//   1. astro check                    (1 test; Svelte component tests are type-checked by step 2)
//   2. svelte-check --fail-on-warnings (1 test)
//   3. vitest run                     (each unit / component test counts; JSON report), plus one
//      check that no *.test.ts file sits outside the Vitest projects' include patterns
//   4. astro build                    (1 test)
//   5. base-path build (BASE_PATH=/courses/segment-lab/ OUT_DIR=dist-base) (1 test)
//   6. playwright test                (each browser test counts; JSON report)
// Exit code 1 when anything failed. CI (.ci/run) reads the last line.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = process.cwd();
const OUT = join(ROOT, 'test-results');
const VITEST_JSON = join(OUT, 'vitest.json');
const PLAYWRIGHT_JSON = join(OUT, 'playwright.json');
const BIN = (name) => join(ROOT, 'node_modules', '.bin', name);
const BASE_PATH = '/courses/segment-lab/';

/** The step running now (its own process group): stopped with us on Ctrl-C. */
let current = null;
process.on('SIGINT', () => {
  try {
    if (current) process.kill(-current.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  process.exit(130);
});

/** Run a command with inherited output; resolves to its exit code (or 1 on spawn error / timeout). */
function run(cmd, args, { env = {}, timeoutMs = 20 * 60_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR ?? '1', ...env },
      // its own process group, so a timeout stops its children too (Playwright's preview servers)
      detached: true,
    });
    current = child;
    const timer = setTimeout(() => {
      console.error(`\n[test-all] ${cmd} ${args.join(' ')} exceeded ${timeoutMs / 1000}s; stopping it.`);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }, timeoutMs);
    child.on('error', (err) => {
      console.error(`[test-all] could not start ${cmd}: ${err.message}`);
      clearTimeout(timer);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const stages = [];
function record(name, passed, failed, seconds, note = '') {
  stages.push({ name, passed, failed, seconds, note });
  const status = failed === 0 ? 'ok  ' : 'FAIL';
  console.log(`\n[test-all] ${status} ${name}: ${passed} passed, ${failed} failed${note ? ` (${note})` : ''} in ${seconds.toFixed(1)}s\n`);
}

async function check(name, cmd, args, opts) {
  console.log(`\n[test-all] ── ${name} ──`);
  const t0 = performance.now();
  const code = await run(cmd, args, opts);
  const ok = code === 0;
  record(name, ok ? 1 : 0, ok ? 0 : 1, (performance.now() - t0) / 1000, ok ? '' : `exit code ${code}`);
  return ok;
}

/** Vitest's include patterns (vitest.config.ts): a test file elsewhere would silently never run. */
function orphanTestFiles() {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.test\.(ts|js|mjs)$/.test(name)) found.push(relative(ROOT, full).split(sep).join('/'));
    }
  };
  if (existsSync(join(ROOT, 'test'))) walk(join(ROOT, 'test'));
  const covered = (f) =>
    /^test\/(simulations|crm|worker)\/.+\.test\.ts$/.test(f) || /^test\/components\/.+\.test\.ts$/.test(f) || /^test\/(lab|chapters)\/.+\.test\.ts$/.test(f) || /^test\/[^/]+\.test\.ts$/.test(f);
  return found.filter((f) => !covered(f));
}

async function vitest() {
  const orphans = orphanTestFiles();
  if (orphans.length) console.error(`[test-all] test files outside every Vitest project (never run): ${orphans.join(', ')}`);
  record('every *.test.ts belongs to a Vitest project', orphans.length ? 0 : 1, orphans.length ? 1 : 0, 0, orphans.join(', '));
  console.log('\n[test-all] ── vitest (engine + components) ──');
  rmSync(VITEST_JSON, { force: true });
  const t0 = performance.now();
  const code = await run(BIN('vitest'), [
    'run',
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${VITEST_JSON}`,
  ]);
  const seconds = (performance.now() - t0) / 1000;
  const report = readJson(VITEST_JSON);
  if (!report) return record('vitest', 0, 1, seconds, `no JSON report, exit code ${code}`);
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  // A test file that fails to load (syntax / import error) has no tests: count it as one failure.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  failed += brokenFiles;
  if (code !== 0 && failed === 0) failed = 1; // e.g. unhandled error outside any test
  record('vitest', passed, failed, seconds, brokenFiles ? `${brokenFiles} file(s) failed to load` : '');
}

async function playwright() {
  console.log('\n[test-all] ── playwright (built site in Chromium) ──');
  rmSync(PLAYWRIGHT_JSON, { force: true });
  const t0 = performance.now();
  // a stuck browser must not eat CI's 90 minutes; ~250 browser tests take 6–10 min on 2 cores
  const code = await run(BIN('playwright'), ['test'], { timeoutMs: 30 * 60_000 });
  const seconds = (performance.now() - t0) / 1000;
  const report = readJson(PLAYWRIGHT_JSON);
  if (!report?.stats) return record('playwright', 0, 1, seconds, `no JSON report, exit code ${code}`);
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  let failed = unexpected + flaky; // no retries are configured, so flaky should never happen
  const loadErrors = (report.errors ?? []).length; // errors outside tests (config, spec import, web server)
  failed += loadErrors;
  if (code !== 0 && failed === 0) failed = 1;
  record('playwright', expected, failed, seconds, [skipped ? `${skipped} skipped` : '', loadErrors ? `${loadErrors} error(s) outside tests` : ''].filter(Boolean).join(', '));
}

const started = performance.now();
mkdirSync(OUT, { recursive: true });

// tsconfig.astro-check.json leaves test/components/** to svelte-check (see the note in that file).
await check('astro check', BIN('astro'), ['check', '--tsconfig', 'tsconfig.astro-check.json']);
await check('svelte-check', BIN('svelte-check'), ['--fail-on-warnings']);
await vitest();
const built = await check('astro build', BIN('astro'), ['build'], { env: { BASE_PATH: '/', OUT_DIR: 'dist' } });
const baseBuilt = await check(`astro build (base ${BASE_PATH})`, BIN('astro'), ['build'], {
  env: { BASE_PATH, OUT_DIR: 'dist-base' },
});
if (built && baseBuilt && existsSync(join(ROOT, 'dist', 'index.html'))) {
  await playwright();
} else {
  record('playwright', 0, 1, 0, 'not run: a build failed');
}

const passed = stages.reduce((s, x) => s + x.passed, 0);
const failed = stages.reduce((s, x) => s + x.failed, 0);
console.log('\n[test-all] summary');
for (const s of stages) {
  console.log(`  ${s.failed ? 'FAIL' : 'ok  '} ${s.name.padEnd(46)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed ${s.seconds.toFixed(1).padStart(7)}s`);
}
console.log(`  total time ${((performance.now() - started) / 1000).toFixed(1)}s\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
