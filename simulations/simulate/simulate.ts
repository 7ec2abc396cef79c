/**
 * The weekly simulation of Kestrel Electronics under a plan (issue 3 §4; explained in MODEL.md §4).
 *
 * Discrete weeks t = 0..weeks−1. Each week:
 *  1. every active customer draws demand for the two product classes (new, mature), in list dollars:
 *     d = max(0, μ·m_t + σ·Z), Z ~ N(0,1) from a stream that depends only on the seed and the
 *     customer (common random numbers: two plans see the same demand);
 *  2. each stocking point (one per supply chain × location: segments on the same chain with standard
 *     products share the stock of the central DC or of a regional warehouse, held to the strictest
 *     service-level target among them; customised stock is per segment) receives what production shipped L weeks ago, writes off stock of a product generation that
 *     reached end of life, serves backorders then this week's demand, and every R weeks orders up
 *     to S = F·(L+R) + z·σ·√(L+R) (inventory.ts), the last buy of a generation by newsvendor logic;
 *  3. every customer receives a fill fraction; unfilled demand is partly lost (Corsten & Gruen) and
 *     partly backordered; revenue and the direct cost-to-serve are booked; satisfaction is updated
 *     from OTIF, lead time, service, customisation and price fit; the customer may churn.
 * Costs booked at the stocking point (set-ups, holding, obsolescence) are allocated to its customers
 * in proportion to their demand (activity-based costing, Kaplan & Atkinson ch. 6); the complexity cost
 * of extra segments in proportion to revenue. So Σ customers = Σ segments = totals.
 *
 * Performance: the demand noise is drawn once per company and seed and copied on later runs (noise.ts);
 * per-customer constants precomputed once per run into typed arrays, Float64Array
 * work buffers allocated once, no allocation inside the customer-week loop.
 */
import type {
  Company,
  CostBreakdown,
  Plan,
  Segmentation,
  SegmentResult,
  SegmentStrategy,
  SimulateOptions,
  SimulationResult,
  StockingPoint,
  Totals,
} from '../types';
import { CHANNELS } from '../types';
import { EngineError, checkNumber } from '../errors';
import { deriveSeed } from '../random/rng';
import { segment } from '../segmentation/index';
import { resolveStrategies, validatePlan } from '../strategy/plan';
import { DemandStream, normalCdf } from './normal';
import { DemandNoise } from './noise';
import { economicReviewWeeks, newsvendorZ, safetyFactor } from './inventory';
import { freightPerKg, resolveParams, transitDays, type FreightMode, type SimulationParams } from './params';
import { LAUNCH_PRODUCT, changesDemand, demandMultipliers, resolveScenario, scenarioStart, type ResolvedScenario } from './scenarios';
import { baseWeeklyHazard, churnHazard, customisationUtility, leadTimeUtility, priceUtility, serviceUtility } from './satisfaction';
import { COST_KEYS, type CostKey } from './cost-keys';

export const DEFAULT_WEEKS = 52;
export const MAX_WEEKS = 260;

/** Cost components in a fixed order (CostBreakdown keys except total): in a module of their own, so a
    page can list them without loading the engine. */
export { COST_KEYS, type CostKey };

// indices into the per-segment accumulator
const PRODUCTION = 0;
const SETUP = 1;
const HOLDING = 2;
const TRANSPORT = 3;
const DUTIES = 4;
const SERVICE = 5;
const ORDER = 6;
const OBSOLESCENCE = 7;
const COMPLEXITY = 8;
const REVENUE = 9;
const LOST = 10;
const OTIF_NUM = 11;
const OTIF_DEN = 12;
const FILL_NUM = 13;
const FILL_DEN = 14;
/** kg CO2e (MODEL.md §7.4) */
const CO2 = 15;
const NF = 16;

// per-customer constants of the serve loop, interleaved in one Float64Array (stride SC): one array read per
// customer-week instead of sixteen (copies of the per-field arrays, so the doubles are the same)
const C_PRICE = 0;
const C_PROD = 1;
const C_FREIGHT_KG = 2;
const C_SHIP = 3;
const C_DUTY = 4;
const C_ON_TIME = 5;
const C_ORDERS = 6;
const C_SVC_BASE = 7;
const C_COMPLAINT = 8;
const C_SVC_AR = 9;
const C_ORDER_COST = 10;
const C_TRANSIT_HOLD = 11;
const C_CO2 = 12;
const C_E_STATIC = 13;
const C_H0 = 14;
const C_H_MAX = 15;
const SC = 16;

/** State of one week, yielded by simulateSteps for animation. Money in USD. */
export interface WeekState {
  week: number;
  weeks: number;
  revenue: number;
  cost: number;
  fillRate: number;
  otif: number;
  /** mean satisfaction of the customers still active, 0..100 */
  satisfaction: number;
  activeCustomers: number;
  /** stock on hand at all stocking points at the end of the week, USD at unit cost */
  inventoryValue: number;
  /** stock on hand per stocking point, USD at unit cost (index = stocking point) */
  stockByPoint: Float64Array;
}

export interface ResolvedOptions {
  weeks: number;
  seed: number | string;
  params: SimulationParams;
  segmentation: Segmentation;
  /** the scenario played against the plan (MODEL.md §7.1); { key: 'none' } by default */
  scenario: ResolvedScenario;
  /** digital visibility: fraction of the forecast error removed, 0..0.5 (0 = off) */
  forecastImprovement: number;
}

/** Validate options; throws EngineError naming the field. */
export function resolveSimulateOptions(company: Company, plan: Plan, options: SimulateOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new EngineError('options', options, 'an object');
  const known = ['weeks', 'seed', 'segmentation', 'params', 'scenario', 'digital'];
  for (const k of Object.keys(options)) if (!known.includes(k)) throw new EngineError(`options.${k}`, (options as Record<string, unknown>)[k], `keys ${known.join('|')}`, 'is not a known option');
  const weeks = options.weeks === undefined ? DEFAULT_WEEKS : checkNumber('weeks', options.weeks, 1, MAX_WEEKS, { integer: true });
  const seed = options.seed ?? company.seed;
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || (typeof seed === 'string' && seed.length > 0))) throw new EngineError('seed', seed, 'a finite number or a non-empty string');
  const params = resolveParams(options.params);
  const segmentation = options.segmentation ?? segment(company, plan.segmentation);
  if (segmentation.labels.length !== company.customers.n) throw new EngineError('options.segmentation.labels', segmentation.labels.length, `length ${company.customers.n} (one label per customer)`);
  for (let i = 0; i < segmentation.labels.length; i++) {
    if (segmentation.labels[i] >= segmentation.segments.length) throw new EngineError(`options.segmentation.labels[${i}]`, segmentation.labels[i], `0..${segmentation.segments.length - 1}`);
  }
  if (company.products.length === 0) throw new EngineError('company.products', 0, 'at least one product');
  const scenario = resolveScenario(options.scenario);
  let forecastImprovement = 0;
  if (options.digital !== undefined) {
    const d = options.digital as unknown;
    if (typeof d !== 'object' || d === null || Array.isArray(d)) throw new EngineError('options.digital', d, 'an object { forecastImprovement: 0..0.5 }', 'is not an object');
    const dd = d as Record<string, unknown>;
    for (const k of Object.keys(dd)) if (k !== 'forecastImprovement') throw new EngineError(`options.digital.${k}`, dd[k], 'keys forecastImprovement', 'is not a known option');
    forecastImprovement = checkNumber('options.digital.forecastImprovement', dd.forecastImprovement, 0, 0.5);
  }
  return { weeks, seed, params, segmentation, scenario, forecastImprovement };
}

const clampNonNeg = (x: number) => (x > 0 && Number.isFinite(x) ? x : 0);

/** Everything a run needs, built once (typed arrays), then advanced by stepWeek. */
type Ctx = ReturnType<typeof prepare>;

