/**
 * Shared types of the Segment Lab engine: the contract between the company generator,
 * the segmentation modules, the strategy/plan layer and the weekly simulation.
 *
 * Conventions (see ../shared/DESIGN.md):
 * - randomness is injected as an `Rng` (a function returning a float in [0, 1));
 * - populations are columnar (struct of typed arrays, index = customer);
 * - text shown to learners is carried as `Localized` pairs; the engine never formats numbers;
 * - money is in US dollars (USD) per year unless a name says otherwise; time in weeks or days as named.
 */

/** A seeded source of uniform floats in [0, 1). Created only in random/rng.ts. */
export type Rng = () => number;

/** Text in both site languages. */
export interface Localized {
  en: string;
  'zh-cn': string;
}

export type Lifecycle = 'new' | 'mature';
export type Channel = 'direct' | 'portal' | 'distributor' | 'edi';
export const CHANNELS: readonly Channel[] = ['direct', 'portal', 'distributor', 'edi'];

export interface Region {
  /** index into Company.regions, also the code stored in CustomerTable.region */
  index: number;
  key: string;
  name: Localized;
  international: boolean;
  /** road/sea distance from the plant's central DC, km */
  distanceKm: number;
  /** import duty rate on goods value, fraction (0.05 = 5 %) */
  dutyRate: number;
  /** index into Company.facilities of the regional warehouse that can serve this region */
  warehouse: number;
}

export interface Facility {
  index: number;
  key: string;
  name: Localized;
  kind: 'plant' | 'central-dc' | 'regional-warehouse';
  /** region index where it sits */
  region: number;
}

export interface Product {
  index: number;
  key: string;
  name: Localized;
  lifecycle: Lifecycle;
  /** list price per unit, USD */
  price: number;
  /** variable production cost per unit, USD */
  unitCost: number;
  /** life cycle length, weeks (Fisher 1997: innovative 13-52, functional > 104) */
  lifeWeeks: number;
  /** week of the simulated year in which the product launches (may be negative: already on sale) */
  launchWeek: number;
  /** coefficient of variation of weekly demand at the customer level */
  demandCv: number;
}

/**
 * The customer base, columnar. Every array has length `n`.
 * Codes index into the small lookup lists of `Company` (regions, CHANNELS, INDUSTRIES...).
 */
export interface CustomerTable {
  n: number;
  /** hidden archetype that generated the customer (for teaching: adjusted Rand index) */
  archetype: Uint8Array;
  industry: Uint8Array;
  // needs
  /** 0..1, how strongly price drives the buying decision */
  priceSensitivity: Float64Array;
  /** 0..1, quality / reliability requirement */
  qualityRequirement: Float64Array;
  /** delivery lead time the customer needs, days */
  requiredLeadTimeDays: Float64Array;
  /** 0..1, pre- and after-sales technical support need */
  supportNeed: Float64Array;
  /** 0..1, need for customised products */
  customisationNeed: Float64Array;
  // value
  /** annual revenue at list price, USD per year */
  annualRevenue: Float64Array;
  /** gross margin rate on this customer's mix, fraction */
  grossMargin: Float64Array;
  /** years as a customer */
  tenureYears: Float64Array;
  /** probability of staying one more year, 0..1 */
  retention: Float64Array;
  /** expected annual revenue growth, fraction per year */
  growth: Float64Array;
  // geography
  region: Uint8Array;
  /** 1 if outside the home country */
  international: Uint8Array;
  /** distance from the central DC, km */
  distanceKm: Float64Array;
  /** import duty rate, fraction of goods value */
  dutyRate: Float64Array;
  // product lifecycle
  /** share of revenue on new (innovative) products, 0..1 */
  newProductShare: Float64Array;
  // behaviour
  /** orders placed per year */
  ordersPerYear: Float64Array;
  /** average order value, USD */
  avgOrderValue: Float64Array;
  /** index into CHANNELS */
  channel: Uint8Array;
  /** agreed payment terms, days */
  paymentTermsDays: Float64Array;
  /** coefficient of variation of the customer's weekly demand */
  demandCv: Float64Array;
  /** weeks since last order at the start of the year (for RFM recency) */
  recencyWeeks: Float64Array;
}

