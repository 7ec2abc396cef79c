// Helpers shared by the browser tests: discover the pages of a build, map URLs to
// files in it, and collect what a page did while it loaded.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Page, Request, Response } from '@playwright/test';

export const ROOT = process.cwd();
// the same variables as playwright.config.ts (PW_DIST may be absolute or relative to the project)
export const DIST = resolve(ROOT, process.env.PW_DIST || 'dist');
export const DIST_BASE = resolve(ROOT, process.env.PW_DIST_BASE || 'dist-base');
export const ORIGIN = `http://127.0.0.1:${Number(process.env.PW_PORT) || 4400}`;
export const BASE_ORIGIN = `http://127.0.0.1:${Number(process.env.PW_BASE_PORT) || 4401}`;
export const BASE_PREFIX = '/courses/segment-lab/';
export const LOCALES = ['en', 'zh-cn'] as const;
export type Locale = (typeof LOCALES)[number];

/** Every page of a build: each index.html becomes its directory URL, plus /404.html. */
export function discoverPages(dir: string, prefix = '/'): string[] {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${relative(ROOT, dir) || dir}/index.html is missing: build the site first (npm test builds it).`);
  }
  const pages: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(full);
      } else if (name === 'index.html') {
        const rel = relative(dir, d).split(sep).join('/');
        pages.push(prefix + (rel ? `${rel}/` : ''));
      } else if (name === '404.html' && d === dir) {
        pages.push(`${prefix}404.html`);
      }
    }
  };
  walk(dir);
  return pages;
}

/** Lesson folders (e.g. 01-why-segment) in course order, from the built English site. */
export function lessonFolders(dir = DIST): string[] {
  const lessons = join(dir, 'en', 'lessons');
  if (!existsSync(lessons)) return [];
  return readdirSync(lessons)
    .filter((n) => existsSync(join(lessons, n, 'index.html')))
    .sort();
}

/**
 * The file a same-origin URL path is served from, or null when the build has no such file.
 * `prefix` is the base path the build was made for (stripped before looking in `dir`).
 */
export function fileForPath(dir: string, pathname: string, prefix = '/'): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  const candidates = rest === '' || rest.endsWith('/') ? [join(dir, rest, 'index.html')] : [join(dir, rest), join(dir, rest, 'index.html')];
  for (const c of candidates) {
    if (!relative(dir, c).startsWith('..') && existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

const idCache = new Map<string, Set<string>>();
/** All id="..." values in an HTML file (the static markup the server sends). */
export function idsInFile(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set<string>();
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
      ids.add(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
    }
    idCache.set(file, ids);
  }
  return ids;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What went wrong while a page loaded: console errors, failed requests, off-host requests. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/**
 * Start recording problems on `page`. Requests to any host other than `origin` are
 * recorded and aborted (a test must never reach the internet).
 * `allowStatus` lets a test accept an expected status for one URL (the 404 page).
 */
export async function watchPage(page: Page, origin: string, allowStatus?: (url: string, status: number) => boolean): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [] };
  const host = new URL(origin).host;
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium logs every HTTP error as a console error; an expected status is not one.
    const status = /the server responded with a status of (\d+)/.exec(msg.text());
    if (status && allowStatus?.(msg.location().url, Number(status[1]))) return;
    problems.consoleErrors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req: Request) => {
    if (isForeign(req.url(), host)) return; // already recorded below
    // net::ERR_ABORTED: the page navigated away (a redirect, the next goto) before the load
    // finished. A missing file shows up as an HTTP status instead, recorded below.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (res: Response) => {
    const status = res.status();
    if (status >= 400 && !(allowStatus?.(res.url(), status) ?? false)) {
      problems.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${status}`);
    }
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (isForeign(url, host)) {
      problems.foreignRequests.push(url);
      await route.abort('blockedbyclient');
    } else {
      await route.continue();
    }
  });
  return problems;
}

function isForeign(url: string, host: string): boolean {
  if (/^(data|blob|about|javascript):/.test(url)) return false;
  try {
    return new URL(url).host !== host;
  } catch {
    return true;
  }
}

/** Scroll to the bottom in steps so client:visible islands hydrate, then let the network settle. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(window.innerHeight * 0.8));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 40));
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Every URL the page references through a[href], link[href], script[src], img[src], source[srcset]. */
export async function referencedUrls(page: Page): Promise<{ attr: string; url: string }[]> {
  return page.evaluate(() => {
    const out: { attr: string; url: string }[] = [];
    const add = (el: Element, attr: string, raw: string | null): void => {
      if (raw === null || raw.trim() === '') return;
      try {
        out.push({ attr: `<${el.tagName.toLowerCase()} ${attr}="${raw}">`, url: new URL(raw, document.baseURI).href });
      } catch {
        out.push({ attr: `<${el.tagName.toLowerCase()} ${attr}="${raw}">`, url: `invalid:${raw}` });
      }
    };
    document.querySelectorAll('a[href], link[href]').forEach((el) => add(el, 'href', el.getAttribute('href')));
    document.querySelectorAll('script[src], img[src]').forEach((el) => add(el, 'src', el.getAttribute('src')));
    document.querySelectorAll('img[srcset], source[srcset]').forEach((el) => {
      for (const part of (el.getAttribute('srcset') ?? '').split(',')) add(el, 'srcset', part.trim().split(/\s+/)[0] ?? '');
    });
    return out;
  });
}

/**
 * Internal references that do not resolve: the target file is missing from `dir`,
 * lies outside the base `prefix`, or the #fragment names no id on the target page.
 */
export async function brokenInternalLinks(page: Page, dir: string, origin: string, prefix = '/'): Promise<string[]> {
  const here = new URL(page.url());
  const liveIds = new Set(await page.evaluate(() => Array.from(document.querySelectorAll('[id]'), (e) => e.id)));
  const broken: string[] = [];
  for (const { attr, url } of await referencedUrls(page)) {
    if (url.startsWith('invalid:')) {
      broken.push(`${attr}: not a valid URL`);
      continue;
    }
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) continue; // mailto:, data:, …
    if (u.origin !== origin) continue; // external link, not a request (foreign requests are checked separately)
    if (!u.pathname.startsWith(prefix)) {
      broken.push(`${attr}: leaves the base path ${prefix}`);
      continue;
    }
    const samePage = u.pathname === here.pathname;
    const file = fileForPath(dir, u.pathname, prefix);
    if (!file) {
      broken.push(`${attr}: no file in ${relative(ROOT, dir)} for ${u.pathname}`);
      continue;
    }
    if (u.hash.length > 1) {
      let id: string;
      try {
        id = decodeURIComponent(u.hash.slice(1));
      } catch {
        broken.push(`${attr}: undecodable fragment`);
        continue;
      }
      const ok = samePage ? liveIds.has(id) || idsInFile(file).has(id) : idsInFile(file).has(id);
      if (!ok) broken.push(`${attr}: no element with id="${id}" on ${u.pathname}`);
    }
  }
  return broken;
}

/** Tab forward until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
    if (hit) return;
  }
  throw new Error(`Pressed Tab ${max} times without reaching ${selector}`);
}