function prepare(company: Company, plan: Plan, options: SimulateOptions) {
  const normalised = validatePlan(plan);
  const { weeks, seed, params: P, segmentation, scenario, forecastImprovement: fImp } = resolveSimulateOptions(company, normalised, options);
  const strategies: SegmentStrategy[] = resolveStrategies(normalised, segmentation);
  const c = company.customers;
  const n = c.n;
  const nSeg = segmentation.segments.length;
  const labels = segmentation.labels;

  // ---------------------------------------------------------------- products and generations
  // a new-product-launch scenario adds one product to the range from its start week (MODEL.md §7.1)
  const products =
    scenario.key === 'new-product-launch'
      ? [...company.products, { ...LAUNCH_PRODUCT, name: { ...LAUNCH_PRODUCT.name }, index: company.products.length, lifeWeeks: scenario.lifeWeeks, launchWeek: scenario.week }]
      : company.products;
  const nP = products.length;
  const pClass = new Uint8Array(nP); // 0 new, 1 mature
  const pCostRatio = new Float64Array(nP); // unit cost / list price
  const pKgPerDollar = new Float64Array(nP); // kg per list dollar
  for (let p = 0; p < nP; p++) {
    const pr = products[p];
    if (!(pr.price > 0) || !(pr.unitCost >= 0) || !(pr.lifeWeeks >= 1)) throw new EngineError(`company.products[${p}]`, pr.key, 'price > 0, unitCost ≥ 0, lifeWeeks ≥ 1');
    pClass[p] = pr.lifecycle === 'new' ? 0 : 1;
    pCostRatio[p] = pr.unitCost / pr.price;
    const kg = P.weightKg[pr.key] ?? P.weightKgDefault[pr.lifecycle];
    pKgPerDollar[p] = kg / pr.price;
  }
  const pLaunch = new Float64Array(nP);
  const pLife = new Float64Array(nP);
  for (let p = 0; p < nP; p++) {
    pLaunch[p] = products[p].launchWeek;
    pLife[p] = products[p].lifeWeeks;
  }
  const genOf = (p: number, t: number): number => generation(pLaunch, pLife, p, t);
  // launch-volume surprise per product generation (mean 1, log-normal): new products only (Fisher 1997)
  const maxGen = new Int32Array(nP);
  const shock: Float64Array[] = [];
  for (let p = 0; p < nP; p++) {
    maxGen[p] = Math.max(0, genOf(p, weeks + 32));
    const s = new Float64Array(maxGen[p] + 1);
    const stream = new DemandStream(deriveSeed(seed, `launch/${products[p].key}`));
    const sig = pClass[p] === 0 ? (scenario.key === 'new-product-launch' && p >= company.products.length ? scenario.forecastError : P.newProductForecastSigma) : 0;
    for (let g = 0; g <= maxGen[p]; g++) s[g] = Math.exp(sig * stream.normal() - (sig * sig) / 2);
    shock.push(s);
  }
  // per week: planned revenue share r (equal among active products of a class), actual share s' = r·M/Σ r·M,
  // class multiplier m = Σ r·M, and the class mix's cost ratio and kg per list dollar
  const W2 = weeks + 64; // look-ahead for pre-launch orders (> any lead time)
  const planShare = new Float64Array(W2 * nP);
  const actShare = new Float64Array(weeks * nP);
  const classMult = new Float64Array(weeks * 2);
  const classCost = new Float64Array(weeks * 2);
  const classKg = new Float64Array(weeks * 2);
  for (let t = 0; t < W2; t++) {
    const active = [0, 0];
    for (let p = 0; p < nP; p++) if (genOf(p, t) >= 0) active[pClass[p]]++;
    const mult = [0, 0];
    for (let p = 0; p < nP; p++) {
      const g = genOf(p, t);
      if (g < 0) continue;
      planShare[t * nP + p] = 1 / active[pClass[p]];
      if (t < weeks) mult[pClass[p]] += planShare[t * nP + p] * shock[p][Math.min(g, maxGen[p])];
    }
    if (t >= weeks) continue;
    classMult[t * 2] = mult[0];
    classMult[t * 2 + 1] = mult[1];
    for (let p = 0; p < nP; p++) {
      const g = genOf(p, t);
      if (g < 0) continue;
      const k = pClass[p];
      const s = mult[k] > 0 ? (planShare[t * nP + p] * shock[p][Math.min(g, maxGen[p])]) / mult[k] : 0;
      actShare[t * nP + p] = s;
      classCost[t * 2 + k] += s * pCostRatio[p];
      classKg[t * 2 + k] += s * pKgPerDollar[p];
    }
  }
  if (fImp > 0) {
    // digital visibility (MODEL.md §7.3): the launch forecast learns the fraction f of each generation's
    // (log) launch surprise: planned volume r·M^f instead of r (M = the launch multiplier, mean 1). The
    // actual shares above keep r·M.
    for (let t = 0; t < W2; t++) {
      for (let p = 0; p < nP; p++) {
        const g = genOf(p, t);
        if (g >= 0) planShare[t * nP + p] *= Math.pow(shock[p][Math.min(g, maxGen[p])], fImp);
      }
    }
  }
  // regional market factor per week and class, shared by the customers of a region (demand is
  // correlated within a region, independent across regions), mean 1
  const nReg = Math.max(1, company.regions.length);
  const market = new Float64Array(weeks * nReg * 2);
  {
    const ms = new DemandStream(deriveSeed(seed, 'market'));
    for (let t = 0; t < weeks; t++) {
      for (let r = 0; r < nReg; r++) {
        const a = 1 + P.marketCv.new * ms.normal();
        const b = 1 + P.marketCv.mature * ms.normal();
        market[(t * nReg + r) * 2] = a > 0 ? a : 0;
        market[(t * nReg + r) * 2 + 1] = b > 0 ? b : 0;
      }
    }
  }
  {
    // demand scenarios (MODEL.md §7.1) scale the mean of demand by region and class from their start week
    // (the customer-level noise is unchanged): folded into the market factor, so the weekly loop is untouched
    const meanRC = new Float64Array(nReg * 2);
    for (let i = 0; i < c.n; i++) {
      const r = c.region[i];
      if (r >= nReg) continue;
      const rev = clampNonNeg(c.annualRevenue[i]);
      const sh = Math.min(1, clampNonNeg(c.newProductShare[i]));
      meanRC[r * 2] += (rev * sh) / 52;
      meanRC[r * 2 + 1] += (rev * (1 - sh)) / 52;
    }
    const mult = demandMultipliers(scenario, weeks, company.regions.map((r) => r.key), meanRC);
    if (mult) for (let q = 0; q < market.length; q++) market[q] *= mult[q];
  }
  // class demand CV of the products (revenue-weighted equally), for splitting a customer's CV
  const cvClass = [0, 0];
  const cntClass = [0, 0];
  for (let p = 0; p < company.products.length; p++) {
    cvClass[pClass[p]] += products[p].demandCv;
    cntClass[pClass[p]]++;
  }
  for (let k = 0; k < 2; k++) cvClass[k] = cntClass[k] > 0 ? cvClass[k] / cntClass[k] : 0.3;

  // ---------------------------------------------------------------- stocking points
  const facilities = company.facilities;
  const central = facilities.findIndex((f) => f.kind === 'central-dc');
  if (central < 0) throw new EngineError('company.facilities', facilities.length, 'a central-dc facility');
  // A stocking pool is one stock at one location (MODEL.md §4.3): key = (facility, supply chain,
  // customisation). Segments that differ only in delivery speed, after-sales service, discount or
  // service-level target draw on the same stock (one shelf, one safety stock, one set-up per batch);
  // a different chain or location needs stock of its own, and customised stock is configured for one
  // segment's specification, so it is never shared. Stock on one shelf is served first come, first
  // served, so it cannot give two segments different fill rates: the pool holds safety stock for the
  // strictest target among its segments (z = Φ⁻¹(max CSL)), which keeps "a higher target never lowers
  // a segment's fill rate" true. poolSeg[k] is the first segment that uses pool k (its strategy carries
  // the chain and product); poolSegs[k] lists every segment it serves.
  const poolOf = new Int32Array(n);
  const poolBySegFac = new Map<number, number>(); // segment × facility → pool (cache: one string key per pair)
  const poolByPolicy = new Map<string, number>();
  const poolSeg: number[] = [];
  const poolSegs: number[][] = [];
  const poolFac: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = labels[i];
    const reg = company.regions[c.region[i]];
    if (!reg) throw new EngineError(`customers.region[${i}]`, c.region[i], `0..${company.regions.length - 1}`);
    const st = strategies[s];
    const fac = st.fulfilment === 'regional' && facilities[reg.warehouse] ? reg.warehouse : central;
    const sf = s * 1024 + fac;
    let k = poolBySegFac.get(sf);
    if (k === undefined) {
      let policy = `${fac}|${st.supplyChain}|${st.product === 'customised' ? `c${s}` : 's'}`;
      // flexibility levers change how a stock is run, so segments that differ in them hold separate stock
      if (hasFlex(st)) policy += `|b${st.capacityBuffer ?? 0}|p${st.postponement ? 1 : 0}|d${st.dualSourcing ? 1 : 0}`;
      k = poolByPolicy.get(policy);
      if (k === undefined) {
        k = poolSeg.length;
        poolByPolicy.set(policy, k);
        poolSeg.push(s);
        poolSegs.push([]);
        poolFac.push(fac);
      }
      if (!poolSegs[k].includes(s)) poolSegs[k].push(s);
      poolBySegFac.set(sf, k);
    }
    poolOf[i] = k;
  }
  const nPool = poolSeg.length;
  // Production line of a pool: the plant runs one batch of a product for every stocking point on the
  // same chain (standard products) or for one segment's specification (customised), so a changeover is
  // paid once per line, product and run, however many pools the batch is shipped to (MODEL.md §4.3).
  const poolLine = new Int32Array(nPool);
  let nLine = 0;
  {
    const lineKey = new Map<string, number>();
    for (let k = 0; k < nPool; k++) {
      const st = strategies[poolSeg[k]];
      const key = `${st.supplyChain}|${st.product === 'customised' ? `c${poolSeg[k]}` : 's'}`;
      let l = lineKey.get(key);
      if (l === undefined) {
        l = nLine++;
        lineKey.set(key, l);
      }
      poolLine[k] = l;
    }
  }

  // ---------------------------------------------------------------- per-customer constants
  const muN = new Float64Array(n);
  const muM = new Float64Array(n);
  const sdN = new Float64Array(n);
  const sdM = new Float64Array(n);
  const priceMult = new Float64Array(n);
  const prodMult = new Float64Array(n);
  const freightKg = new Float64Array(n); // USD per kg, inbound + outbound
  const duty = new Float64Array(n);
  const ordersW = new Float64Array(n);
  const orderCostW = new Float64Array(n);
  const serviceFixedW = new Float64Array(n);
  const contactCost = new Float64Array(n);
  const baseContacts = new Float64Array(n);
  const svcBaseW = new Float64Array(n); // premium fee per week + cost of routine support contacts
  const complaintCoef = new Float64Array(n); // cost of complaint contacts per unit of (1 − OTIF)
  const shipW = new Float64Array(n); // fixed freight per week: shipments (= orders) per week × USD per shipment
  const svcRevCoef = new Float64Array(n); // post-sales support cost per revenue dollar: rate × supportNeed
  const arCoef = new Float64Array(n);
  const svcArCoef = new Float64Array(n); // svcRevCoef + arCoef: service cost per revenue dollar (summed once, not every week)
  const transitHold = new Float64Array(n); // holding of goods on the way to the customer, per USD of cost of goods: days/365 × rate // receivables carrying cost per revenue dollar: terms/365 × rate
  const pOnTime = new Float64Array(n);
  const eStatic = new Float64Array(n);
  const h0 = new Float64Array(n);
  const hMax = new Float64Array(n);
  const marginW = new Float64Array(n); // expected margin per week (for the lost margin of churn)
  const leadDays = new Float64Array(n);
  const co2Kg = new Float64Array(n); // kg CO2e per kg shipped: tonne-km × g/tkm of each leg + warehousing (MODEL.md §7.4)
  // pool planning sums
  const poolMu = new Float64Array(nPool * 2);
  const poolVar = new Float64Array(nPool * 2);
  const poolKgCost = new Float64Array(nPool); // inbound USD/kg
  const poolLead = new Int32Array(nPool);
  const poolReview = new Int32Array(nPool);
  const poolSL = new Float64Array(nPool);
  const poolZ = new Float64Array(nPool);
  const poolSetup = new Float64Array(nPool);
  const poolProdMult = new Float64Array(nPool);
  // flexibility levers of each pool (MODEL.md §7.2)
  const poolCapCoef = new Float64Array(nPool); // capacity: 1 + headroom + capacityBuffer, × planned volume
  const poolBuffer = new Float64Array(nPool);
  const poolPostpone = new Uint8Array(nPool);
  const poolSurge = new Uint8Array(nPool);
  const poolInKm = new Float64Array(nPool); // inbound km to a regional warehouse (0 at the central DC)
  const poolInEf = new Float64Array(nPool); // inbound mode's emission factor, g CO2e per tonne-km

  const fr = P.freight;
  const w = P.satisfactionWeights;
  for (let k = 0; k < nPool; k++) {
    const st = strategies[poolSeg[k]];
    const fac = poolFac[k];
    let L = P.productionWeeks[st.supplyChain];
    if (fac !== central) {
      const reg = company.regions[facilities[fac].region];
      const km = reg ? reg.distanceKm : 0;
      const intl = reg ? reg.international : false;
      const mode: FreightMode = st.supplyChain === 'efficient' ? (intl ? 'ocean' : 'road') : intl ? 'air' : 'express';
      L += Math.ceil(transitDays(fr[mode], km) / 7);
      poolKgCost[k] = freightPerKg(fr[mode], km);
      poolInKm[k] = km;
      poolInEf[k] = P.emissionFactor[mode];
    }
    poolLead[k] = Math.max(1, L);
    // the strictest cycle-service-level target of the segments sharing the stock
    let sl = st.serviceLevel;
    for (const s of poolSegs[k]) if (strategies[s].serviceLevel > sl) sl = strategies[s].serviceLevel;
    poolSL[k] = sl;
    poolZ[k] = safetyFactor(sl);
    poolSetup[k] = P.setupCost[st.supplyChain] * (st.product === 'customised' ? P.customisedSetupFactor : 1);
    poolProdMult[k] = (1 + (st.supplyChain === 'responsive' ? P.responsiveCostPremium : 0)) * (1 + (st.product === 'customised' ? P.customisedCostPremium : 0));
    // postponement: late configuration adds a small assembly cost per unit (Lee, Billington & Carter 1993)
    if (st.postponement) poolProdMult[k] *= 1 + P.postponementCostPremium;
    poolBuffer[k] = st.capacityBuffer ?? 0;
    poolCapCoef[k] = 1 + P.capacityHeadroom + poolBuffer[k];
    poolPostpone[k] = st.postponement ? 1 : 0;
    poolSurge[k] = st.dualSourcing ? 1 : 0;
  }

  // mean unit cost ÷ list price of each product class (the class margins of products.ts)
  const listCostRatio = [0, 0];
  {
    const cnt = [0, 0];
    for (let p = 0; p < nP; p++) {
      listCostRatio[pClass[p]] += pCostRatio[p];
      cnt[pClass[p]]++;
    }
    for (let k = 0; k < 2; k++) listCostRatio[k] = cnt[k] > 0 ? listCostRatio[k] / cnt[k] : 0.8;
  }
  let annualListRevenue = 0;
  for (let i = 0; i < n; i++) {
    const s = labels[i];
    const st = strategies[s];
    const k = poolOf[i];
    const rev = clampNonNeg(c.annualRevenue[i]);
    annualListRevenue += rev;
    const share = Math.min(1, clampNonNeg(c.newProductShare[i]));
    muN[i] = (rev * share) / 52;
    muM[i] = (rev * (1 - share)) / 52;
    const blended = share * cvClass[0] + (1 - share) * cvClass[1];
    const factor = blended > 0 ? clampNonNeg(c.demandCv[i]) / blended : 1;
    sdN[i] = muN[i] * cvClass[0] * factor;
    sdM[i] = muM[i] * cvClass[1] * factor;
    poolMu[k * 2] += muN[i];
    poolMu[k * 2 + 1] += muM[i];
    poolVar[k * 2] += sdN[i] * sdN[i];
    poolVar[k * 2 + 1] += sdM[i] * sdM[i];

    const customised = st.product === 'customised';
    // net price realisation: the customer's generated gross margin gm (company/generate.ts: class mix,
    // price concessions, customisation premium) fixes its net price as a fraction of list,
    // cost ratio at list ÷ (1 − gm); clamped to 0.5–1.5 for hand-edited data
    const costAtList = share * listCostRatio[0] + (1 - share) * listCostRatio[1];
    const gm = c.grossMargin[i];
    let realisation = Number.isFinite(gm) && gm < 0.95 ? costAtList / (1 - gm) : 1;
    realisation = realisation < 0.5 ? 0.5 : realisation > 1.5 ? 1.5 : realisation;
    priceMult[i] = realisation * (1 - st.discount) * (1 + (customised ? P.customisedPricePremium : 0));
    prodMult[i] = poolProdMult[k];
    // outbound freight and promised lead time
    const fac = poolFac[k];
    const intl = c.international[i] === 1;
    let outKm: number;
    let mode: FreightMode;
    if (fac === central) {
      outKm = clampNonNeg(c.distanceKm[i]);
      mode = st.delivery === 'priority' ? (intl ? 'air' : 'express') : intl ? 'ocean' : 'road';
    } else {
      outKm = Math.min(P.localDeliveryKm, clampNonNeg(c.distanceKm[i]));
      mode = st.delivery === 'priority' ? 'express' : 'road';
    }
    freightKg[i] = poolKgCost[k] + freightPerKg(fr[mode], outKm);
    duty[i] = clampNonNeg(c.dutyRate[i]);
    // postponement: a customised order is configured from generic stock in days (Zinn & Bowersox 1988)
    const configDays = customised ? (st.postponement ? P.postponementConfigDays : P.customisationDays[st.supplyChain]) : 0;
    const outDays = transitDays(fr[mode], outKm); // outbound transit, days
    const days = P.pickDays + outDays + configDays;
    // kg CO2e per kg: (inbound km × EF_in + outbound km × EF_out) g/tkm ÷ 10⁶ (kg→t, g→kg) + kg CO2e per
    // tonne handled × sites ÷ 1000 (GLEC Framework v3 / ISO 14083 method: tonne-km × intensity per leg + hubs)
    co2Kg[i] = (poolInKm[k] * poolInEf[k] + outKm * P.emissionFactor[mode]) / 1e6 + (P.warehouseCo2ePerTonne * (fac === central ? 1 : 2)) / 1000;
    leadDays[i] = days;
    // Kestrel delivers duty paid, so it owns the goods in outbound transit: holding = cost × rate × days/365
    // (blended new/mature rate by the customer's new-product share)
    transitHold[i] = ((outDays / 365) * (share * P.holdingRate.new + (1 - share) * P.holdingRate.mature));
    const need = Math.max(0.5, clampNonNeg(c.requiredLeadTimeDays[i]));
    // on-time probability: lead time ~ N(days, (cv·days)²), on time if ≤ need
    pOnTime[i] = normalCdf((need - days) / (P.leadTimeCv * days));
    ordersW[i] = clampNonNeg(c.ordersPerYear[i]) / 52;
    const ch = CHANNELS[c.channel[i]] ?? 'direct';
    shipW[i] = ordersW[i] * P.shipmentCost[mode];
    svcRevCoef[i] = P.supportCostRate * Math.min(1, clampNonNeg(c.supportNeed[i]));
    arCoef[i] = (clampNonNeg(c.paymentTermsDays[i]) / 365) * P.receivablesRate;
    svcArCoef[i] = svcRevCoef[i] + arCoef[i];
    orderCostW[i] = ordersW[i] * (P.orderCost[ch] + (customised ? P.customisedOrderCost : 0) + (st.delivery === 'priority' ? P.priorityOrderCost : 0));
    const premium = st.service === 'premium';
    serviceFixedW[i] = premium ? P.premiumServiceFee / 52 : 0;
    contactCost[i] = premium ? P.contactCost.premium : P.contactCost.standard;
    baseContacts[i] = P.supportContactsPerWeek * clampNonNeg(c.supportNeed[i]);
    // premium fee + channel account management + routine support contacts, USD per week
    svcBaseW[i] = serviceFixedW[i] + P.accountCost[ch] / 52 + contactCost[i] * baseContacts[i];
    complaintCoef[i] = contactCost[i] * P.complaintsPerFailedOrder * ordersW[i];
    eStatic[i] =
      w.leadTime * leadTimeUtility(days, need) +
      w.service * serviceUtility(premium, clampNonNeg(c.supportNeed[i]), P) +
      w.customisation * customisationUtility(customised, clampNonNeg(c.customisationNeed[i]), P) +
      w.price * priceUtility(clampNonNeg(c.priceSensitivity[i]), st.discount, P);
    h0[i] = baseWeeklyHazard(c.retention[i]);
    // upper bound of the hazard (satisfaction 0): lets the loop skip Math.exp when the uniform is above it
    hMax[i] = churnHazard(h0[i], 0, P);
    // expected margin per week at list mix (only a positive margin can be lost by churn)
    marginW[i] = clampNonNeg(muN[i] * (priceMult[i] - classCost[0] * prodMult[i]) + muM[i] * (priceMult[i] - classCost[1] * prodMult[i]));
  }

  const serveConst = new Float64Array(n * SC);
  for (let i = 0; i < n; i++) {
    const o = i * SC;
    serveConst[o + C_PRICE] = priceMult[i];
    serveConst[o + C_PROD] = prodMult[i];
    serveConst[o + C_FREIGHT_KG] = freightKg[i];
    serveConst[o + C_SHIP] = shipW[i];
    serveConst[o + C_DUTY] = duty[i];
    serveConst[o + C_ON_TIME] = pOnTime[i];
    serveConst[o + C_ORDERS] = ordersW[i];
    serveConst[o + C_SVC_BASE] = svcBaseW[i];
    serveConst[o + C_COMPLAINT] = complaintCoef[i];
    serveConst[o + C_SVC_AR] = svcArCoef[i];
    serveConst[o + C_ORDER_COST] = orderCostW[i];
    serveConst[o + C_TRANSIT_HOLD] = transitHold[i];
    serveConst[o + C_CO2] = co2Kg[i];
    serveConst[o + C_E_STATIC] = eStatic[i];
    serveConst[o + C_H0] = h0[i];
    serveConst[o + C_H_MAX] = hMax[i];
  }

  // σ² of a stocking point = Σσᵢ² (customer noise, pooled) + Σ_regions (cv_market·μ_region)²
  // (regional market factor: pooled across regions, not within one; Eppen 1979 with correlation)
  {
    const regMu = new Float64Array(nPool * nReg * 2);
    for (let i = 0; i < n; i++) {
      const b = (poolOf[i] * nReg + c.region[i]) * 2;
      regMu[b] += muN[i];
      regMu[b + 1] += muM[i];
    }
    for (let k = 0; k < nPool; k++) {
      for (let r = 0; r < nReg; r++) {
        const b = (k * nReg + r) * 2;
        poolVar[k * 2] += (P.marketCv.new * regMu[b]) ** 2;
        poolVar[k * 2 + 1] += (P.marketCv.mature * regMu[b + 1]) ** 2;
      }
    }
  }

  if (fImp > 0) {
    // digital visibility (MODEL.md §7.3): the forecast error σ the planner sizes safety stock on is (1 − f)·σ
    const k2 = (1 - fImp) * (1 - fImp);
    for (let q = 0; q < poolVar.length; q++) poolVar[q] *= k2;
  }

  // review periods: responsive weekly; efficient by the economic review period of the production line
  // (EOQ, Harris 1913, on the line's demand: all pools of a line order in the same weeks, one production
  // cycle, so their batches share the changeover)
  const lineMu = new Float64Array(nLine * 2);
  for (let k = 0; k < nPool; k++) {
    lineMu[poolLine[k] * 2] += poolMu[k * 2];
    lineMu[poolLine[k] * 2 + 1] += poolMu[k * 2 + 1];
  }
  const stockingPoints: StockingPoint[] = [];
  for (let k = 0; k < nPool; k++) {
    const st = strategies[poolSeg[k]];
    const mu = poolMu[k * 2] + poolMu[k * 2 + 1];
    if (st.supplyChain === 'responsive') poolReview[k] = 1;
    else {
      const l = poolLine[k] * 2;
      const lmu = lineMu[l] + lineMu[l + 1];
      const avgCostRatio = lmu > 0 ? (lineMu[l] * classCost[0] + lineMu[l + 1] * classCost[1]) / lmu : 0.8;
      const hWeek = ((P.holdingRate.new + P.holdingRate.mature) / 2 / 52) * avgCostRatio;
      poolReview[k] = economicReviewWeeks(poolSetup[k], hWeek, lmu / Math.max(1, nP), P.efficientReviewWeeks.min, P.efficientReviewWeeks.max);
    }
    const T = poolLead[k] + poolReview[k];
    const sigma = Math.sqrt(poolVar[k * 2]) + Math.sqrt(poolVar[k * 2 + 1]);
    stockingPoints.push({
      segment: poolSeg[k],
      segments: poolSegs[k].slice().sort((a, b) => a - b),
      facility: poolFac[k],
      leadWeeks: poolLead[k],
      reviewWeeks: poolReview[k],
      meanPerWeek: mu,
      sigmaPerWeek: sigma,
      safetyStock: poolZ[k] * Math.sqrt(T) * (Math.sqrt(poolVar[k * 2]) * classCost[0] + Math.sqrt(poolVar[k * 2 + 1]) * classCost[1]),
    });
  }

  // ---------------------------------------------------------------- pool-product state
  let maxLead = 1;
  for (let k = 0; k < nPool; k++) if (poolLead[k] > maxLead) maxLead = poolLead[k];
  // the surge source's orders also travel in the pipeline ring (MODEL.md §7.2)
  for (let k = 0; k < nPool; k++) if (poolSurge[k] && Math.round(P.surgeLeadWeeks) > maxLead) maxLead = Math.round(P.surgeLeadWeeks);
  let RING = 2;
  while (RING <= maxLead + 1) RING *= 2;
  const nPP = nPool * nP;
  const onHand = new Float64Array(nPP);
  const backlog = new Float64Array(nPP);
  const forecast = new Float64Array(nPP);
  const pipe = new Float64Array(nPP * RING);
  const fill = new Float64Array(nPP);
  const poolDemand = new Float64Array(nPool * 2);
  // re-planning (MODEL.md §4.3): this week's expected demand of each pool's active customers, list USD per
  // week: Σ wallet·μᵢ by class, Σ (wallet·σᵢ)² by class, and Σ wallet·μᵢ by pool × region × class (market term)
  const poolMuNow = new Float64Array(nPool * 2);
  const poolVarNow = new Float64Array(nPool * 2);
  const poolRegMuNow = new Float64Array(nPool * nReg * 2);
  const poolFill = new Float64Array(nPool * 2);
  // pool costs by class: setup, holding, obsolescence (allocated to customers at the end)
  const poolCost = new Float64Array(nPool * 2 * 3);
  const zNews = new Float64Array(nP);
  // this week's order of each pool-product and the line-product totals (changeover split by quantity)
  const weekQ = new Float64Array(nPP);
  const lineQ = new Float64Array(nLine * nP);
  for (let p = 0; p < nP; p++) {
    const pr = products[p];
    // newsvendor for the last buy: cᵤ = lost margin (price − cost), cₒ = cost − salvage
    zNews[p] = newsvendorZ(pr.price - pr.unitCost, pr.unitCost * (1 - P.salvageRate));
  }
  for (let k = 0; k < nPool; k++) {
    const L = poolLead[k];
    const R = poolReview[k];
    for (let p = 0; p < nP; p++) {
      const cls = pClass[p];
      const share = planShare[p]; // week 0
      const f0 = poolMu[k * 2 + cls] * share;
      const j = k * nP + p;
      forecast[j] = f0;
      if (genOf(p, 0) < 0) continue;
      const sig = Math.sqrt(poolVar[k * 2 + cls]) * share;
      // steady state of an (R, S) policy at a review: on hand μR + SS, pipeline μ per week for L weeks
      onHand[j] = f0 * R + poolZ[k] * sig * Math.sqrt(L + R);
      const g0 = genOf(p, 0);
      for (let a = 1; a <= L; a++) if (genOf(p, a) === g0) pipe[j * RING + (a % RING)] = f0;
    }
  }

  // ---------------------------------------------------------------- customer state and buffers
  const sat = new Float64Array(n).fill(P.initialSatisfaction);
  const churnWeek = new Int16Array(n).fill(-1);
  const revenue = new Float64Array(n);
  const cost = new Float64Array(n);
  const demN = new Float64Array(n);
  const demM = new Float64Array(n);
  const bufN = new Float64Array(n);
  const bufM = new Float64Array(n);
  const bufU = new Float64Array(n);
  const seg = new Float64Array(nSeg * NF);
  const weekly = {
    revenue: new Float64Array(weeks),
    cost: new Float64Array(weeks),
    satisfaction: new Float64Array(weeks),
    activeCustomers: new Float64Array(weeks),
    fillRate: new Float64Array(weeks),
    otif: new Float64Array(weeks),
    inventory: new Float64Array(weeks),
  };
  // the weekly demand draws: reused across runs on the same company and seed (noise.ts, MODEL.md §4.1 performance note)
  const noise = new DemandNoise(company, n, weeks, deriveSeed(seed, 'demand'));
  // §7 extras: weekly fee of reserved capacity per pool and class (fraction of planned production cost);
  // digital IT cost per week; tariff rise (region, week, added duty rate)
  let anyFlex = false;
  const poolFeeW = new Float64Array(nPool * 2);
  for (let k = 0; k < nPool; k++) {
    if (poolBuffer[k] > 0 || poolPostpone[k] || poolSurge[k]) anyFlex = true;
    for (let cls = 0; cls < 2; cls++) poolFeeW[k * 2 + cls] = poolBuffer[k] * P.capacityReserveRate * poolMu[k * 2 + cls] * listCostRatio[cls] * poolProdMult[k];
  }
  const digitalWeek = fImp > 0 ? (fImp * (P.digitalFixedCost + P.digitalCostPerCustomer * n)) / 52 : 0;
  const tariffRegion = scenario.key === 'tariff-rise' ? company.regions.findIndex((r) => r.key === scenario.region) : -1;
  if (scenario.key === 'tariff-rise' && tariffRegion < 0) throw new EngineError('scenario.params.region', scenario.region, company.regions.map((r) => r.key).join('|'));
  return {
    scenario, anyFlex, poolFeeW, digitalWeek, tariffRegion,
    capStart: changesDemand(scenario) ? scenarioStart(scenario) : Infinity,
    poolCapCoef, poolPostpone, poolSurge,
    surgeLead: Math.max(1, Math.round(P.surgeLeadWeeks)),
    poolFlex: new Float64Array(nPool * 2),
    spare: new Float64Array(nP),
    short: new Float64Array(nP),
    n, nSeg, nP, nPool, weeks, P, seed, labels, segmentation, normalised, c,
    pClass, pCostRatio, pLaunch, pLife, market, nReg, region: c.region, planShare, actShare, classMult, classCost, classKg, W2,
    poolOf, poolSeg, poolSegs, poolFac, poolMu, poolVar, poolLead, poolReview, poolZ, poolSetup, poolProdMult,
    // the serve loop's per-customer constants travel in serveConst only (the per-field arrays are left to the GC)
    muN, muM, sdN, sdM, duty, marginW, annualListRevenue, stockingPoints,
    serveConst, poolKeep: new Float64Array(nPool * 2), poolLostCost: new Float64Array(nPool * 2),
    RING, onHand, backlog, forecast, pipe, fill, poolDemand, poolMuNow, poolVarNow, poolRegMuNow, fImp, poolFill, poolCost, zNews, poolLine, nLine, weekQ, lineQ,
    sat, churnWeek, revenue, cost, demN, demM, bufN, bufM, bufU, seg, weekly, noise,
    stockByPoint: new Float64Array(nPool),
    complexityWeek: (Math.max(0, nonEmpty(segmentation) - 1) * P.complexityRate * annualListRevenue) / 52,
    state: { activeCount: n, inventorySum: 0 },
    out: new Float64Array(8),
  };
}

