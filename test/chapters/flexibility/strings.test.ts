/**
 * The flexibility lab's UI strings: both languages have the same keys and the same placeholders, no
 * empty string, and ft() fills placeholders.
 */
import { describe, expect, it } from 'vitest';
import { FLEX_STRINGS, ft } from '../../../src/components/flexibility/strings';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('flexibility lab strings', () => {
  const en: Record<string, string> = FLEX_STRINGS.en;
  const zh: Record<string, string> = FLEX_STRINGS['zh-cn'];

  it('have the same keys in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(FLEX_STRINGS.en))('%s: same placeholders, not empty, Chinese written in Chinese', (key) => {
    expect(en[key].trim()).not.toBe('');
    expect(zh[key].trim()).not.toBe('');
    expect(placeholders(zh[key])).toEqual(placeholders(en[key]));
    if (key !== 'flex.row.otif') expect(zh[key]).toMatch(/[\u3400-\u9fff]/);
  });

  it('fills placeholders and keeps unknown ones', () => {
    expect(ft('en', 'flex.week.value', { week: 27 })).toBe('week 27');
    expect(ft('zh-cn', 'flex.week.value', { week: 27 })).toBe('第 27 周');
    expect(ft('en', 'flex.week.value')).toBe('week {week}');
  });
});
