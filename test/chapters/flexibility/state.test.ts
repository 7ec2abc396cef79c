/**
 * The flexibility lab's state and share link (src/lib/flexibility/state.ts): round trip, defaults,
 * and every kind of bad parameter (missing, unknown, malformed, out of range) ignored with its reason.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BUFFER,
  DEFAULT_FLEX_STATE,
  SCENARIO_CHOICES,
  SCENARIO_DEFAULTS,
  SIZE,
  WEEK,
  decodeFlexState,
  encodeFlexState,
  flexShareUrl,
  normaliseFlexState,
  snap,
  withScenario,
  type FlexState,
} from '../../../src/lib/flexibility/state';

const arbState = fc.record({
  scenario: fc.constantFrom(...SCENARIO_CHOICES),
  week: fc.integer({ min: WEEK.min, max: WEEK.max }),
  size: fc.integer({ min: 1, max: 18 }).map((k) => snap(SIZE, k * 0.05)),
  buffer: fc.integer({ min: 0, max: 6 }).map((k) => snap(BUFFER, k * 0.05)),
  postponement: fc.boolean(),
  dualSourcing: fc.boolean(),
  fastDelivery: fc.boolean(),
});

describe('encode and decode', () => {
  it('round-trips every valid state (week and size only where a scenario uses them)', () => {
    fc.assert(
      fc.property(arbState, (s: FlexState) => {
        const d = decodeFlexState(encodeFlexState(s));
        expect(d.present).toBe(true);
        expect(d.ignored).toEqual([]);
        if (s.scenario === 'none') expect({ ...d.state, week: s.week, size: s.size }).toEqual(s);
        else expect(d.state).toEqual(s);
      }),
    );
  });

  it('writes flex.* parameters only, with 1/0 flags', () => {
    const q = encodeFlexState({ ...DEFAULT_FLEX_STATE, buffer: 0.15, fastDelivery: true });
    expect(q.toString()).toBe('flex.sc=shift-class&flex.wk=27&flex.sz=0.3&flex.buf=0.15&flex.pp=1&flex.ds=1&flex.fd=1');
    expect(encodeFlexState(withScenario(DEFAULT_FLEX_STATE, 'none')).has('flex.wk')).toBe(false);
  });

  it('a query without flex.* parameters is not a link: defaults, nothing ignored', () => {
    const d = decodeFlexState('?lab=value&seed=3&p.a=0.8');
    expect(d).toEqual({ present: false, state: DEFAULT_FLEX_STATE, ignored: [] });
  });

  it('the share URL keeps other islands’ parameters and replaces its own', () => {
    const u = new URL(flexShareUrl('https://x.test/en/lessons/09-flexibility/?lab=value&flex.buf=0.3&flex.zzz=1#top', { ...DEFAULT_FLEX_STATE, buffer: 0.05 }));
    expect(u.searchParams.get('lab')).toBe('value');
    expect(u.searchParams.get('flex.buf')).toBe('0.05');
    expect(u.searchParams.has('flex.zzz')).toBe(false);
    expect(u.hash).toBe('#flex-lab');
  });
});

describe('bad links fall back to defaults and say why', () => {
  it.each([
    ['flex.sc=panic', 'flex.sc', 'malformed'],
    ['flex.wk=99', 'flex.wk', 'range'],
    ['flex.wk=2', 'flex.wk', 'range'],
    ['flex.wk=12.5', 'flex.wk', 'malformed'],
    ['flex.sz=abc', 'flex.sz', 'malformed'],
    ['flex.sz=0.95', 'flex.sz', 'range'],
    ['flex.buf=-0.1', 'flex.buf', 'range'],
    ['flex.buf=NaN', 'flex.buf', 'malformed'],
    ['flex.buf=1e9', 'flex.buf', 'malformed'],
    ['flex.pp=yes', 'flex.pp', 'malformed'],
    ['flex.evil=<script>', 'flex.evil', 'unknown'],
  ])('%s → %s %s', (bad, param, reason) => {
    const full = new URLSearchParams(encodeFlexState(DEFAULT_FLEX_STATE));
    const [k, v] = bad.split('=');
    full.set(k, v);
    const d = decodeFlexState(full);
    expect(d.ignored).toEqual([expect.objectContaining({ param, reason })]);
    expect(d.state).toEqual(DEFAULT_FLEX_STATE);
  });

  it('lists missing parameters of a partial link and uses the scenario’s defaults for them', () => {
    const d = decodeFlexState('flex.sc=shock');
    expect(d.state).toMatchObject({ scenario: 'shock', ...SCENARIO_DEFAULTS.shock, buffer: DEFAULT_FLEX_STATE.buffer });
    expect(d.ignored.map((i) => i.param).sort()).toEqual(['flex.buf', 'flex.ds', 'flex.fd', 'flex.pp', 'flex.sz', 'flex.wk']);
    expect(d.ignored.every((i) => i.reason === 'missing' && i.value === '')).toBe(true);
    // for "none", week and size are not needed
    expect(decodeFlexState('flex.sc=none&flex.buf=0&flex.pp=0&flex.ds=0&flex.fd=0').ignored).toEqual([]);
  });

  it('snaps an off-grid number to the nearest step, silently', () => {
    const d = decodeFlexState('flex.sc=shift-class&flex.wk=30&flex.sz=0.33&flex.buf=0.12&flex.pp=0&flex.ds=0&flex.fd=0');
    expect(d.ignored).toEqual([]);
    expect(d.state.size).toBe(0.35);
    expect(d.state.buffer).toBe(0.1);
  });

  it('never throws and always yields a valid state, whatever the query', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('flex.sc', 'flex.wk', 'flex.sz', 'flex.buf', 'flex.pp', 'flex.ds', 'flex.fd', 'flex.x', 'other'), fc.string()), (o) => {
        const d = decodeFlexState(new URLSearchParams(o));
        expect(normaliseFlexState(d.state)).toEqual(d.state);
        for (const v of [d.state.week, d.state.size, d.state.buffer]) expect(Number.isFinite(v)).toBe(true);
        for (const i of d.ignored) expect(i.value.length).toBeLessThanOrEqual(40);
      }),
    );
  });
});

describe('normalise and snap', () => {
  it('clamps and snaps without float noise', () => {
    expect(snap(BUFFER, 0.15000000000000002)).toBe(0.15);
    expect(snap(BUFFER, 0.9)).toBe(0.3);
    expect(snap(WEEK, -4)).toBe(WEEK.min);
    expect(snap(SIZE, Number.NaN)).toBe(SIZE.min);
    expect(normaliseFlexState({ scenario: 'bogus' as never, buffer: 7 })).toEqual({ ...DEFAULT_FLEX_STATE, buffer: 0.3 });
  });

  it('choosing a scenario moves week and size to its defaults and keeps the levers', () => {
    const s = withScenario({ ...DEFAULT_FLEX_STATE, week: 40, size: 0.6, buffer: 0.05 }, 'shock');
    expect(s).toMatchObject({ scenario: 'shock', week: 21, size: 0.4, buffer: 0.05 });
  });
});