/** Starting week of generation g of product p. */
function genStartOf(pLaunch: Float64Array, pLife: Float64Array, p: number, g: number): number {
  return pLaunch[p] + g * pLife[p];
}

/** Generation of product p on sale in week t (−1 before its first launch); successors follow each other. */
function generation(pLaunch: Float64Array, pLife: Float64Array, p: number, t: number): number {
  return t < pLaunch[p] ? -1 : Math.floor((t - pLaunch[p]) / pLife[p]);
}

/** Pass 1: demand draws, a fixed number per customer-week (common random numbers across plans). */
function drawDemand(x: Ctx, t: number): void {
  const { n, classMult, market, nReg, region, poolDemand, poolMuNow, poolVarNow, poolRegMuNow, noise, bufU, bufN, bufM, churnWeek, muN, muM, sdN, sdM, poolOf, sat, P } = x;
  const cN = classMult[t * 2];
  const cM = classMult[t * 2 + 1];
  const mBase = t * nReg * 2;
  const kW = P.walletSensitivity / 100;
  const ref = P.referenceSatisfaction;
  const mN = classMult[t * 2];
  const mM = classMult[t * 2 + 1];
  // ---- pass 1: demand draws (fixed count per customer-week: common random numbers) ----
  poolDemand.fill(0);
  poolMuNow.fill(0);
  poolVarNow.fill(0);
  poolRegMuNow.fill(0);
  noise.fillWeek(t, bufN, bufM, bufU); // bufN, bufM hold the two normals until overwritten below
  for (let i = 0; i < n; i++) {
    const zn = bufN[i];
    const zm = bufM[i];
    if (churnWeek[i] >= 0) {
      bufN[i] = 0;
      bufM[i] = 0;
      continue;
    }
    // share of wallet responds to last week's satisfaction
    let wallet = 1 + kW * (sat[i] - ref);
    wallet = wallet < 0.5 ? 0.5 : wallet > 1.5 ? 1.5 : wallet;
    const mb = mBase + region[i] * 2;
    const wn = muN[i] * wallet; // expected demand this week, list USD (before the market factor and noise)
    const wm = muM[i] * wallet;
    const vn = sdN[i] * wallet;
    const vm = sdM[i] * wallet;
    let dn = (muN[i] * cN * market[mb] + sdN[i] * zn) * wallet;
    if (dn < 0 || mN === 0) dn = 0;
    let dm = (muM[i] * cM * market[mb + 1] + sdM[i] * zm) * wallet;
    if (dm < 0 || mM === 0) dm = 0;
    bufN[i] = dn;
    bufM[i] = dm;
    const pk = poolOf[i];
    const k2 = pk * 2;
    poolDemand[k2] += dn;
    poolDemand[k2 + 1] += dm;
    // the planner's view of the pool's active customers this week (re-planning at the review, MODEL.md §4.3)
    poolMuNow[k2] += wn;
    poolMuNow[k2 + 1] += wm;
    poolVarNow[k2] += vn * vn;
    poolVarNow[k2 + 1] += vm * vm;
    const rb = (pk * nReg + region[i]) * 2;
    poolRegMuNow[rb] += wn;
    poolRegMuNow[rb + 1] += wm;
  }

}

