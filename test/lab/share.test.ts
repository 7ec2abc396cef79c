// Share links: exact round trip (property-based) and every class of bad input → defaults + notice.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coerceValue, snapRange, type ControlDef, type LabParams, type ParamValue } from '../../src/lib/lab/controls';
import { LENSES, getLens, type LensId } from '../../src/lib/lab/lenses';
import { decodeState, encodeState, shareUrl } from '../../src/lib/lab/share';
import { DISCOUNT_CONTROL, SERVICE_LEVEL_CONTROL, defaultState, normaliseState, type LabState } from '../../src/lib/lab/state';
import { DELIVERIES, FULFILMENTS, PRODUCT_OPTIONS, SERVICES, SUPPLY_CHAINS } from '../../simulations/strategy/levers';
import type { SegmentStrategy } from '../../simulations/types';

function arbValue(c: ControlDef): fc.Arbitrary<ParamValue> {
  if (c.kind === 'range') return fc.double({ min: c.min, max: c.max, noNaN: true }).map((v) => snapRange(c, v));
  if (c.kind === 'select') return fc.constantFrom(...c.options);
  return fc.subarray([...c.options], { minLength: c.min, maxLength: c.max }).map((v) => coerceValue(c, v));
}

const arbStrategy: fc.Arbitrary<SegmentStrategy> = fc.record({
  supplyChain: fc.constantFrom(...SUPPLY_CHAINS),
  serviceLevel: fc.double({ min: 0.5, max: 0.99, noNaN: true }).map((v) => snapRange(SERVICE_LEVEL_CONTROL, v)),
  fulfilment: fc.constantFrom(...FULFILMENTS),
  delivery: fc.constantFrom(...DELIVERIES),
  service: fc.constantFrom(...SERVICES),
  product: fc.constantFrom(...PRODUCT_OPTIONS),
  discount: fc.double({ min: 0, max: 0.3, noNaN: true }).map((v) => snapRange(DISCOUNT_CONTROL, v)),
});

function arbState(lens: LensId): fc.Arbitrary<LabState> {
  const cfg = getLens(lens);
  return fc.record({
    lens: fc.constant(lens),
    seed: fc.integer({ min: 0, max: 999_999 }),
    params: fc.record(Object.fromEntries(cfg.controls.map((c) => [c.id, arbValue(c)]))) as fc.Arbitrary<LabParams>,
    strategies: fc.dictionary(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), arbStrategy, { maxKeys: 6 }),
  });
}

