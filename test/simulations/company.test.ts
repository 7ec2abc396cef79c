import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ARCHETYPES,
  CHANNELS,
  EngineError,
  PRODUCTS,
  generateCompany,
  toCrmRecords,
  toCsv,
  csvField,
  CRM_COLUMNS,
  type Company,
  type CustomerTable,
} from '../../simulations/index';

const ARRAY_KEYS = (Object.keys(generateCompany(1, { customers: 50 }).customers) as (keyof CustomerTable)[]).filter((k) => k !== 'n');

function columnsJson(c: Company): string {
  return JSON.stringify(ARRAY_KEYS.map((k) => Array.from(c.customers[k] as ArrayLike<number>)));
}

function allFinite(c: Company): boolean {
  for (const k of ARRAY_KEYS) {
    const a = c.customers[k] as ArrayLike<number>;
    if (a.length !== c.customers.n) return false;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  }
  return true;
}

function pearson(x: ArrayLike<number>, y: ArrayLike<number>, fx = (v: number) => v, fy = (v: number) => v): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += fx(x[i]);
    my += fy(y[i]);
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = fx(x[i]) - mx;
    const b = fy(y[i]) - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('generateCompany: structure', () => {
  const c = generateCompany(42);
  it('is Kestrel Electronics / 隼科电子 with 2,000 customers by default', () => {
    expect(c.name).toEqual({ en: 'Kestrel Electronics', 'zh-cn': '隼科电子' });
    expect(c.customers.n).toBe(2000);
    expect(c.seed).toBe(42);
  });
  it('uses typed arrays of length n for every attribute', () => {
    for (const k of ARRAY_KEYS) {
      const a = c.customers[k];
      expect(ArrayBuffer.isView(a), k).toBe(true);
      expect((a as ArrayLike<number>).length, k).toBe(2000);
    }
  });
  it('has a plant, a central DC and regional warehouses that serve every region', () => {
    expect(c.facilities.filter((f) => f.kind === 'plant')).toHaveLength(1);
    expect(c.facilities.filter((f) => f.kind === 'central-dc')).toHaveLength(1);
    expect(c.facilities.filter((f) => f.kind === 'regional-warehouse').length).toBeGreaterThanOrEqual(3);
    for (const r of c.regions) {
      expect(c.facilities[r.warehouse].kind).not.toBe('plant');
      expect(r.index).toBe(c.regions.indexOf(r));
    }
    expect(c.regions.filter((r) => !r.international).length).toBeGreaterThanOrEqual(4);
    expect(c.regions.filter((r) => r.international).length).toBeGreaterThanOrEqual(3);
    for (const r of c.regions) {
      if (r.international) expect(r.distanceKm).toBeGreaterThan(3000);
      else expect(r.dutyRate).toBe(0);
    }
  });
  it('codes stay inside their lookup lists', () => {
    const cu = c.customers;
    for (let i = 0; i < cu.n; i++) {
      expect(cu.region[i]).toBeLessThan(c.regions.length);
      expect(cu.channel[i]).toBeLessThan(CHANNELS.length);
      expect(cu.industry[i]).toBeLessThan(c.industries.length);
      expect(cu.archetype[i]).toBeLessThan(c.archetypes.length);
      expect(cu.international[i]).toBe(c.regions[cu.region[i]].international ? 1 : 0);
      expect(cu.dutyRate[i]).toBe(c.regions[cu.region[i]].dutyRate);
    }
  });
  it('order value × orders per year reproduces annual revenue', () => {
    const cu = c.customers;
    for (let i = 0; i < cu.n; i += 37) expect(cu.avgOrderValue[i] * cu.ordersPerYear[i]).toBeCloseTo(cu.annualRevenue[i], 4);
  });
});

describe('products calibrated to Fisher (1997)', () => {
  const fresh = PRODUCTS.filter((p) => p.lifecycle === 'new');
  const mature = PRODUCTS.filter((p) => p.lifecycle === 'mature');
  it('has at least 4 new and 4 mature products', () => {
    expect(fresh.length).toBeGreaterThanOrEqual(4);
    expect(mature.length).toBeGreaterThanOrEqual(4);
  });
  it('innovative: life 13–52 weeks, margin 20–40 %, demand CV 0.4–1.0', () => {
    for (const p of fresh) {
      expect(p.lifeWeeks).toBeGreaterThanOrEqual(13);
      expect(p.lifeWeeks).toBeLessThanOrEqual(52);
      const m = (p.price - p.unitCost) / p.price;
      expect(m).toBeGreaterThanOrEqual(0.2);
      expect(m).toBeLessThanOrEqual(0.4);
      expect(p.demandCv).toBeGreaterThanOrEqual(0.4);
      expect(p.demandCv).toBeLessThanOrEqual(1);
    }
  });
  it('functional: life > 104 weeks, margin 5–20 %, demand CV 0.05–0.2', () => {
    for (const p of mature) {
      expect(p.lifeWeeks).toBeGreaterThan(104);
      const m = (p.price - p.unitCost) / p.price;
      expect(m).toBeGreaterThanOrEqual(0.05);
      expect(m).toBeLessThanOrEqual(0.2);
      expect(p.demandCv).toBeGreaterThanOrEqual(0.05);
      expect(p.demandCv).toBeLessThanOrEqual(0.2);
    }
  });
});