/**
 * Postponement (MODEL.md §7.2; Zinn & Bowersox 1988, Lee, Billington & Carter 1993): a pool's variants of one
 * product class are configured late from one generic stock, so at the start of the week stock (on hand
 * plus this week's arrivals) beyond a variant's needs (backlog + this week's demand) is re-configured to
 * cover the variants that are short. Moved at unit cost: Δ list dollars = Δ cost ÷ (cost/price) of each
 * variant. Variants at an end-of-life changeover this week take no part.
 */
function poolVariants(x: Ctx, k: number, t: number): void {
  const { nP, pClass, pLaunch, pLife, onHand, backlog, pipe, RING, poolDemand, actShare, pCostRatio, spare, short } = x;
  for (let cls = 0; cls < 2; cls++) {
    let totSpare = 0;
    let totShort = 0;
    for (let p = 0; p < nP; p++) {
      spare[p] = 0;
      short[p] = 0;
      if (pClass[p] !== cls) continue;
      const g = generation(pLaunch, pLife, p, t);
      if (g < 0 || (t > 0 && generation(pLaunch, pLife, p, t - 1) !== g)) continue;
      const j = k * nP + p;
      const have = onHand[j] + pipe[j * RING + (t % RING)];
      const need = backlog[j] + poolDemand[k * 2 + cls] * actShare[t * nP + p];
      const d = (have - need) * pCostRatio[p]; // USD at unit cost
      if (d > 0) {
        spare[p] = Math.min(d, onHand[j] * pCostRatio[p]);
        totSpare += spare[p];
      } else if (d < 0) {
        short[p] = -d;
        totShort += -d;
      }
    }
    const move = totSpare < totShort ? totSpare : totShort;
    if (!(move > 0)) continue;
    for (let p = 0; p < nP; p++) {
      if (pClass[p] !== cls || pCostRatio[p] <= 0) continue;
      const j = k * nP + p;
      if (spare[p] > 0) onHand[j] -= (move * spare[p]) / totSpare / pCostRatio[p];
      else if (short[p] > 0) onHand[j] += (move * short[p]) / totShort / pCostRatio[p];
    }
  }
}