describe('share links', () => {
  for (const lens of LENSES) {
    it(`${lens}: decode(encode(state)) restores exactly the normalised state, nothing ignored`, () => {
      fc.assert(
        fc.property(arbState(lens), (raw) => {
          const state = normaliseState(raw);
          const url = shareUrl('https://example.org/en/lessons/x/?old=1#top', state);
          const decoded = decodeState(new URL(url).search, lens);
          expect(decoded.present).toBe(true);
          expect(decoded.ignored).toEqual([]);
          expect(decoded.state).toEqual(state);
          expect(new URL(url).hash).toBe(`#lab-${lens}`);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('a query for another lab, or none, is not for this lab: defaults, no notice', () => {
    expect(decodeState('?lab=value&seed=5', 'needs')).toEqual({ present: false, state: defaultState('needs'), ignored: [] });
    expect(decodeState('', 'needs').present).toBe(false);
    expect(decodeState('?seed=5', 'needs').ignored).toEqual([]);
  });

  const good = () => encodeState({ ...defaultState('value', 9), params: { scheme: 'abc', a: 0.7, b: 0.93, high: 0.2, medium: 0.5, d: 0.1 } });

  const cases: { name: string; edit: (q: URLSearchParams) => void; param: string; reason: string; check: (s: LabState) => void }[] = [
    { name: 'missing seed', edit: (q) => q.delete('seed'), param: 'seed', reason: 'missing', check: (s) => expect(s.seed).toBe(42) },
    { name: 'malformed seed', edit: (q) => q.set('seed', '12abc'), param: 'seed', reason: 'malformed', check: (s) => expect(s.seed).toBe(42) },
    { name: 'negative seed', edit: (q) => q.set('seed', '-3'), param: 'seed', reason: 'malformed', check: (s) => expect(s.seed).toBe(42) },
    { name: 'seed out of range', edit: (q) => q.set('seed', '5000000'), param: 'seed', reason: 'range', check: (s) => expect(s.seed).toBe(42) },
    { name: 'unknown control', edit: (q) => q.set('p.zzz', '1'), param: 'p.zzz', reason: 'unknown', check: (s) => expect(s.params.a).toBe(0.7) },
    { name: 'unknown top-level parameter', edit: (q) => q.set('utm', 'x'), param: 'utm', reason: 'unknown', check: (s) => expect(s.seed).toBe(9) },
    { name: 'malformed number', edit: (q) => q.set('p.a', 'eighty'), param: 'p.a', reason: 'malformed', check: (s) => expect(s.params.a).toBe(0.8) },
    { name: 'NaN', edit: (q) => q.set('p.a', 'NaN'), param: 'p.a', reason: 'malformed', check: (s) => expect(s.params.a).toBe(0.8) },
    { name: 'out-of-range number', edit: (q) => q.set('p.b', '1.5'), param: 'p.b', reason: 'range', check: (s) => expect(s.params.b).toBe(0.95) },
    { name: 'unknown select option', edit: (q) => q.set('p.scheme', 'xyz'), param: 'p.scheme', reason: 'malformed', check: (s) => expect(s.params.scheme).toBe('abc') },
    { name: 'missing control', edit: (q) => q.delete('p.a'), param: 'p.a', reason: 'missing', check: (s) => expect(s.params.a).toBe(0.8) },
    { name: 'locked control', edit: (q) => q.set('p.d', '0.2'), param: 'p.d', reason: 'locked', check: (s) => expect(s.params.d).toBe(0.1) },
    { name: 'malformed strategy', edit: (q) => q.set('s.A', 'r_0.9_x'), param: 's.A', reason: 'malformed', check: (s) => expect(s.strategies.A).toBeUndefined() },
    { name: 'strategy with bad code', edit: (q) => q.set('s.A', 'z_0.9_c_s_s_s_0'), param: 's.A', reason: 'malformed', check: (s) => expect(s.strategies.A).toBeUndefined() },
    { name: 'strategy out of range', edit: (q) => q.set('s.A', 'r_1.5_c_s_s_s_0'), param: 's.A', reason: 'range', check: (s) => expect(s.strategies.A).toBeUndefined() },
    { name: 'strategy with a bad segment key', edit: (q) => q.set('s.<b>', 'r_0.9_c_s_s_s_0'), param: 's.<b>', reason: 'malformed', check: (s) => expect(Object.keys(s.strategies)).toEqual([]) },
  ];

  for (const c of cases) {
    it(`${c.name}: default used and listed as ${c.reason}`, () => {
      const q = good();
      c.edit(q);
      const d = decodeState(q, 'value');
      expect(d.present).toBe(true);
      expect(d.ignored).toContainEqual(expect.objectContaining({ param: c.param, reason: c.reason }));
      c.check(d.state);
      // whatever the link said, the state is valid
      expect(normaliseState(d.state)).toEqual(d.state);
    });
  }

  it('a duplicated parameter keeps the first value and reports the second', () => {
    const q = good();
    q.append('seed', '77');
    const d = decodeState(q, 'value');
    expect(d.state.seed).toBe(9);
    expect(d.ignored).toContainEqual({ param: 'seed', value: '77', reason: 'malformed' });
  });

  it('long values are truncated in the notice', () => {
    const q = good();
    q.set('p.scheme', 'x'.repeat(500));
    const d = decodeState(q, 'value');
    expect(d.ignored[0].value.length).toBeLessThanOrEqual(40);
  });

  it('an off-grid number inside the range snaps to the nearest step silently', () => {
    const q = good();
    q.set('p.a', '0.7049');
    const d = decodeState(q, 'value');
    expect(d.state.params.a).toBe(0.7);
    expect(d.ignored).toEqual([]);
  });
});
