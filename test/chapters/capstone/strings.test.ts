import { describe, expect, it } from 'vitest';
import { CAP_STRINGS, capT } from '../../../src/components/capstone/strings';
import { RUN_STRINGS } from '../../../src/components/run/strings';
import { placeholders } from '../../../src/i18n/index';
import { SUGGEST_REASONS } from '../../../src/lib/capstone/suggest';
import { COST_KEYS } from '../../../simulations/simulate/simulate';

describe('capstone strings', () => {
  for (const [name, dict] of [['capstone', CAP_STRINGS], ['run', RUN_STRINGS]] as const) {
    it(`${name}: both languages have the same keys and the same placeholders, none empty`, () => {
      const en: Record<string, string> = dict.en;
      const zh: Record<string, string> = dict['zh-cn'];
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(en[key].trim().length, key).toBeGreaterThan(0);
        expect(zh[key].trim().length, key).toBeGreaterThan(0);
        expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      }
    });
  }

  it('has a label for every cost key and every suggestion reason', () => {
    for (const k of COST_KEYS) expect(Object.keys(CAP_STRINGS.en)).toContain(`cap.cost.${k}`);
    for (const r of SUGGEST_REASONS) expect(Object.keys(CAP_STRINGS.en)).toContain(`cap.reason.${r}`);
  });

  it('fills placeholders as text and leaves unknown ones visible', () => {
    expect(capT('en', 'cap.customers.option', { count: '2,000' })).toBe('2,000 customers');
    expect(capT('zh-cn', 'cap.customers.option', { count: '2,000' })).toBe('2,000 个客户');
    expect(capT('en', 'cap.customers.option')).toBe('{count} customers');
    expect(capT('en', 'cap.points', { value: '<b>' })).toBe('<b> points');
  });
});