describe('generateCompany: distributions (seed 7, n = 20,000)', () => {
  const c = generateCompany(7, { customers: 20_000 });
  const cu = c.customers;
  it('archetype shares match their weights within 1.5 pp', () => {
    const counts = new Array(ARCHETYPES.length).fill(0);
    for (let i = 0; i < cu.n; i++) counts[cu.archetype[i]]++;
    ARCHETYPES.forEach((a, k) => expect(Math.abs(counts[k] / cu.n - a.weight)).toBeLessThan(0.015));
  });
  it('revenue is heavy-tailed: the top 20 % of customers bring 70–85 % of revenue', () => {
    const rev = Array.from(cu.annualRevenue).sort((a, b) => b - a);
    const total = rev.reduce((s, x) => s + x, 0);
    const top = rev.slice(0, cu.n / 5).reduce((s, x) => s + x, 0) / total;
    expect(top).toBeGreaterThan(0.7);
    expect(top).toBeLessThan(0.85);
    const mean = total / cu.n;
    expect(mean).toBeGreaterThan(rev[cu.n / 2] * 3); // mean far above median
  });
  it('attributes are correlated as documented', () => {
    expect(pearson(cu.newProductShare, cu.grossMargin)).toBeGreaterThan(0.3);
    expect(pearson(cu.newProductShare, cu.demandCv)).toBeGreaterThan(0.3);
    expect(pearson(cu.priceSensitivity, cu.qualityRequirement)).toBeLessThan(-0.2);
    expect(pearson(cu.supportNeed, cu.customisationNeed)).toBeGreaterThan(0.3);
    expect(pearson(cu.annualRevenue, cu.ordersPerYear, Math.log, Math.log)).toBeGreaterThan(0.2);
    expect(pearson(cu.annualRevenue, cu.tenureYears, Math.log)).toBeGreaterThan(0.1);
  });
  it('retention: B2B archetypes average 0.70–0.90, small online buyers 0.55–0.75', () => {
    const sum = new Array(ARCHETYPES.length).fill(0);
    const cnt = new Array(ARCHETYPES.length).fill(0);
    for (let i = 0; i < cu.n; i++) {
      sum[cu.archetype[i]] += cu.retention[i];
      cnt[cu.archetype[i]]++;
    }
    ARCHETYPES.forEach((a, k) => {
      const m = sum[k] / cnt[k];
      if (a.key === 'small-online') {
        expect(m).toBeGreaterThan(0.55);
        expect(m).toBeLessThan(0.75);
      } else if (a.key !== 'key-accounts') {
        expect(m).toBeGreaterThan(0.7);
        expect(m).toBeLessThan(0.9);
      } else expect(m).toBeGreaterThan(0.85);
    });
  });
  it('overseas distributors are all international; margins stay within bounds', () => {
    const k = ARCHETYPES.findIndex((a) => a.key === 'overseas-distributors');
    for (let i = 0; i < cu.n; i++) {
      if (cu.archetype[i] === k) expect(cu.international[i]).toBe(1);
      expect(cu.grossMargin[i] >= 0.02 && cu.grossMargin[i] <= 0.6).toBe(true);
    }
  });
});

describe('generateCompany: determinism, validity, speed', () => {
  it('same seed gives byte-identical arrays; another seed differs', () => {
    expect(columnsJson(generateCompany('class-A', { customers: 500 }))).toBe(columnsJson(generateCompany('class-A', { customers: 500 })));
    expect(columnsJson(generateCompany('class-A', { customers: 500 }))).not.toBe(columnsJson(generateCompany('class-B', { customers: 500 })));
  });

  it('property: any seed and any n in 50..600 gives finite values inside their documented ranges', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string({ minLength: 1, maxLength: 20 })), fc.integer({ min: 50, max: 600 }), (seed, n) => {
        const c = generateCompany(seed, { customers: n });
        const cu = c.customers;
        if (cu.n !== n || !allFinite(c)) return false;
        for (let i = 0; i < n; i++) {
          for (const a of [cu.priceSensitivity, cu.qualityRequirement, cu.supportNeed, cu.customisationNeed, cu.newProductShare])
            if (!(a[i] >= 0 && a[i] <= 1)) return false;
          if (cu.retention[i] < 0.3 || cu.retention[i] > 0.99) return false;
          if (cu.requiredLeadTimeDays[i] < 1 || cu.requiredLeadTimeDays[i] > 120) return false;
          if (cu.annualRevenue[i] <= 0 || cu.ordersPerYear[i] < 1 || cu.recencyWeeks[i] < 0 || cu.recencyWeeks[i] > 104) return false;
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });

  // generation time for 200,000 customers is measured by `npm run bench`, not asserted here
  it('generates 200,000 customers with no NaN', () => {
    const c = generateCompany(4, { customers: 200_000 });
    expect(c.customers.n).toBe(200_000);
    expect(allFinite(c)).toBe(true);
  });

  it.each([
    [{ customers: 10 }, 'customers', 'customers: 10 is out of range (allowed integer 50..200000)'],
    [{ customers: 49 }, 'customers', 'customers: 49 is out of range'],
    [{ customers: 200_001 }, 'customers', 'customers: 200001 is out of range'],
    [{ customers: 100.5 }, 'customers', 'customers: 100.5 is not an integer'],
    [{ customers: '100' }, 'customers', 'customers: "100" is not a finite number'],
    [{ customers: NaN }, 'customers', 'customers: NaN is not a finite number'],
    [{ size: 100 }, 'options.size', 'options.size: 100 is not a known parameter'],
  ])('rejects %j with an EngineError naming %s', (options, field, message) => {
    try {
      generateCompany(1, options as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).field).toBe(field);
      expect((e as EngineError).message).toContain(message);
    }
  });

  it('rejects a bad seed', () => {
    expect(() => generateCompany(NaN)).toThrow(EngineError);
    expect(() => generateCompany('')).toThrow(/seed/);
  });

  it('does not mutate its options (frozen input works and stays equal)', () => {
    const opts = Object.freeze({ customers: 120 });
    generateCompany(1, opts);
    expect(opts).toEqual({ customers: 120 });
  });
});