/** The stocking points: receive, write off at end of life, serve, hold, review and order. Returns the week's pool cost. */
function runStockingPoints(x: Ctx, t: number): number {
  const { nPool, nP, poolLead, poolReview, pClass, RING, pipe, onHand, backlog, forecast, fill, poolDemand, poolFill, poolCost, pCostRatio, poolProdMult, poolMu, poolVar, poolZ, poolSetup, planShare, actShare, classMult, pLaunch, pLife, W2, zNews, P, stockByPoint, poolLine, weekQ, lineQ } = x;
  const { anyFlex, poolPostpone, poolSurge, poolCapCoef, poolFlex, poolFeeW, capStart, surgeLead } = x;
  const { poolMuNow, poolVarNow, poolRegMuNow, nReg, fImp } = x;
  const cvN = P.marketCv.new;
  const cvM = P.marketCv.mature;
  // forecast-error variance kept after digital visibility (MODEL.md §7.3): (1 − f)²
  const keepVar = (1 - fImp) * (1 - fImp);
  const capped = t >= capStart;
  // capacity ramps up after the shock: + capacityRampPerWeek × weeks since the start (MODEL.md §7.2)
  const capRamp = capped ? P.capacityRampPerWeek * (t - capStart) : 0;
  const mN = classMult[t * 2];
  const mM = classMult[t * 2 + 1];
  const lost = P.lostSalesShare;
  const alphaF = P.forecastAlpha;
  const holdW0 = P.holdingRate.new / 52;
  const holdW1 = P.holdingRate.mature / 52;
  const salvage = P.salvageRate;
  // ---- stocking points ----
  let weekPoolCost = 0;
  let inventoryValue = 0;
  let ordered = false;
  const orderCost = P.replenishmentOrderCost;
  poolFill.fill(0);
  for (let k = 0; k < nPool; k++) {
    const L = poolLead[k];
    const R = poolReview[k];
    const review = t % R === 0;
    let stock = 0;
    // Re-planning at the review (MODEL.md §4.3): the planner sizes the order-up-to level on the pool's
    // current customers, not on the list at the start of the run: σ² = Σ (wallet·σᵢ)² over the active
    // customers + Σ_regions (cv_market · Σ wallet·μᵢ)² (the same pooling formula as the initial plan,
    // Eppen 1979), list USD per week; churned customers drop out and share-of-wallet changes count.
    let sdNowN = 0;
    let sdNowM = 0;
    if (review) {
      let vN = poolVarNow[k * 2];
      let vM = poolVarNow[k * 2 + 1];
      for (let r = 0; r < nReg; r++) {
        const rb = (k * nReg + r) * 2;
        vN += (cvN * poolRegMuNow[rb]) ** 2;
        vM += (cvM * poolRegMuNow[rb + 1]) ** 2;
      }
      sdNowN = Math.sqrt(vN * keepVar);
      sdNowM = Math.sqrt(vM * keepVar);
    }
    if (anyFlex) {
      // reserved capacity: a fixed fee per week (booked under production, allocated like pool costs)
      poolFlex[k * 2] += poolFeeW[k * 2];
      poolFlex[k * 2 + 1] += poolFeeW[k * 2 + 1];
      weekPoolCost += poolFeeW[k * 2] + poolFeeW[k * 2 + 1];
      if (poolPostpone[k]) poolVariants(x, k, t);
    }
    for (let p = 0; p < nP; p++) {
      const j = k * nP + p;
      const cls = pClass[p];
      const cbase = (k * 2 + cls) * 3;
      const g = generation(pLaunch, pLife, p, t);
      const slot = j * RING + (t % RING);
      const arrivals = pipe[slot];
      pipe[slot] = 0;
      if (g >= 0 && t > 0 && generation(pLaunch, pLife, p, t - 1) !== g) {
        // end of life of the previous generation: write off what is left (obsolescence / markdown)
        poolCost[cbase + 2] += onHand[j] * pCostRatio[p] * poolProdMult[k] * (1 - salvage);
        weekPoolCost += onHand[j] * pCostRatio[p] * poolProdMult[k] * (1 - salvage);
        onHand[j] = 0;
        // the new generation's forecast starts from the plan on the pool's current customers
        forecast[j] = poolMuNow[k * 2 + cls] * planShare[t * nP + p];
      }
      onHand[j] += arrivals;
      const D = g >= 0 ? poolDemand[k * 2 + cls] * actShare[t * nP + p] : 0;
      // serve backorders first, then this week's demand
      let avail = onHand[j];
      const fromBacklog = backlog[j] < avail ? backlog[j] : avail;
      avail -= fromBacklog;
      backlog[j] -= fromBacklog;
      const served = D < avail ? D : avail;
      avail -= served;
      onHand[j] = avail;
      const fr1 = D > 0 ? served / D : 1;
      fill[j] = fr1;
      backlog[j] += (D - served) * (1 - lost);
      if (g >= 0) {
        poolFill[k * 2 + cls] += actShare[t * nP + p] * fr1;
        forecast[j] += alphaF * (D - forecast[j]);
      }
      // holding cost on stock on hand and in the pipeline (work in process and in transit)
      let pipeline = 0;
      for (let a = 1; a <= L; a++) pipeline += pipe[j * RING + ((t + a) % RING)];
      const h = (avail + pipeline) * pCostRatio[p] * poolProdMult[k] * (cls === 0 ? holdW0 : holdW1);
      poolCost[cbase + 1] += h;
      weekPoolCost += h;
      stock += avail * pCostRatio[p] * poolProdMult[k];
      if (poolSurge[k] && g >= 0) {
        // dual sourcing (Allon & Van Mieghem 2010, tailored base-surge): when the net stock expected
        // at the surge lead time falls below the trigger (weeks of forecast demand), the fast source
        // ships the gap; it arrives after surgeLead weeks at a unit cost premium
        const a = t + surgeLead;
        if (generation(pLaunch, pLife, p, a) === g) {
          let near = 0;
          for (let a2 = t + 1; a2 <= a; a2++) near += pipe[j * RING + (a2 % RING)];
          const F = forecast[j];
          const trigger = P.surgeTriggerWeeks * F;
          const net = avail + near - backlog[j] - F * surgeLead;
          if (net < trigger) {
            const Qs = trigger - net;
            pipe[j * RING + (a % RING)] += Qs;
            const premium = Qs * pCostRatio[p] * poolProdMult[k] * P.surgeCostPremium;
            poolFlex[k * 2 + cls] += premium;
            weekPoolCost += premium;
          }
        }
      }
      // periodic review: order up to S for the generation on sale when the order arrives
      if (review) {
        const a = t + L;
        const ga = generation(pLaunch, pLife, p, a);
        if (ga < 0) continue;
        const sameGen = ga === g;
        const gEnd = genStartOf(pLaunch, pLife, p, ga + 1);
        const from = sameGen ? t : genStartOf(pLaunch, pLife, p, ga);
        const lastBuy = a + R >= gEnd;
        const coverEnd = lastBuy ? gEnd : a + R;
        const T = coverEnd - from;
        if (T <= 0) continue;
        const aIdx = a < W2 ? a : W2 - 1;
        // a new generation is bought on the plan from the pool's current customers; the same generation on
        // the smoothed forecast of recent demand (Brown 1959); σ re-planned above, list USD per week
        const planned = poolMuNow[k * 2 + cls] * planShare[aIdx * nP + p];
        const F = sameGen ? forecast[j] : planned;
        const sigma = (cls === 0 ? sdNowN : sdNowM) * planShare[aIdx * nP + p];
        const z = lastBuy ? Math.min(poolZ[k], zNews[p]) : poolZ[k];
        const S = F * T + z * sigma * Math.sqrt(T);
        let position = sameGen ? onHand[j] - backlog[j] : 0;
        for (let a2 = t + 1; a2 <= a; a2++) if (generation(pLaunch, pLife, p, a2) === ga) position += pipe[j * RING + (a2 % RING)];
        let Q = S - position;
        if (capped) {
          // capacity (MODEL.md §7.2): in a demand scenario, from its start week W a review's batch is at most
          // (1 + headroom + capacityBuffer + ramp·(t − W)) × the planned rate over one review period (a new
          // generation's first batch: over its whole cover T, plus its safety stock)
          // (capacity is sized once, on the plan at the start of the run: a plant does not follow the forecast)
          const cc = poolCapCoef[k] + capRamp;
          const capRate = poolMu[k * 2 + cls] * planShare[aIdx * nP + p];
          const capSigma = Math.sqrt(poolVar[k * 2 + cls]) * planShare[aIdx * nP + p];
          const cap = sameGen ? cc * capRate * R : cc * capRate * T + z * capSigma * Math.sqrt(T);
          if (Q > cap) Q = cap;
        }
        if (Q > 0 && Number.isFinite(Q)) {
          pipe[j * RING + (a % RING)] += Q;
          // the pool's own replenishment order (receiving, put-away, paperwork); the changeover is
          // charged below, once per line and product, split between the pools by quantity
          poolCost[cbase] += orderCost;
          weekPoolCost += orderCost;
          weekQ[j] = Q;
          lineQ[poolLine[k] * nP + p] += Q;
          ordered = true;
        }
      }
    }
    stockByPoint[k] = stock;
    inventoryValue += stock;
    if (mN === 0) poolFill[k * 2] = 1;
    if (mM === 0) poolFill[k * 2 + 1] = 1;
  }
  if (ordered) {
    // one production changeover per line and product this week (set-up cost K of the batch), shared by
    // the pools whose orders it fills in proportion to their quantity (activity-based costing)
    for (let k = 0; k < nPool; k++) {
      for (let p = 0; p < nP; p++) {
        const j = k * nP + p;
        const q = weekQ[j];
        if (q === 0) continue;
        const lq = lineQ[poolLine[k] * nP + p];
        const c = lq > 0 ? (poolSetup[k] * q) / lq : 0;
        poolCost[(k * 2 + pClass[p]) * 3] += c;
        weekPoolCost += c;
        weekQ[j] = 0;
      }
    }
    lineQ.fill(0);
  }
  x.state.inventorySum += inventoryValue;
  x.out[0] = inventoryValue;
  return weekPoolCost;

}

