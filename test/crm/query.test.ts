import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EMPTY_QUERY,
  MAX_SEARCH_LENGTH,
  filterRows,
  normaliseSearch,
  paginate,
  rankStrings,
  runQuery,
  sanitiseQuery,
  searchKey,
  sortRows,
  type CrmFilter,
} from '../../src/lib/crm/query';
import { CRM_KEYS, CrmIndex, cellFormatter, crmRecordAt } from '../../src/lib/crm/columns';
import { generateCompany, toCrmRecords } from '../../simulations/index';
import { nameKey } from '../../simulations/company/names';

const company = generateCompany(7, { customers: 600 });
const c = company.customers;

/** Small synthetic columns for property tests. */
const columnsArb = fc.integer({ min: 0, max: 60 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    region: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: n, maxLength: n }),
    industry: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
    channel: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    international: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    annualRevenue: fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: n, maxLength: n }),
    text: fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: n, maxLength: n }),
  }),
);

const filterArb: fc.Arbitrary<CrmFilter> = fc.record({
  search: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constant('')),
  region: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
  industry: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
  channel: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  market: fc.constantFrom('all', 'domestic', 'international') as fc.Arbitrary<CrmFilter['market']>,
  revenueMin: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: null }),
  revenueMax: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: null }),
});

describe('filterRows', () => {
  it('never returns an index out of range, returns ascending unique indices, and every row passes the filter', () => {
    fc.assert(
      fc.property(columnsArb, filterArb, (cols, f) => {
        const search = cols.text.map(searchKey);
        const out = filterRows(cols, search, f);
        const terms = normaliseSearch(f.search).text.split(' ').filter(Boolean);
        for (let p = 0; p < out.length; p++) {
          const i = out[p];
          expect(i).toBeLessThan(cols.n);
          if (p > 0) expect(i).toBeGreaterThan(out[p - 1]);
          if (f.region !== null) expect(cols.region[i]).toBe(f.region);
          if (f.market === 'international') expect(cols.international[i]).toBe(1);
          if (f.revenueMin !== null) expect(cols.annualRevenue[i]).toBeGreaterThanOrEqual(f.revenueMin);
          for (const t of terms) expect(search[i]).toContain(t);
        }
        // and it misses nothing: the complement fails some condition
        const kept = new Set(out);
        for (let i = 0; i < cols.n; i++) {
          if (kept.has(i)) continue;
          const passes =
            (f.region === null || cols.region[i] === f.region) &&
            (f.industry === null || cols.industry[i] === f.industry) &&
            (f.channel === null || cols.channel[i] === f.channel) &&
            (f.market !== 'domestic' || cols.international[i] !== 1) &&
            (f.market !== 'international' || cols.international[i] === 1) &&
            (f.revenueMin === null || cols.annualRevenue[i] >= f.revenueMin) &&
            (f.revenueMax === null || cols.annualRevenue[i] <= f.revenueMax) &&
            terms.every((t) => search[i].includes(t));
          expect(passes).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('search with arbitrary unicode, markup and huge strings never throws', () => {
    const search = Array.from({ length: c.n }, (_, i) => `kc-${i}`);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constant('<img src=x onerror=alert(1)>'), fc.constant('𝒳'.repeat(6000))), (s) => {
        const out = filterRows(c, search, { ...EMPTY_QUERY, search: s });
        expect(out.length).toBeLessThanOrEqual(c.n);
      }),
      { numRuns: 200 },
    );
  });

  it('matches every word anywhere, case- and width-insensitively', () => {
    const index = new CrmIndex(company, 'en');
    const text = index.searchText();
    const all = filterRows(c, text, { ...EMPTY_QUERY, search: 'KC-000012' });
    expect(Array.from(all)).toEqual([11]);
    const fullWidth = filterRows(c, text, { ...EMPTY_QUERY, search: 'ｋｃ－００００１２' });
    expect(Array.from(fullWidth)).toEqual([11]);
    const region = company.regions[c.region[0]].name.en;
    const both = filterRows(c, text, { ...EMPTY_QUERY, search: `  ${region.toUpperCase()}   kc-0000 ` });
    expect(both.length).toBeGreaterThan(0);
    for (const i of both) expect(c.region[i]).toBe(c.region[0]);
  });
});

describe('sortRows', () => {
  it('is a stable, total permutation of its input (NaN last)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(Number.NaN)), { maxLength: 80 }),
        fc.constantFrom('asc', 'desc') as fc.Arbitrary<'asc' | 'desc'>,
        fc.boolean(),
        (keys, dir, shuffle) => {
          const input = Uint32Array.from(keys.keys());
          if (shuffle) input.reverse();
          const before = input.slice();
          const out = sortRows(input, keys, dir);
          expect(Array.from(input)).toEqual(Array.from(before)); // input untouched
          expect([...out].sort((a, b) => a - b)).toEqual([...input].sort((a, b) => a - b));
          const posIn = new Map([...input].map((v, p) => [v, p]));
          for (let p = 1; p < out.length; p++) {
            const a = keys[out[p - 1]];
            const b = keys[out[p]];
            if (Number.isNaN(a)) {
              expect(Number.isNaN(b)).toBe(true);
              expect(posIn.get(out[p])!).toBeGreaterThan(posIn.get(out[p - 1])!);
            } else if (!Number.isNaN(b)) {
              if (dir === 'asc') expect(a).toBeLessThanOrEqual(b);
              else expect(a).toBeGreaterThanOrEqual(b);
              if (a === b) expect(posIn.get(out[p])!).toBeGreaterThan(posIn.get(out[p - 1])!); // stable
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ranks strings by collation and sorts the company by name and revenue', () => {
    const collator = new Intl.Collator('en');
    expect(Array.from(rankStrings(['b', 'a', 'b', 'C'], collator))).toEqual([1, 0, 1, 2]);
    const index = new CrmIndex(company, 'en');
    const byRevenue = runQuery(c, null, { ...EMPTY_QUERY, sortKey: 'annualRevenue', sortDir: 'desc' }, (k) => index.sortKey(k));
    expect(byRevenue.length).toBe(c.n);
    for (let p = 1; p < byRevenue.length; p++) expect(c.annualRevenue[byRevenue[p - 1]]).toBeGreaterThanOrEqual(c.annualRevenue[byRevenue[p]]);
    const byName = runQuery(c, null, { ...EMPTY_QUERY, sortKey: 'name' }, (k) => index.sortKey(k));
    const names = Array.from(byName, (i) => index.record(i).name.en);
    for (let p = 1; p < names.length; p++) expect(collator.compare(names[p - 1], names[p])).toBeLessThanOrEqual(0);
    const byLast = runQuery(c, null, { ...EMPTY_QUERY, sortKey: 'lastOrderDate' }, (k) => index.sortKey(k));
    const dates = Array.from(byLast, (i) => index.record(i).lastOrderDate);
    for (let p = 1; p < dates.length; p++) expect(dates[p - 1] <= dates[p]).toBe(true);
    // every listed column has a sort key of the right length
    for (const key of CRM_KEYS) expect(index.sortKey(key)?.length).toBe(c.n);
    expect(index.sortKey('nonsense')).toBeNull();
  });
});

describe('paginate, normaliseSearch and sanitiseQuery', () => {
  it('clamps windows to the data', () => {
    expect(paginate(100, 95, 20)).toEqual({ start: 95, end: 100 });
    expect(paginate(0, 10, 20)).toEqual({ start: 0, end: 0 });
    expect(paginate(10, -5, 3)).toEqual({ start: 0, end: 3 });
    expect(paginate(10, Number.NaN, Number.POSITIVE_INFINITY)).toEqual({ start: 0, end: 0 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.double(), fc.double(), (t, s, n) => {
        const w = paginate(t, s, n);
        expect(w.start).toBeGreaterThanOrEqual(0);
        expect(w.end).toBeLessThanOrEqual(t);
        expect(w.start).toBeLessThanOrEqual(w.end);
      }),
    );
  });

  it('cuts long search text and keeps surrogate pairs whole', () => {
    const long = normaliseSearch('a'.repeat(10_000));
    expect(long.truncated).toBe(true);
    expect(long.text.length).toBe(MAX_SEARCH_LENGTH);
    const emoji = normaliseSearch('x' + '😀'.repeat(200));
    expect(emoji.text.endsWith('\uD83D')).toBe(false);
    expect(normaliseSearch(42 as unknown as string)).toEqual({ text: '', truncated: false });
  });

  it('turns malformed queries into safe defaults', () => {
    expect(sanitiseQuery(null, CRM_KEYS)).toEqual(EMPTY_QUERY);
    const q = sanitiseQuery({ search: 'x'.repeat(5000), region: -1, industry: 2.5, channel: 3, market: 'mars', revenueMin: 9e6, revenueMax: 1e3, sortKey: '__proto__', sortDir: 'desc' }, CRM_KEYS);
    expect(q.search.length).toBe(MAX_SEARCH_LENGTH);
    expect([q.region, q.industry, q.channel, q.market]).toEqual([null, null, 3, 'all']);
    expect([q.revenueMin, q.revenueMax]).toEqual([1e3, 9e6]);
    expect([q.sortKey, q.sortDir]).toEqual([null, 'desc']);
  });
});

describe('crmRecordAt and cellFormatter', () => {
  it('builds exactly the records of the engine CSV export', () => {
    const expected = toCrmRecords(company, { limit: 250 });
    const key = nameKey(company.seed);
    for (let i = 0; i < expected.length; i++) expect(crmRecordAt(company, key, i)).toEqual(expected[i]);
  });

  it('formats money, dates and labels per locale, never NaN', () => {
    const rec = crmRecordAt(company, nameKey(company.seed), 0);
    const en = cellFormatter('en');
    const zh = cellFormatter('zh-cn');
    expect(en(rec, 'annualRevenue')).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(rec.annualRevenue));
    expect(zh(rec, 'annualRevenue')).toMatch(/US\$|\$/);
    expect(zh(rec, 'international')).toMatch(/^(国内|海外)$/);
    expect(zh(rec, 'lastOrderDate')).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(en({ ...rec, annualRevenue: Number.NaN }, 'annualRevenue')).toBe('–');
    for (const key of CRM_KEYS) expect(en(rec, key)).not.toMatch(/NaN|undefined|\[object/);
  });
});
