/**
 * One dictionary per locale (flat dotted keys) and `t(lang, key, vars)`.
 *
 * Both dictionaries are checked when this module is first imported: a key missing or empty in
 * either file, a value that is not a string, or placeholders that differ between the two
 * languages throw an Error that names the file. Pages import this module, so a broken
 * translation fails `astro build` instead of showing a blank string to readers.
 */
import en from './en.json';
import zhCN from './zh-CN.json';

import { locales, type Lang } from './locales';

export { locales, langs, defaultLang, isLang, toLang, otherLang, type Lang } from './locales';

export type Dictionary = Record<string, string>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Sorted placeholder names of a message, e.g. "{a} and {b}" → ["a", "b"]. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/**
 * Compares two dictionaries; returns a list of human-readable problems (empty when they match).
 * Exported for the i18n test.
 */
export function compareDictionaries(
  a: Record<string, unknown>,
  aFile: string,
  b: Record<string, unknown>,
  bFile: string,
): string[] {
  const problems: string[] = [];
  const check = (x: Record<string, unknown>, xFile: string, y: Record<string, unknown>, yFile: string) => {
    for (const [key, value] of Object.entries(x)) {
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push(`${xFile}: key "${key}" must be a non-empty string`);
        continue;
      }
      const other = y[key];
      if (typeof other !== 'string' || other.trim() === '') {
        problems.push(`${yFile}: key "${key}" is missing or empty (present in ${xFile})`);
      }
    }
  };
  check(a, aFile, b, bFile);
  check(b, bFile, a, aFile);
  for (const key of Object.keys(a)) {
    const va = a[key];
    const vb = b[key];
    if (typeof va === 'string' && typeof vb === 'string') {
      const pa = placeholders(va).join(',');
      const pb = placeholders(vb).join(',');
      if (pa !== pb) problems.push(`${bFile}: key "${key}" has placeholders {${pb}} but ${aFile} has {${pa}}`);
    }
  }
  return [...new Set(problems)];
}

function validated(): Record<Lang, Dictionary> {
  const problems = compareDictionaries(en, locales.en.file, zhCN, locales['zh-cn'].file);
  if (problems.length > 0) {
    throw new Error(`Translation dictionaries are inconsistent:\n  ${problems.join('\n  ')}`);
  }
  return { en: en as Dictionary, 'zh-cn': zhCN as Dictionary };
}

export const dictionaries: Record<Lang, Dictionary> = validated();

/**
 * Translated string for `key`, with `{name}` placeholders replaced from `vars`.
 * An unknown key throws (at build time this fails the build and names the key).
 */
export function t(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const dict = dictionaries[lang] ?? dictionaries.en;
  const message = dict[key];
  if (message === undefined) {
    throw new Error(`Unknown translation key "${key}" (${locales[lang]?.file ?? lang})`);
  }
  if (!vars) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** Label separator: ": " in English, full-width "：" in Chinese. */
export function colon(lang: Lang): string {
  return lang === 'zh-cn' ? '：' : ': ';
}