export interface Company {
  seed: number | string;
  name: Localized;
  regions: Region[];
  facilities: Facility[];
  products: Product[];
  /** names of industries, indexed by CustomerTable.industry */
  industries: Localized[];
  /** names of the hidden archetypes, indexed by CustomerTable.archetype */
  archetypes: Localized[];
  customers: CustomerTable;
}

export interface GenerateOptions {
  /** number of customers, 50..200000, default 2000 */
  customers?: number;
}

/** One segment of a segmentation. */
export interface SegmentInfo {
  /** stable key used by plans, e.g. "A", "fast-movers", "intl" */
  key: string;
  name: Localized;
  /** number of customers */
  size: number;
  /** mean of selected attributes in this segment, for the profile table */
  profile: Record<string, number>;
}

/** Result of any segmentation method. */
export interface Segmentation {
  method: SegmentationMethod;
  /** segment index per customer (length n) */
  labels: Uint16Array;
  segments: SegmentInfo[];
  /** adjusted Rand index against the hidden archetypes, -1..1 */
  ari: number;
}

export type SegmentationMethod =
  | 'none'
  | 'needs'
  | 'value'
  | 'geography'
  | 'lifecycle'
  | 'behaviour'
  | 'rules'
  | 'kmeans';

/** How a plan says which segmentation to use: method plus that method's params. */
export interface SegmentationSpec {
  method: SegmentationMethod;
  params?: Record<string, unknown>;
}

/** The levers of one segment (issue 3, section 3). */
export interface SegmentStrategy {
  /** efficient = make-to-stock, large batches, slow cheap freight; responsive = small batches / MTO, fast freight */
  supplyChain: 'efficient' | 'responsive';
  /** target cycle service level (probability of no stockout in a replenishment cycle), 0.5..0.999 */
  serviceLevel: number;
  fulfilment: 'central' | 'regional';
  delivery: 'standard' | 'priority';
  service: 'standard' | 'premium';
  product: 'standard' | 'customised';
  /** price discount, fraction 0..0.3 */
  discount: number;
  // ---- flexibility levers (MODEL.md §7.2). Optional: absent = today's behaviour (no flexibility).
  /** extra production capacity reserved above the planned volume, fraction 0..0.5 (catches up faster
   * after a demand shock; costs a reservation fee per unit of capacity) */
  capacityBuffer?: number;
  /** generic stock, final configuration late: the variants of a product class share one stock and
   * customised orders are configured in days (Zinn & Bowersox 1988; Lee, Billington & Carter 1993) */
  postponement?: boolean;
  /** a second, faster, dearer source called when stock falls below a trigger (Allon & Van Mieghem 2010) */
  dualSourcing?: boolean;
}

export interface Plan {
  name?: string;
  /** free text for instructors (ignored by the engine) */
  description?: string;
  segmentation: SegmentationSpec;
  /** strategy per segment key; "*" is the default for any segment not listed */
  strategies: Record<string, Partial<SegmentStrategy>>;
}

export interface CostBreakdown {
  total: number;
  production: number;
  setup: number;
  holding: number;
  transport: number;
  duties: number;
  service: number;
  orderHandling: number;
  obsolescence: number;
  complexity: number;
}

export interface Totals {
  revenue: number;
  cost: CostBreakdown;
  profit: number;
  /** margin lost to stockouts and churn, USD (reported beside cost, not in it) */
  lostMargin: number;
  /** fraction of orders on time in full, 0..1 */
  otif: number;
  /** fraction of demanded units shipped from stock, 0..1 */
  fillRate: number;
  /** mean satisfaction, 0..100 */
  satisfaction: number;
  /** fraction of customers lost over the horizon, 0..1 */
  churnRate: number;
  /** greenhouse-gas emissions of freight and warehousing, tonnes CO2e (MODEL.md §7.4). Optional in the
   * type for older consumers; simulate() always fills it. */
  co2eTonnes?: number;
}