/** Pass 2: customers receive goods, pay, judge the service and may leave. */
function serveCustomers(x: Ctx, t: number, weekPoolCost: number, inventoryValue: number): void {
  const { n, nPool, labels, churnWeek, seg, marginW, poolOf, poolFill, poolKeep, poolLostCost, poolProdMult, bufN, bufM, bufU, serveConst, revenue, cost, demN, demM, sat, classCost, classKg, weekly, P } = x;
  const keepLost = 1 - P.lostSalesShare;
  const alphaS = P.satisfactionAlpha;
  const wOtifW = P.satisfactionWeights.otif;
  // Kano-asymmetric OTIF utility (satisfaction.ts otifUtility), inlined: base + slope·(otif − expected)
  const oExp = P.otifExpected;
  const oAbove = P.otifSlopeAbove;
  const oBelow = P.otifSlopeBelow;
  const oBase = P.otifUtilityAtExpected;
  const hazK = P.churnSensitivity / 10;
  const sRef = P.referenceSatisfaction;
  const hCap = P.maxWeeklyHazard;
  let activeCount = x.state.activeCount;
  // ---- pass 2: customers receive goods, pay, judge and maybe leave ----
  let wRev = 0;
  let wCost = weekPoolCost;
  let wFillNum = 0;
  let wFillDen = 0;
  let wOtifNum = 0;
  let wOtifDen = 0;
  let wSat = 0;
  const activeAtStart = activeCount;
  const crN = classCost[t * 2];
  const crM = classCost[t * 2 + 1];
  const kgN = classKg[t * 2];
  const kgM = classKg[t * 2 + 1];
  // per pool and class this week (the same doubles the per-customer expressions gave, computed once per pool):
  // the kept fraction of demand f + (1 − f)·(1 − lost share), and unit cost ÷ list price × production multiplier
  // (prodMult[i] is its pool's poolProdMult)
  for (let k = 0; k < nPool; k++) {
    const fN = poolFill[k * 2];
    const fM = poolFill[k * 2 + 1];
    poolKeep[k * 2] = fN + (1 - fN) * keepLost;
    poolKeep[k * 2 + 1] = fM + (1 - fM) * keepLost;
    poolLostCost[k * 2] = crN * poolProdMult[k];
    poolLostCost[k * 2 + 1] = crM * poolProdMult[k];
  }
  for (let i = 0; i < n; i++) {
    const b = labels[i] * NF;
    if (churnWeek[i] >= 0) {
      seg[b + LOST] += marginW[i];
      continue;
    }
    const k2 = poolOf[i] * 2;
    const fN = poolFill[k2];
    const fM = poolFill[k2 + 1];
    const dn = bufN[i];
    const dm = bufM[i];
    // sold = filled now + backordered share of the unfilled (Corsten & Gruen: 40 % lost)
    const keepN = poolKeep[k2];
    const keepM = poolKeep[k2 + 1];
    const soldN = dn * keepN;
    const soldM = dm * keepM;
    const o = i * SC;
    const pm = serveConst[o + C_PRICE];
    const qm = serveConst[o + C_PROD];
    const rev = (soldN + soldM) * pm;
    const prod = (soldN * crN + soldM * crM) * qm;
    // variable freight (USD/kg × kg) + fixed freight per shipment (one shipment per order)
    const kgShip = soldN * kgN + soldM * kgM;
    const freight = kgShip * serveConst[o + C_FREIGHT_KG] + serveConst[o + C_SHIP];
    const dut = serveConst[o + C_DUTY] * (rev + freight);
    const d = dn + dm;
    const filled = dn * fN + dm * fM;
    const otif = serveConst[o + C_ON_TIME] * (d > 0 ? filled / d : 1);
    const ow = serveConst[o + C_ORDERS];
    // service: premium fee, account management, support contacts and complaints, post-sales support
    // per revenue dollar, and the carrying cost of the receivable (credit and collections)
    const svc = serveConst[o + C_SVC_BASE] + serveConst[o + C_COMPLAINT] * (1 - otif) + rev * serveConst[o + C_SVC_AR];
    const oc = serveConst[o + C_ORDER_COST];
    const lostM = (dn - soldN) * (pm - poolLostCost[k2]) + (dm - soldM) * (pm - poolLostCost[k2 + 1]);
    const hold = prod * serveConst[o + C_TRANSIT_HOLD];
    seg[b + PRODUCTION] += prod;
    seg[b + HOLDING] += hold;
    seg[b + TRANSPORT] += freight;
    seg[b + DUTIES] += dut;
    seg[b + SERVICE] += svc;
    seg[b + ORDER] += oc;
    seg[b + REVENUE] += rev;
    if (lostM > 0) seg[b + LOST] += lostM;
    seg[b + OTIF_NUM] += ow * otif;
    seg[b + OTIF_DEN] += ow;
    seg[b + FILL_NUM] += filled;
    seg[b + FILL_DEN] += d;
    seg[b + CO2] += kgShip * serveConst[o + C_CO2];
    const direct = prod + hold + freight + dut + svc + oc;
    revenue[i] += rev;
    cost[i] += direct;
    demN[i] += dn;
    demM[i] += dm;
    wRev += rev;
    wCost += direct;
    wFillNum += filled;
    wFillDen += d;
    wOtifNum += ow * otif;
    wOtifDen += ow;
    // satisfaction (satisfaction.ts: experience, exponential smoothing) and churn hazard
    const dO = otif - oExp;
    let uO = dO >= 0 ? oBase + oAbove * dO : oBase + oBelow * dO;
    uO = uO < 0 ? 0 : uO > 1 ? 1 : uO;
    let e = serveConst[o + C_E_STATIC] + wOtifW * uO;
    e = e < 0 ? 0 : e > 1 ? 1 : e;
    let s = sat[i] + alphaS * (100 * e - sat[i]);
    s = s < 0 ? 0 : s > 100 ? 100 : s;
    sat[i] = s;
    wSat += s;
    const u = bufU[i];
    if (u < serveConst[o + C_H_MAX]) {
      let h = serveConst[o + C_H0] * Math.exp(hazK * (sRef - s));
      if (h > hCap) h = hCap;
      if (u < h) {
        churnWeek[i] = t;
        activeCount--;
      }
    }
  }
  wCost += x.complexityWeek;
  if (x.digitalWeek > 0) wCost += x.digitalWeek;
  x.state.activeCount = activeCount;
  weekly.revenue[t] = wRev;
  weekly.cost[t] = wCost;
  weekly.fillRate[t] = wFillDen > 0 ? wFillNum / wFillDen : 1;
  weekly.otif[t] = wOtifDen > 0 ? wOtifNum / wOtifDen : 1;
  weekly.satisfaction[t] = activeAtStart > 0 ? wSat / activeAtStart : 0;
  weekly.activeCustomers[t] = activeCount;
  weekly.inventory[t] = inventoryValue;
}

