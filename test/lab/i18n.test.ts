// The lab dictionaries: same keys, non-empty, same placeholders, and every key the code builds exists.
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/lab.en.json';
import zh from '../../src/i18n/lab.zh-CN.json';
import { compareDictionaries } from '../../src/i18n/index';
import { LENSES, getLens } from '../../src/lib/lab/lenses';
import { registerLabDictionary, tl } from '../../src/lib/lab/i18n';

// In a browser-like test environment the server-rendered dictionary block is absent: register it.
registerLabDictionary('en', en);
registerLabDictionary('zh-cn', zh);

describe('lab dictionaries', () => {
  it('match key for key, with the same placeholders', () => {
    expect(compareDictionaries(en, 'lab.en.json', zh, 'lab.zh-CN.json')).toEqual([]);
  });
  it('all keys are lab.*', () => {
    for (const k of Object.keys(en)) expect(k.startsWith('lab.')).toBe(true);
  });
  it('every control, option, task and predict text of every lens exists in both languages', () => {
    for (const lens of LENSES) {
      const cfg = getLens(lens);
      for (const lang of ['en', 'zh-cn'] as const) {
        expect(tl(lang, `lab.title.${lens}`)).not.toBe('');
        expect(tl(lang, `lab.predict.${lens}.question`)).not.toBe('');
        expect(tl(lang, `lab.predict.${lens}.why`)).not.toBe('');
        for (const c of cfg.controls) {
          expect(tl(lang, `lab.control.${lens}.${c.id}`)).not.toBe('');
          if (c.kind !== 'range') for (const o of c.options) expect(tl(lang, `lab.option.${lens}.${c.id}.${o}`)).not.toBe('');
        }
        for (const t of cfg.tasks) {
          expect(tl(lang, `lab.task.${t.id}.title`)).not.toBe('');
          expect(tl(lang, `lab.task.${t.id}.goal`)).not.toBe('');
        }
      }
    }
  });
  it('tl fills placeholders and throws on an unknown key', () => {
    expect(tl('en', 'lab.quiz.score', { score: 2, total: 3 })).toBe('2 of 3 correct');
    expect(tl('zh-cn', 'lab.quiz.score', { score: 2, total: 3 })).toBe('答对 2 题，共 3 题');
    // unknown key: the server (no document) fails loudly; a browser shows the key instead of crashing
    if (typeof document === 'undefined') expect(() => tl('en', 'lab.nope')).toThrow(/lab\.nope/);
    else expect(tl('en', 'lab.nope')).toBe('lab.nope');
  });
});
