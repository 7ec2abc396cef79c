import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import zhCN from '../src/i18n/zh-CN.json';
import { compareDictionaries, placeholders, t, toLang } from '../src/i18n/index';
import { formatCurrency, formatInteger, formatNumber, formatPercent } from '../src/i18n/format';
import { splitPath, switchLang, url } from '../src/i18n/paths';

const enDict: Record<string, string> = en;
const zhDict: Record<string, string> = zhCN;

describe('translation dictionaries', () => {
  it('have the same keys', () => {
    expect(Object.keys(zhDict).sort()).toEqual(Object.keys(enDict).sort());
  });

  it.each(Object.keys(enDict))('"%s" is a non-empty string in both languages', (key) => {
    expect(typeof enDict[key]).toBe('string');
    expect(enDict[key].trim()).not.toBe('');
    expect(typeof zhDict[key]).toBe('string');
    expect(zhDict[key].trim()).not.toBe('');
  });

  it.each(Object.keys(enDict))('"%s" uses the same {placeholders} in both languages', (key) => {
    expect(placeholders(zhDict[key])).toEqual(placeholders(enDict[key]));
  });

  it('the Chinese dictionary is actually Chinese (not copied English)', () => {
    const cjk = /[\u3400-\u9fff]/;
    const untranslated = Object.keys(enDict).filter(
      (k) => !k.startsWith('lang.') && k !== 'references.doi' && !cjk.test(zhDict[k]),
    );
    expect(untranslated).toEqual([]);
  });

  it('uses the case company names exactly', () => {
    expect(enDict['home.case.title']).toContain('Kestrel Electronics');
    expect(zhDict['home.case.title']).toContain('隼科电子');
  });
});

describe('compareDictionaries', () => {
  it('reports a key missing in one file, naming that file', () => {
    const problems = compareDictionaries({ a: 'x', b: 'y' }, 'en.json', { a: 'x' }, 'zh-CN.json');
    expect(problems).toEqual(['zh-CN.json: key "b" is missing or empty (present in en.json)']);
  });

  it('reports empty values and placeholder mismatches', () => {
    const problems = compareDictionaries({ a: 'Hi {name}', b: 'ok' }, 'en.json', { a: '你好 {nom}', b: ' ' }, 'zh-CN.json');
    expect(problems.some((p) => p.includes('"b"') && p.startsWith('zh-CN.json'))).toBe(true);
    expect(problems.some((p) => p.includes('"a"') && p.includes('{nom}'))).toBe(true);
  });

  it('accepts the real dictionaries', () => {
    expect(compareDictionaries(enDict, 'en', zhDict, 'zh')).toEqual([]);
  });
});

describe('t()', () => {
  it('fills placeholders', () => {
    expect(t('en', 'course.progress', { done: 1, total: 3 })).toBe('Lessons completed: 1 of 3');
    expect(t('zh-cn', 'course.progress', { done: 1, total: 3 })).toBe('已完成 1 / 3 课');
  });

  it('throws on an unknown key instead of rendering an empty string', () => {
    expect(() => t('en', 'no.such.key')).toThrow(/no\.such\.key/);
  });

  it('falls back to English for an unknown locale', () => {
    expect(toLang('fr')).toBe('en');
    expect(toLang('zh-cn')).toBe('zh-cn');
  });
});

describe('format', () => {
  it('formats per locale', () => {
    expect(formatInteger('en', 12345)).toBe('12,345');
    expect(formatCurrency('en', 1234567)).toBe('$1,234,567');
    expect(formatCurrency('zh-cn', 1234567)).toBe('US$1,234,567');
    expect(formatCurrency('en', 218_700_000, true)).toBe('$218.7M');
    expect(formatCurrency('zh-cn', 218_700_000, true)).toBe('US$2.2亿');
    expect(formatPercent('en', 0.214)).toBe('21%');
    expect(formatPercent('zh-cn', 0.2145, 1)).toBe('21.5%');
  });

  it('never prints NaN or Infinity', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(formatNumber('en', bad)).toBe('–');
      expect(formatCurrency('zh-cn', bad)).toBe('–');
      expect(formatPercent('en', bad)).toBe('–');
    }
  });
});

describe('paths', () => {
  it('builds base-aware URLs with a trailing slash', () => {
    expect(url('en')).toBe('/en/');
    expect(url('zh-cn', 'course')).toBe('/zh-cn/course/');
    expect(url('en', '/lessons/01-why-segment/')).toBe('/en/lessons/01-why-segment/');
    expect(url('en', 'glossary#term-safety-stock')).toBe('/en/glossary/#term-safety-stock');
  });

  it('switches locale and keeps the page', () => {
    expect(switchLang('/en/lessons/01-why-segment/', 'zh-cn')).toBe('/zh-cn/lessons/01-why-segment/');
    expect(switchLang('/zh-cn/', 'en')).toBe('/en/');
    expect(splitPath('/zh-cn/glossary/')).toEqual({ lang: 'zh-cn', rest: 'glossary' });
    expect(splitPath('/nowhere/')).toEqual({ lang: undefined, rest: 'nowhere' });
  });
});
