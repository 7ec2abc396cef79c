/**
 * generateCompany(seed, options): the fictional manufacturer Kestrel Electronics / 隼科电子 with
 * its facilities, regions, products and N customers (columnar, typed arrays).
 *
 * Each customer is drawn from one hidden archetype (archetypes.ts), then its attributes are drawn
 * around the archetype's parameters with within-archetype correlations from shared latent normal
 * factors (documented in MODEL.md §1.4):
 * - zSize drives annual revenue (log-normal, heavy-tailed), order frequency, tenure and retention;
 * - zPQ opposes price sensitivity and quality requirement;
 * - zSvc links support need and customisation need.
 * Gross margin and demand variability are not drawn per archetype but DERIVED from the product mix
 * (share of new products) and needs, so they correlate with the lifecycle lens as in Fisher (1997).
 */
import type { Company, CustomerTable, GenerateOptions } from '../types';
import { CHANNELS } from '../types';
import { EngineError, checkNumber, checkObject, checkKnownKeys } from '../errors';
import { createRng, deriveSeed } from '../random/rng';
import { categoricalCum, cumulative, exponential, gamma, logitNormal, standardNormal } from '../random/distributions';
import { ARCHETYPES, INDUSTRIES, PAYMENT_TERMS_DAYS } from './archetypes';
import { FACILITIES, REGIONS } from './regions';
import { PRODUCTS, classMargin } from './products';

/** Gross-margin points given away per unit of price sensitivity above 0.5 (negotiated price
 * concessions and volume rebates; model value). The simulation prices each customer at the net
 * price this margin implies (MODEL.md §1.4, §4.5). */
export const PRICE_CONCESSION = 0.27;
/** Price sensitivity below which a buyer gets no concession (pays list). */
export const CONCESSION_FLOOR = 0.2;

/** Bargaining power 0..1 from annual revenue (USD/yr): 0 at USD 10,000 or less, 1 at USD 1,000,000
 * or more, linear in log10 between (big buyers win volume rebates; model value). */
