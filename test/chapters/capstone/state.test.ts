import { describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGY } from '../../../simulations/strategy/levers';
import { defaultSpec } from '../../../src/lib/capstone/builder';
import { capShareUrl, decodeCapState, defaultCapState, encodeCapState, keepKnownStrategies, type CapState } from '../../../src/lib/capstone/state';

const reasons = (search: string) => decodeCapState(search).ignored.map((i) => `${i.param}:${i.reason}`);

describe('capstone URL state', () => {
  it('without cap.* parameters: the defaults, nothing ignored', () => {
    const d = decodeCapState('?lab=value&seed=7');
    expect(d.present).toBe(false);
    expect(d.ignored).toEqual([]);
    expect(d.state).toEqual(defaultCapState());
  });

  it('fixed contract: ?cap.scenario=demand-shock selects that preset, no notice', () => {
    const d = decodeCapState('?cap.scenario=demand-shock');
    expect(d.present).toBe(true);
    expect(d.state.scenario).toBe('demand-shock');
    expect(d.state.customers).toBe(2000);
    expect(d.ignored).toEqual([]);
    for (const key of ['none', 'tariff-rise', 'new-product-launch', 'demand-shift']) expect(decodeCapState(`?cap.scenario=${key}`).state.scenario).toBe(key);
  });

  it('fixed contract: ?cap.method=kmeans&cap.k=5 selects k-means with k = 5, no notice', () => {
    const d = decodeCapState('?cap.method=kmeans&cap.k=5');
    expect(d.state.spec.method).toBe('kmeans');
    expect((d.state.spec.params as { k: number }).k).toBe(5);
    expect(d.ignored).toEqual([]);
  });

  it('round-trips a full state exactly', () => {
    const state: CapState = {
      seed: 1234,
      customers: 20000,
      scenario: 'tariff-rise',
      spec: { method: 'kmeans', params: { k: 4, features: ['annualRevenue', 'newProductShare', 'requiredLeadTimeDays'], seed: 9 } },
      strategies: {
        'cluster-1': { ...DEFAULT_STRATEGY, supplyChain: 'responsive', serviceLevel: 0.97, delivery: 'priority' },
        'cluster-3': { ...DEFAULT_STRATEGY, service: 'premium', discount: 0.05 },
      },
    };
    const url = capShareUrl('https://example.org/en/lessons/07-capstone/?lab=value&seed=3#x', state);
    const u = new URL(url);
    expect(u.searchParams.get('lab')).toBe('value'); // other islands' parameters are kept
    expect(u.hash).toBe('#capstone');
    const back = decodeCapState(u.search);
    expect(back.ignored).toEqual([]);
    expect(back.state).toEqual(state);
    expect(encodeCapState(back.state)).toEqual(encodeCapState(state));
  });

  it('round-trips the default rules spec and drops strategies equal to the default', () => {
    const state: CapState = { ...defaultCapState(), strategies: { core: { ...DEFAULT_STRATEGY } } };
    const params = encodeCapState(state);
    expect(params.some(([k]) => k.startsWith('cap.s.'))).toBe(false);
    const back = decodeCapState(new URLSearchParams(params));
    expect(back.state.spec).toEqual(defaultSpec());
    expect(back.state.strategies).toEqual({});
  });

  it('bad values fall back to defaults and are listed with their reason', () => {
    const d = decodeCapState('?cap.scenario=meteor&cap.customers=5000&cap.seed=abc&cap.s.core=zzz&cap.s.key-accounts=r_0.2_c_s_s_s_0&cap.bogus=1&cap.method=kmeans&cap.k=12');
    expect(d.state.scenario).toBe('none');
    expect(d.state.customers).toBe(2000);
    expect(d.state.seed).toBe(42);
    expect(d.state.strategies).toEqual({});
    expect(d.state.spec.method).toBe('kmeans');
    expect(reasons('?cap.scenario=meteor&cap.customers=5000&cap.seed=abc&cap.s.core=zzz&cap.s.key-accounts=r_0.2_c_s_s_s_0&cap.bogus=1&cap.method=kmeans&cap.k=12')).toEqual([
      'cap.scenario:unknown',
      'cap.customers:range',
      'cap.seed:malformed',
      'cap.s.core:malformed',
      'cap.s.key-accounts:range',
      'cap.bogus:unknown',
      'cap.k:range',
    ]);
    expect(reasons('?cap.seed=1000000&cap.customers=2e3&cap.s.bad%20key=e_0.95_c_s_s_s_0')).toEqual(['cap.seed:range', 'cap.customers:malformed', 'cap.s.bad key:malformed']);
    expect(reasons('?cap.scenario=none&cap.scenario=demand-shock')).toEqual(['cap.scenario:malformed']);
  });

  it('strategies for segments the segmentation does not have are reported, not kept', () => {
    const s = { ...DEFAULT_STRATEGY, service: 'premium' as const };
    const r = keepKnownStrategies({ core: s, 'cluster-9': s }, ['core', 'overseas']);
    expect(r.strategies).toEqual({ core: s });
    expect(r.ignored).toEqual([{ param: 'cap.s.cluster-9', value: 'e_0.95_c_s_p_s_0', reason: 'unknown' }]);
  });

  it('never throws on hostile input', () => {
    for (const q of ['?cap.', '?cap.s.=1', '?%E0%A4%A=1', `?cap.seed=${'9'.repeat(400)}`, '?cap.method=rules&cap.rules=,,,', '?cap.t.key-accounts.annualRevenue=NaN']) {
      expect(() => decodeCapState(q)).not.toThrow();
    }
  });
});