/** Allocate shared costs to customers and aggregate customers → segments → totals. */
function finish(x: Ctx): SimulationResult {
  const { n, nSeg, nPool, weeks, P, seed, labels, segmentation, normalised, c, poolOf, poolSeg, poolCost, demN, demM, cost, revenue, seg, sat, churnWeek, weekly, stockingPoints, annualListRevenue } = x;
  const inventorySum = x.state.inventorySum;
  // ---------------------------------------------------------------- allocation of shared costs
  const poolDem = new Float64Array(nPool * 2);
  const poolCount = new Float64Array(nPool);
  for (let i = 0; i < n; i++) {
    const k = poolOf[i];
    poolDem[k * 2] += demN[i];
    poolDem[k * 2 + 1] += demM[i];
    poolCount[k]++;
  }
  // each customer carries its demand share of its pool's set-up, holding and obsolescence cost, class by
  // class (equal shares if the pool saw no demand of a class); a segment's share is the sum over its
  // customers, so a pool shared by several segments splits its cost between them by demand
  for (let i = 0; i < n; i++) {
    const k = poolOf[i];
    const b = labels[i] * NF;
    for (let cls = 0; cls < 2; cls++) {
      const base = (k * 2 + cls) * 3;
      const total = poolCost[base] + poolCost[base + 1] + poolCost[base + 2];
      if (total === 0) continue;
      const dem = cls === 0 ? demN[i] : demM[i];
      const den = poolDem[k * 2 + cls];
      const share = den > 0 ? dem / den : 1 / poolCount[k];
      seg[b + SETUP] += poolCost[base] * share;
      seg[b + HOLDING] += poolCost[base + 1] * share;
      seg[b + OBSOLESCENCE] += poolCost[base + 2] * share;
      cost[i] += total * share;
    }
  }
  if (x.anyFlex) {
    // flexibility costs of a pool (capacity reservation fee, surge-source premium) by demand share, under production
    const { poolFlex } = x;
    for (let i = 0; i < n; i++) {
      const k = poolOf[i];
      const b = labels[i] * NF;
      for (let cls = 0; cls < 2; cls++) {
        const f = poolFlex[k * 2 + cls];
        if (f === 0) continue;
        const den = poolDem[k * 2 + cls];
        const share = den > 0 ? (cls === 0 ? demN[i] : demM[i]) / den : 1 / poolCount[k];
        seg[b + PRODUCTION] += f * share;
        cost[i] += f * share;
      }
    }
  }
  if (x.digitalWeek > 0) {
    // digital visibility IT cost, the same share per customer (per-customer cost basis), under orderHandling
    const per = (x.digitalWeek * weeks) / n;
    for (let i = 0; i < n; i++) {
      seg[labels[i] * NF + ORDER] += per;
      cost[i] += per;
    }
  }
  // complexity: (segments − 1) × rate × annual list revenue × weeks/52, shared by segments in
  // proportion to their annual list revenue, and within a segment by customer annual list revenue
  const segList = new Float64Array(nSeg);
  const segCount = new Float64Array(nSeg);
  for (let i = 0; i < n; i++) {
    segList[labels[i]] += clampNonNeg(c.annualRevenue[i]);
    segCount[labels[i]]++;
  }
  const complexityTotal = (Math.max(0, nonEmpty(segmentation) - 1) * P.complexityRate * annualListRevenue * weeks) / 52;
  if (complexityTotal > 0) {
    for (let s = 0; s < nSeg; s++) {
      if (segCount[s] === 0) continue;
      seg[s * NF + COMPLEXITY] += annualListRevenue > 0 ? (complexityTotal * segList[s]) / annualListRevenue : complexityTotal / nonEmpty(segmentation);
    }
    for (let i = 0; i < n; i++) {
      const s = labels[i];
      const segC = seg[s * NF + COMPLEXITY];
      cost[i] += segList[s] > 0 ? (segC * clampNonNeg(c.annualRevenue[i])) / segList[s] : segC / segCount[s];
    }
  }

  // ---------------------------------------------------------------- results
  const profit = new Float64Array(n);
  for (let i = 0; i < n; i++) profit[i] = revenue[i] - cost[i];
  const churnedBySeg = new Float64Array(nSeg);
  const satBySeg = new Float64Array(nSeg);
  for (let i = 0; i < n; i++) {
    if (churnWeek[i] >= 0) churnedBySeg[labels[i]]++;
    satBySeg[labels[i]] += sat[i];
  }
  const segments: SegmentResult[] = segmentation.segments.map((info, s) => ({
    key: info.key,
    name: { ...info.name },
    customers: segCount[s],
    ...totalsFrom(seg, s * NF, segCount[s], satBySeg[s], churnedBySeg[s]),
  }));
  const all = new Float64Array(NF);
  let satAll = 0;
  let churnAll = 0;
  for (let s = 0; s < nSeg; s++) {
    for (let f = 0; f < NF; f++) all[f] += seg[s * NF + f];
    satAll += satBySeg[s];
    churnAll += churnedBySeg[s];
  }
  const totals = totalsFrom(all, 0, n, satAll, churnAll);
  const planned = stockingPoints.reduce((a, sp) => a + sp.safetyStock, 0);
  return {
    totals,
    segments,
    customers: { segment: Uint16Array.from(labels), revenue, costToServe: cost, profit, satisfaction: sat, churnWeek },
    weekly,
    inventory: {
      averageValue: weeks > 0 ? inventorySum / weeks : 0,
      safetyStockValue: planned,
      stockingPoints,
    },
    meta: x.scenario.key === 'none' ? { plan: normalised.name, method: segmentation.method, weeks, seed, customers: n } : { plan: normalised.name, method: segmentation.method, weeks, seed, customers: n, scenario: x.scenario.key },
  };
}

