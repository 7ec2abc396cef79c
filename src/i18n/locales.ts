/**
 * The two locales and the helpers that need no dictionary. Islands import from here rather than
 * from `./index`, which bundles both site dictionaries (~11 KB gzip) into any script that imports it.
 */
export type Lang = 'en' | 'zh-cn';

/** URL segment, html lang / hreflang tag, Intl locale and dictionary file of each locale. */
export const locales: Record<Lang, { htmlLang: string; intl: string; file: string; label: string }> = {
  en: { htmlLang: 'en', intl: 'en-US', file: 'src/i18n/en.json', label: 'English' },
  'zh-cn': { htmlLang: 'zh-CN', intl: 'zh-CN', file: 'src/i18n/zh-CN.json', label: '简体中文' },
};

export const langs: readonly Lang[] = ['en', 'zh-cn'];
export const defaultLang: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh-cn';
}

/** Falls back to English for anything that is not a known locale (e.g. a bad island prop). */
export function toLang(value: unknown): Lang {
  return isLang(value) ? value : defaultLang;
}

/** The other locale (two-language site). */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh-cn' : 'en';
}