export function bargainingPower(annualRevenue: number): number {
  const p = Math.log10(Math.max(1, annualRevenue) / 10_000) / 2;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

export const MIN_CUSTOMERS = 50;
export const MAX_CUSTOMERS = 200_000;
export const DEFAULT_GENERATE_OPTIONS: Required<GenerateOptions> = { customers: 2000 };

/** Kestrel's name in both languages (used everywhere with exactly these spellings). */
export const COMPANY_NAME = { en: 'Kestrel Electronics', 'zh-cn': '隼科电子' } as const;

/** Allocate an empty customer table of size n. */
export function allocateCustomers(n: number): CustomerTable {
  const f = () => new Float64Array(n);
  const u = () => new Uint8Array(n);
  return {
    n,
    archetype: u(),
    industry: u(),
    priceSensitivity: f(),
    qualityRequirement: f(),
    requiredLeadTimeDays: f(),
    supportNeed: f(),
    customisationNeed: f(),
    annualRevenue: f(),
    grossMargin: f(),
    tenureYears: f(),
    retention: f(),
    growth: f(),
    region: u(),
    international: u(),
    distanceKm: f(),
    dutyRate: f(),
    newProductShare: f(),
    ordersPerYear: f(),
    avgOrderValue: f(),
    channel: u(),
    paymentTermsDays: f(),
    demandCv: f(),
    recencyWeeks: f(),
  };
}

/**
 * Within-archetype spreads (model assumptions, tuned so that archetypes overlap: a single lens
 * recovers part of the structure (ARI ≈ 0.1–0.5) and k-means on good features most of it (≈ 0.6–0.8)).
 * NEED_SPREAD: sd of the needs scores on the logit scale; LEAD_TIME_SIGMA: log-scale sd of the required
 * lead time; NEW_SHARE_SPREAD: logit-scale sd of the share of new products.
 */
export const NEED_SPREAD = 0.9;
export const LEAD_TIME_SIGMA = 0.55;
export const NEW_SHARE_SPREAD = 1.0;

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** Validate and merge options; throws EngineError naming the field. */
export function resolveGenerateOptions(options: unknown): Required<GenerateOptions> {
  const o = checkObject('options', options);
  checkKnownKeys('options', o, ['customers']);
  const customers =
    o.customers === undefined
      ? DEFAULT_GENERATE_OPTIONS.customers
      : checkNumber('customers', o.customers, MIN_CUSTOMERS, MAX_CUSTOMERS, { integer: true });
  return { customers };
}

/**
 * Build the company. Deterministic: the same (seed, options) gives byte-identical arrays.
 * @param seed any finite number or non-empty string; shared links carry it
 * @param options `{ customers }` 50..200000 (default 2000)
 */
export function generateCompany(seed: number | string, options: GenerateOptions = {}): Company {
  const { customers: n } = resolveGenerateOptions(options);
  if (typeof seed !== 'number' && typeof seed !== 'string') throw new EngineError('seed', seed, 'a finite number or a string of 1..200 characters');
  const rng = createRng(deriveSeed(seed, 'customers'));
  const c = allocateCustomers(n);

  const archetypeCum = cumulative(ARCHETYPES.map((a) => a.weight));
  const tables = ARCHETYPES.map((a) => ({
    industry: cumulative(a.industries),
    region: cumulative(a.regions),
    channel: cumulative(a.channels),
    terms: cumulative(a.paymentTerms),
  }));
  // mean gross margin of new vs mature products at list price (products.ts, Fisher 1997 bands)
  const marginNew = classMargin('new');
  const marginMature = classMargin('mature');

  for (let i = 0; i < n; i++) {
    const a = categoricalCum(rng, archetypeCum);
    const p = ARCHETYPES[a];
    const t = tables[a];
    c.archetype[i] = a;
    c.industry[i] = categoricalCum(rng, t.industry);

    // --- needs (0..1 scores on a logit-normal, correlated through zPQ and zSvc) ---
    const zPQ = standardNormal(rng);
    const zSvc = standardNormal(rng);
    c.priceSensitivity[i] = logitNormal(p.priceSensitivity, NEED_SPREAD, 0.7 * zPQ + 0.714 * standardNormal(rng));
    c.qualityRequirement[i] = logitNormal(p.qualityRequirement, NEED_SPREAD, -0.5 * zPQ + 0.866 * standardNormal(rng));
    c.supportNeed[i] = logitNormal(p.supportNeed, NEED_SPREAD, 0.8 * zSvc + 0.6 * standardNormal(rng));
    c.customisationNeed[i] = logitNormal(p.customisationNeed, NEED_SPREAD, 0.6 * zSvc + 0.8 * standardNormal(rng));
    // required lead time, days: log-normal around the archetype median, 1..120 days
    c.requiredLeadTimeDays[i] = clamp(p.leadTimeDays * Math.exp(LEAD_TIME_SIGMA * standardNormal(rng)), 1, 120);

    // --- value ---
    const zSize = standardNormal(rng);
    // annual revenue, USD/yr: log-normal (heavy right tail), median and sigma per archetype
    const revenue = clamp(p.revenueMedian * Math.exp(p.revenueSigma * zSize), 500, 50_000_000);
    c.annualRevenue[i] = revenue;
    // tenure, years: gamma(shape 2) with the archetype mean, longer for larger customers
    c.tenureYears[i] = clamp(gamma(rng, 2, p.tenureYears / 2) * Math.exp(0.2 * zSize), 0.1, 40);
    // retention probability per year: logit-normal around the archetype mean, higher for larger customers
    c.retention[i] = clamp(logitNormal(p.retention, 0.45, 0.35 * zSize + 0.937 * standardNormal(rng)), 0.3, 0.99);
    c.growth[i] = clamp(p.growth + 0.05 * standardNormal(rng), -0.3, 1);

    // --- geography ---
    const r = categoricalCum(rng, t.region);
    const reg = REGIONS[r];
    c.region[i] = r;
    c.international[i] = reg.international ? 1 : 0;
    // distance, km: region hub distance with a spread for where in the region the customer sits
    c.distanceKm[i] = reg.distanceKm * Math.exp((reg.international ? 0.1 : 0.25) * standardNormal(rng));
    c.dutyRate[i] = reg.dutyRate;

    // --- product lifecycle ---
    const share = logitNormal(p.newProductShare, NEW_SHARE_SPREAD, standardNormal(rng));
    c.newProductShare[i] = share;

    // gross margin on the mix (fraction): mix of class margins, minus price concessions to
    // price-sensitive buyers (PRICE_CONCESSION per unit of sensitivity: a buyer at 0.95 gets ~7 pp
    // off, taking a functional-product margin from ~15 % to ~6 %, the bottom of Fisher's 5–20 % band), plus a premium for customised products; noise sd 1.5 pp
    c.grossMargin[i] = clamp(
      share * marginNew + (1 - share) * marginMature - PRICE_CONCESSION * bargainingPower(c.annualRevenue[i]) * Math.max(0, c.priceSensitivity[i] - CONCESSION_FLOOR) + 0.04 * c.customisationNeed[i] + 0.015 * standardNormal(rng),
      0.02,
      0.6,
    );

    // --- behaviour ---
    const orders = clamp(p.ordersPerYear * Math.exp(0.3 * zSize + 0.35 * standardNormal(rng)), 1, 365);
    c.ordersPerYear[i] = orders;
    c.avgOrderValue[i] = revenue / orders;
    c.channel[i] = categoricalCum(rng, t.channel);
    c.paymentTermsDays[i] = PAYMENT_TERMS_DAYS[categoricalCum(rng, t.terms)];
    // weekly demand CV: innovative products are less predictable (Fisher 1997: forecast error
    // ~10 % functional vs 40–100 % innovative), scaled by the archetype's lumpiness and by size
    c.demandCv[i] = clamp((0.12 + 0.6 * share) * p.cvFactor * Math.exp(0.2 * standardNormal(rng) - 0.1 * zSize), 0.05, 3);
    // weeks since last order: exponential with mean = order interval / retention, at most 104
    c.recencyWeeks[i] = Math.min(104, exponential(rng, 52 / orders / c.retention[i]));
  }

  return {
    seed,
    name: { ...COMPANY_NAME },
    regions: REGIONS.map((x) => ({ ...x, name: { ...x.name } })),
    facilities: FACILITIES.map((x) => ({ ...x, name: { ...x.name } })),
    products: PRODUCTS.map((x) => ({ ...x, name: { ...x.name } })),
    industries: INDUSTRIES.map((x) => ({ ...x })),
    archetypes: ARCHETYPES.map((x) => ({ ...x.name })),
    customers: c,
  };
}

/** Keys of the hidden archetypes, in CustomerTable.archetype order. */
export const ARCHETYPE_KEYS: readonly string[] = ARCHETYPES.map((a) => a.key);
/** CHANNELS re-exported for convenience of company consumers. */
export { CHANNELS };