/** Advance one week; returns nothing, results land in the context buffers. */
function stepWeek(x: Ctx, t: number): void {
  if (x.tariffRegion >= 0 && x.scenario.key === 'tariff-rise' && t === x.scenario.week) {
    // tariff rise (MODEL.md §7.1): from this week the region's duty rate is higher by points/100
    const add = x.scenario.points / 100;
    for (let i = 0; i < x.n; i++) {
      if (x.region[i] === x.tariffRegion) {
        x.duty[i] += add;
        x.serveConst[i * SC + C_DUTY] = x.duty[i];
      }
    }
  }
  drawDemand(x, t);
  const poolCostWeek = runStockingPoints(x, t);
  serveCustomers(x, t, poolCostWeek, x.out[0]);
}

/**
 * Run the simulation week by week (for animation). Yields a WeekState after each week and returns
 * the full result. Inputs are not mutated.
 */
export function* simulateSteps(company: Company, plan: Plan, options: SimulateOptions = {}): Generator<WeekState, SimulationResult, void> {
  const x = prepare(company, plan, options);
  for (let t = 0; t < x.weeks; t++) {
    stepWeek(x, t);
    yield {
      week: t,
      weeks: x.weeks,
      revenue: x.weekly.revenue[t],
      cost: x.weekly.cost[t],
      fillRate: x.weekly.fillRate[t],
      otif: x.weekly.otif[t],
      satisfaction: x.weekly.satisfaction[t],
      activeCustomers: x.weekly.activeCustomers[t],
      inventoryValue: x.weekly.inventory[t],
      stockByPoint: x.stockByPoint.slice(),
    };
  }
  return finish(x);
}

/** Run the whole horizon and return the result (the run-to-end wrapper, without per-week objects). */
export function simulate(company: Company, plan: Plan, options: SimulateOptions = {}): SimulationResult {
  const x = prepare(company, plan, options);
  for (let t = 0; t < x.weeks; t++) stepWeek(x, t);
  return finish(x);
}

/** Whether a strategy uses any flexibility lever (MODEL.md §7.2). */
function hasFlex(st: SegmentStrategy): boolean {
  return (st.capacityBuffer ?? 0) > 0 || st.postponement === true || st.dualSourcing === true;
}

function nonEmpty(segmentation: Segmentation): number {
  let k = 0;
  for (const s of segmentation.segments) if (s.size > 0) k++;
  return Math.max(1, k);
}

function totalsFrom(acc: Float64Array, b: number, customers: number, satSum: number, churned: number): Totals {
  const costB: CostBreakdown = {
    total: 0,
    production: acc[b + PRODUCTION],
    setup: acc[b + SETUP],
    holding: acc[b + HOLDING],
    transport: acc[b + TRANSPORT],
    duties: acc[b + DUTIES],
    service: acc[b + SERVICE],
    orderHandling: acc[b + ORDER],
    obsolescence: acc[b + OBSOLESCENCE],
    complexity: acc[b + COMPLEXITY],
  };
  let total = 0;
  for (const key of COST_KEYS) total += costB[key];
  costB.total = total;
  const revenue = acc[b + REVENUE];
  return {
    revenue,
    cost: costB,
    profit: revenue - total,
    lostMargin: acc[b + LOST],
    otif: acc[b + OTIF_DEN] > 0 ? acc[b + OTIF_NUM] / acc[b + OTIF_DEN] : 1,
    fillRate: acc[b + FILL_DEN] > 0 ? acc[b + FILL_NUM] / acc[b + FILL_DEN] : 1,
    satisfaction: customers > 0 ? satSum / customers : 0,
    churnRate: customers > 0 ? churned / customers : 0,
    // kg → tonnes
    co2eTonnes: acc[b + CO2] / 1000,
  };
}