export interface SegmentResult extends Totals {
  key: string;
  name: Localized;
  customers: number;
}

export interface SimulationResult {
  totals: Totals;
  segments: SegmentResult[];
  /** per-customer results, columnar (length n) */
  customers: {
    segment: Uint16Array;
    revenue: Float64Array;
    costToServe: Float64Array;
    profit: Float64Array;
    satisfaction: Float64Array;
    /** week in which the customer churned, or -1 */
    churnWeek: Int16Array;
  };
  /** per-week series for dashboards (length = weeks) */
  weekly: {
    revenue: Float64Array;
    cost: Float64Array;
    satisfaction: Float64Array;
    activeCustomers: Float64Array;
    fillRate: Float64Array;
    /** fraction of orders on time in full per week (added by the simulation engineer) */
    otif?: Float64Array;
    /** stock on hand at the end of each week, USD at unit cost */
    inventory?: Float64Array;
  };
  /** stock summary: average stock on hand and the planned safety stock per stocking point */
  inventory?: InventorySummary;
  /** what was run */
  meta?: { plan: string; method: SegmentationMethod; weeks: number; seed: number | string; customers: number; scenario?: ScenarioKey };
}

/** One stocking point of a simulation: a segment's stock at one facility. */
export interface StockingPoint {
  /** index of the first segment served (its strategy carries the pool's policy) */
  segment: number;
  /** indices of every segment that draws on this stock, ascending (segments with the same facility and
   * supply chain and standard products share one pool, held to their strictest service level; MODEL.md §4.3) */
  segments: number[];
  /** facility index (central DC or regional warehouse) */
  facility: number;
  /** replenishment lead time L, weeks */
  leadWeeks: number;
  /** review period R, weeks */
  reviewWeeks: number;
  /** planned mean weekly demand at the start, USD at list price */
  meanPerWeek: number;
  /** planned σ of weekly demand, USD at list price (pooled: √Σσᵢ² within each product class) */
  sigmaPerWeek: number;
  /** planned safety stock z·σ·√(L+R) at the start, USD at unit cost */
  safetyStock: number;
}

export interface InventorySummary {
  /** mean stock on hand over the weeks, USD at unit cost */
  averageValue: number;
  /** planned safety stock summed over stocking points, USD at unit cost */
  safetyStockValue: number;
  stockingPoints: StockingPoint[];
}

export interface SimulateOptions {
  /** weeks to simulate, 1..260, default 52 */
  weeks?: number;
  /** seed of the demand stream (common random numbers across plans), default: company seed */
  seed?: number | string;
  /** a segmentation already computed for plan.segmentation (skips re-segmenting, e.g. on every slider move) */
  segmentation?: Segmentation;
  /** overrides of the simulation defaults (simulate/params.ts DEFAULT_PARAMS), validated */
  params?: Record<string, unknown>;
  /** an external event to play against the plan (MODEL.md §7.1); default none. Kept apart from the plan:
   * the same plan is tested against several scenarios. A preset key is short for { key }. */
  scenario?: ScenarioSpec | ScenarioKey;
  /** digital demand visibility (MODEL.md §7.3): forecastImprovement 0..0.5 removes that fraction of the
   * forecast error, at an annual IT cost booked under orderHandling */
  digital?: DigitalOptions;
}

/** Scenario presets (simulate/scenarios.ts SCENARIOS). */
export type ScenarioKey = 'none' | 'demand-shock' | 'tariff-rise' | 'new-product-launch' | 'demand-shift';

/** A scenario: a preset key plus overrides of its parameters (validated by resolveScenario). */
export interface ScenarioSpec {
  key: ScenarioKey;
  params?: Record<string, unknown>;
}

export interface DigitalOptions {
  /** fraction of the forecast error removed, 0..0.5 */
  forecastImprovement: number;
}