describe('CRM export', () => {
  const c = generateCompany(42, { customers: 300 });
  it('ids are KC-000001 … and names exist in both languages', () => {
    const recs = toCrmRecords(c);
    expect(recs).toHaveLength(300);
    expect(recs[0].id).toBe('KC-000001');
    expect(recs[299].id).toBe('KC-000300');
    expect(new Set(recs.map((r) => r.id)).size).toBe(300);
    for (const r of recs) {
      expect(r.name.en.length).toBeGreaterThan(5);
      expect(r.name['zh-cn']).toMatch(/公司$/);
      expect(r.archetype).toBeUndefined();
      expect(r.customerSince <= r.lastOrderDate || r.lastOrderDate <= '2026-01-01').toBe(true);
      expect(r.lastOrderDate <= '2026-01-01').toBe(true);
    }
    const domestic = recs.find((r) => !r.international)!;
    expect(domestic.name['zh-cn']).toMatch(/有限公司$/);
    expect(domestic.country['zh-cn']).toBe('中国');
  });
  it('a customer keeps its name whatever the size of the company', () => {
    const small = toCrmRecords(generateCompany(42, { customers: 50 }));
    const big = toCrmRecords(c);
    // same seed and index → same name when industry and region agree
    for (let i = 0; i < 50; i++) if (small[i].industry.en === big[i].industry.en && small[i].region.en === big[i].region.en) expect(small[i].name).toEqual(big[i].name);
  });
  it('includes the answer key only when asked', () => {
    const recs = toCrmRecords(c, { includeArchetype: true, limit: 5 });
    expect(recs).toHaveLength(5);
    expect(recs[0].archetype?.en).toBe(c.archetypes[c.customers.archetype[0]].en);
  });
  it('csvField quotes per RFC 4180 and guards against formula injection', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-12', false)).toBe('-12');
  });

  /** Minimal RFC 4180 parser used to check the export round-trips. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        row.push(field);
        field = '';
      } else if (ch === '\r' && text[i + 1] === '\n') {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
        i++;
      } else field += ch;
    }
    return rows;
  }

  it.each([['en' as const], ['zh-cn' as const]])('%s CSV has a header plus one row per customer, all with the same column count', (lang) => {
    const csv = toCsv(c, lang);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(301);
    expect(rows[0]).toEqual(CRM_COLUMNS.map((col) => col.label[lang]));
    for (const r of rows) expect(r).toHaveLength(CRM_COLUMNS.length);
    expect(rows[1][0]).toBe('KC-000001');
    const recs = toCrmRecords(c);
    expect(rows[1][1]).toBe(recs[0].name[lang]);
    expect(Number(rows[1][7])).toBe(recs[0].annualRevenue);
  });
  it('labels are in the requested language, with an optional BOM for Excel', () => {
    const zh = toCsv(c, 'zh-cn', { bom: true, limit: 3 });
    expect(zh.charCodeAt(0)).toBe(0xfeff);
    expect(zh).toContain('客户名称');
    expect(zh).toContain('最后一次成交时间');
    expect(toCsv(c, 'en', { limit: 3 })).toContain('Account Name');
  });
  it('is deterministic and rejects bad options', () => {
    expect(toCsv(c, 'en')).toBe(toCsv(generateCompany(42, { customers: 300 }), 'en'));
    expect(() => toCsv(c, 'fr' as never)).toThrow('lang: "fr" is not allowed (allowed en|zh-cn)');
    expect(() => toCsv(c, 'en', { limit: 0 })).toThrow(EngineError);
    expect(() => toCsv(c, 'en', { bom: 'yes' as never })).toThrow(/options.bom/);
  });
});
