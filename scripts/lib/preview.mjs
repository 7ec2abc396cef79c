// Shared by the browser benchmarks (bench-lab.mjs, bench-chapters.mjs, bench-paint.mjs): their
// command-line options; find or make a build of the site, and serve it with `astro preview` in its
// own process group (stopped as a group on exit); launch Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_LAUNCH } from './chromium.mjs';

const ROOT = process.cwd();
const ASTRO = join(ROOT, 'node_modules', '.bin', 'astro');
const ARGS = process.argv.slice(2);

/** Is `--name` on the command line? */
export const flag = (name) => ARGS.includes(`--${name}`);
/** The value of `--name=value`, or `fallback`. */
export function opt(name, fallback) {
  const a = ARGS.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
}

/** Debian's Chromium with this project's flags (./chromium.mjs). */
export function launchChromium(chromium) {
  return chromium.launch({ ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args] });
}

/**
 * The build folder to measure: OUT_DIR (default dist/) if it holds `probe` (a page path such as
 * 'en/lessons/07-capstone/index.html'); with `force`, or when it does not, builds into dist-bench/
 * first (so nobody's dist/ is clobbered). Exits the process when the build fails.
 */
export function ensureBuild(probe, force = false) {
  let outDir = process.env.OUT_DIR || 'dist';
  const hasBuild = (d) => existsSync(resolve(ROOT, d, probe));
  if (force || !hasBuild(outDir)) {
    outDir = 'dist-bench';
    console.error(`building the site into ${outDir}/ …`);
    const res = spawnSync(ASTRO, ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, OUT_DIR: outDir, BASE_PATH: '/' } });
    if (res.status !== 0 || !hasBuild(outDir)) {
      console.error(`astro build failed (exit code ${res.status}); nothing to measure.`);
      process.exit(1);
    }
  }
  return outDir;
}

/** Serve `outDir` on 127.0.0.1:`port`; `ready()` resolves once /en/ answers, `stop()` ends it. */
export function startPreview(outDir, port) {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(ASTRO, ['preview', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: outDir, BASE_PATH: '/' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let serverErr = '';
  server.stderr.on('data', (d) => (serverErr += d));
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  process.on('SIGINT', () => process.exit(130));
  async function ready() {
    for (let i = 0; i < 150; i++) {
      try {
        if ((await fetch(`${origin}/en/`)).ok) return;
      } catch {
        /* not yet */
      }
      if (server.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`astro preview did not start on port ${port}: ${serverErr.slice(0, 500)}`);
  }
  return { origin, ready, stop };
}
