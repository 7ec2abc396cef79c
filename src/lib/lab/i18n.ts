/**
 * UI strings of the segment lab (`lab.*` keys in src/i18n/lab.en.json and lab.zh-CN.json) and
 * `tl(lang, key, vars)`.
 *
 * Bundle weight: the two dictionaries are ~38 KB of JSON (12 KB gzip). Only the server build imports
 * them (the `import.meta.env.SSR` branch below is removed from the browser bundle, and the JSON with
 * it); each island writes the dictionary of its own language into its server-rendered HTML
 * (`labDictScript`, a `<script type="application/json">`), and in the browser `tl` reads it from
 * there. Tests (or any other client-side use) can call `registerLabDictionary`.
 */
import en from '../../i18n/lab.en.json';
import zhCN from '../../i18n/lab.zh-CN.json';
import type { Lang } from '../../i18n/index';

type Dict = Record<string, string>;
const dicts: Partial<Record<Lang, Dict>> = {};

if (import.meta.env.SSR) {
  dicts.en = en;
  dicts['zh-cn'] = zhCN;
}

/** Make a dictionary available in the browser without server-rendered HTML (tests, client-only use). */
export function registerLabDictionary(lang: Lang, dict: Dict): void {
  dicts[lang] = { ...(dicts[lang] ?? {}), ...dict };
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Dictionary blocks of each language already merged (a key missing after that is parsed again only
    when another island has added a block: a miss, e.g. hasLabKey of an optional text, stays cheap). */
const blocksRead: Partial<Record<Lang, number>> = {};

/** In the browser: merge every dictionary block of this language that the server wrote into the page. */
function fromDocument(lang: Lang): Dict | undefined {
  if (typeof document === 'undefined') return undefined;
  const blocks = document.querySelectorAll(`script[type="application/json"][data-lab-dict="${lang}"]`);
  if (blocks.length === blocksRead[lang]) return dicts[lang];
  blocksRead[lang] = blocks.length;
  const merged: Dict = { ...(dicts[lang] ?? {}) };
  let found = false;
  for (const el of blocks) {
    try {
      const parsed: unknown = JSON.parse(el.textContent ?? '');
      if (parsed && typeof parsed === 'object') {
        for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) if (typeof v === 'string') merged[k] = v;
        found = true;
      }
    } catch {
      // a damaged block is skipped; keys fall back below
    }
  }
  if (found) dicts[lang] = merged;
  return found ? merged : dicts[lang];
}

function lookup(lang: Lang, key: string): string | undefined {
  const dict = dicts[lang];
  if (dict && key in dict) return dict[key];
  return fromDocument(lang)?.[key];
}

/** Does the lab dictionary know `key`? (For optional per-control help texts.) */
export function hasLabKey(key: string, lang: Lang = 'en'): boolean {
  return lookup(lang, key) !== undefined || lookup('en', key) !== undefined;
}

/**
 * Translated lab string with `{name}` placeholders filled from `vars`. An unknown key throws on the
 * server (so the build fails and names it); in the browser it shows the key rather than crash.
 */
export function tl(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const message = lookup(lang, key) ?? lookup('en', key);
  if (message === undefined) {
    if (import.meta.env.SSR || typeof document === 'undefined') throw new Error(`Unknown lab translation key "${key}"`);
    return key;
  }
  if (!vars) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole));
}

/**
 * Server: the `<script type="application/json">` block carrying this language's strings (only the
 * keys starting with one of `prefixes`, default all), for `{@html}` at the top of an island.
 * Browser: a single space, so that Svelte's hydration adopts the server's block as it is.
 */
export function labDictScript(lang: Lang, prefixes: readonly string[] = ['lab.']): string {
  if (!import.meta.env.SSR) return ' ';
  const dict = dicts[lang] ?? {};
  const subset: Dict = {};
  for (const [k, v] of Object.entries(dict)) if (prefixes.some((p) => k.startsWith(p))) subset[k] = v;
  // JSON inside <script>: escape "<" so no "</script>" or "<!--" can end or confuse the block
  const json = JSON.stringify(subset).replace(/</g, '\\u003c');
  return `<script type="application/json" data-lab-dict="${lang}">${json}</script>`;
}
