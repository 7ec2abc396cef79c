import { describe, expect, it } from 'vitest';
import { crmShareUrl, decodeCrmState, defaultCrmState, encodeCrmState, stepsOn, type CrmDataState } from '../../../src/lib/crmdata/state';
import { CRMDATA_STRINGS, cdT } from '../../../src/components/crmdata/strings';

describe('crm.* URL codec', () => {
  const custom: CrmDataState = { seed: 7, dup: 35, rev: 0, date: 50, reg: 12, lapsed: 3, labels: true, dedupe: false, stale: true, missing: 'drop' };

  it('round-trips every field through a share link', () => {
    const url = crmShareUrl('https://segment.lab/en/lessons/08-crm-data/?lab=value&seed=3#top', custom);
    const u = new URL(url);
    expect(u.searchParams.get('lab')).toBe('value');
    expect(u.searchParams.get('seed')).toBe('3');
    expect(u.hash).toBe('#crm-data-lab');
    const { state, ignored } = decodeCrmState(u.search);
    expect(ignored).toEqual([]);
    expect(state).toEqual(custom);
  });

  it('no crm.* parameter: defaults, no notice', () => {
    expect(decodeCrmState('?seed=9&lab=needs')).toEqual({ state: defaultCrmState(), ignored: [] });
    expect(decodeCrmState('', 11).state.seed).toBe(11);
  });

  it('bad values fall back to defaults and are reported with a reason', () => {
    const { state, ignored } = decodeCrmState('?crm.seed=-4&crm.dup=80&crm.rev=abc&crm.date=10&crm.reg=1e3&crm.lapsed=5&crm.fix=labels,bogus&crm.missing=mean&crm.zzz=1');
    const d = defaultCrmState();
    expect(state).toEqual({ ...d, date: 10, lapsed: 5 });
    const by = Object.fromEntries(ignored.map((x) => [x.param, x.reason]));
    expect(by).toEqual({
      'crm.zzz': 'unknown',
      'crm.seed': 'malformed',
      'crm.dup': 'range',
      'crm.rev': 'malformed',
      'crm.reg': 'malformed',
      'crm.fix': 'malformed',
      'crm.missing': 'malformed',
    });
  });

  it('reports missing parameters of a partial link and accepts an empty fix list', () => {
    const { state, ignored } = decodeCrmState('?crm.fix=&crm.dup=0');
    expect(state.dup).toBe(0);
    expect(state.labels || state.dedupe || state.stale).toBe(false);
    expect(ignored.filter((x) => x.reason === 'missing').map((x) => x.param).sort()).toEqual(['crm.date', 'crm.lapsed', 'crm.missing', 'crm.reg', 'crm.rev', 'crm.seed']);
  });

  it('encodes only crm.* keys and counts steps', () => {
    expect([...encodeCrmState(custom).keys()].every((k) => k.startsWith('crm.'))).toBe(true);
    expect(encodeCrmState(custom).get('crm.fix')).toBe('labels,stale');
    expect(stepsOn(custom)).toBe(3);
    expect(stepsOn(defaultCrmState())).toBe(0);
  });
});

describe('lab strings', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it('both languages have the same keys and placeholders, none empty', () => {
    const en = CRMDATA_STRINGS.en as Record<string, string>;
    const zh = CRMDATA_STRINGS['zh-cn'] as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) {
      expect(zh[k].trim().length, k).toBeGreaterThan(0);
      expect(placeholders(zh[k]), k).toEqual(placeholders(en[k]));
    }
  });
  it('fills placeholders', () => {
    expect(cdT('en', 'crmd.clean.count', { n: 2 })).toBe('Cleaning steps on: 2 of 4');
    expect(cdT('zh-cn', 'crmd.pct', { n: 5 })).toBe('5%');
  });
});
