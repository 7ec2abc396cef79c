/**
 * Every default of the weekly simulation, with unit and source. MODEL.md §4 explains each one for
 * instructors; change a default here and the table there must change too.
 *
 * Money in USD, time in weeks unless a name says days, rates per year unless a name says week.
 * "List dollars" = demand valued at list price (the simulation tracks demand and stock in list
 * dollars per product, so that units of cables and laptops can be added).
 */
import type { Lifecycle } from '../types';
import { EngineError, checkKnownKeys, checkNumber, checkObject } from '../errors';

export type FreightMode = 'road' | 'express' | 'ocean' | 'air';

export interface FreightRate {
  /** fixed handling per kg, USD/kg */
  perKg: number;
  /** distance-variable cost, USD per kg per km */
  perKgKm: number;
  /** fixed days (pick-up, port or airport handling, customs) */
  baseDays: number;
  /** km covered per day in transit */
  kmPerDay: number;
}

export interface SimulationParams {
  /** freight by mode. Sources: ATRI 2024 (truck ≈ $2.27/mile ≈ $1.4/km per 20 t load → 0.00007 $/kg/km);
   * forwarder quotes China→US/EU 2024 (ocean ≈ $0.4–1/kg door to door, 3–6 weeks; air ≈ $4–6/kg, ≤ 7 days). */
  freight: Record<FreightMode, FreightRate>;
  /** shipping weight per unit, kg, by product key (fallback by lifecycle) — model assumption */
  weightKg: Record<string, number>;
  weightKgDefault: Record<Lifecycle, number>;
  /** delivery distance from a regional warehouse to its customers, km (model assumption) */
  localDeliveryKm: number;
  /** order picking and dispatch at any stocking point, days */
  pickDays: number;
  /** extra days to configure a customised product: responsive (make-to-order cell) vs efficient (wait for the next batch) */
  customisationDays: { efficient: number; responsive: number };
  /** coefficient of variation of delivery lead time (for the on-time probability) */
  leadTimeCv: number;

  /** production lead time (queue + run), weeks: a busy efficient plant vs a flexible responsive line */
  productionWeeks: { efficient: number; responsive: number };
  /** production set-up (changeover) cost per batch per product per production line, USD. One batch
   * fills the orders of every stocking point on the same line (supply chain; customised products have
   * a line per segment), so the changeover is shared, split by quantity (MODEL.md §4.3) */
  setupCost: { efficient: number; responsive: number };
  /** cost of one replenishment order of one product at one stocking point (purchase order, receiving,
   * put-away), USD per order; paid by every pool that orders (Silver, Pyke & Peterson 1998 §5.2:
   * ordering cost A distinct from the production set-up; model value) */
  replenishmentOrderCost: number;
  /** review period bounds for the efficient chain, weeks (EOQ period clamped to this range); responsive reviews weekly */
  efficientReviewWeeks: { min: number; max: number };
  /** unit production cost premium of the responsive line (overtime, flexible capacity), fraction */
  responsiveCostPremium: number;
  /** unit cost premium of customised products, fraction of unit cost */
  customisedCostPremium: number;
  /** price premium customers pay for customised products, fraction of list price */
  customisedPricePremium: number;
  /** set-up multiplier for customised products (more changeovers) */
  customisedSetupFactor: number;

  /** inventory holding (carrying) cost, fraction of unit cost per year (Wasp/SIG: 20–30 % functional; 30–50 % electronics) */
  holdingRate: Record<Lifecycle, number>;
  /** salvage value of end-of-life stock, fraction of unit cost (the rest is the obsolescence/markdown loss) */
  salvageRate: number;
  /** share of unfilled demand lost for good (Corsten & Gruen 2004: 31 % buy elsewhere + 9 % do not buy); the rest is backordered */
  lostSalesShare: number;
  /** exponential-smoothing constant of the weekly demand forecast at each stocking point (Brown 1959) */
  forecastAlpha: number;
  /** CV of the weekly market-wide demand factor shared by all customers of a class (correlated demand:
   * Eppen 1979 — pooling removes only the independent part of the variance) */
  marketCv: Record<Lifecycle, number>;
  /** demand response to satisfaction: weekly demand × (1 + k·(s − s_ref)/100), clamped to [0.5, 1.5]
   * (share of wallet; Peng & Lu: delivery performance changes B2B order volume; Marino et al. 2018) */
  walletSensitivity: number;
  /** log-scale sd of the launch-volume surprise of each new product (Fisher 1997: forecast error 40–100 %) */
  newProductForecastSigma: number;

  /** order handling cost per order by channel, USD (activity-based costing, Kaplan & Atkinson ch. 6; model values) */
  orderCost: { direct: number; portal: number; distributor: number; edi: number };
  /** account management per customer per year by channel, USD: sales-rep visits and key-account
   * coordination (direct), distributor programme and co-op support (distributor), EDI link and
   * master-data upkeep (edi), credit check and portal account admin (portal). Booked under service.
   * Kaplan & Atkinson ch. 6 Exhibit 6-1 ("large pre-sales support" vs "standard pricing and ordering");
   * amounts are model values. */
  accountCost: { direct: number; portal: number; distributor: number; edi: number };
  /** fixed freight per shipment (one shipment per order) by outbound mode, USD: pick-up, documents,
   * minimum charge of an LTL / parcel / LCL / air-waybill consignment. Booked under transport. Makes
   * small orders dear per dollar (Kaplan & Atkinson Exhibit 6-1: small order quantities; freight
   * 3–15 % of FOB for sea imports, calculatecbm / lowercaseonline; brokerage USD 100–350 per entry). */
  shipmentCost: Record<FreightMode, number>;
  /** cost of capital on receivables, fraction per year: carrying cost = revenue × paymentTermsDays/365 × rate.
   * Booked under service (credit and collections). Kaplan & Atkinson Exhibit 6-1: "pay slowly (high accounts
   * receivable)"; the rate equals the CLV discount rate of value.ts (assumed cost of capital). */
  receivablesRate: number;
  /** post-sales support (warranty handling, installation help, field service, help desk) per revenue
   * dollar for a customer with support need 1, booked under service (Kaplan & Atkinson Exhibit 6-1:
   * "large post-sales support"; model value) */
  supportCostRate: number;
  /** extra order handling for customised orders and for priority (expedited) orders, USD per order */
  customisedOrderCost: number;
  priorityOrderCost: number;
  /** service interactions per week for a customer with support need 1 */
  supportContactsPerWeek: number;
  /** complaint contacts per failed order (late or short) */
  complaintsPerFailedOrder: number;
  /** cost per service interaction, USD: standard call centre vs premium technical specialist */
  contactCost: { standard: number; premium: number };
  /** premium service: account manager and technical support, USD per customer per year */
  premiumServiceFee: number;
  /** complexity cost of each segment beyond the first, fraction of the company's annual list revenue per year */
  complexityRate: number;

  /** weights of the weekly experience score (sum to 1) */
  satisfactionWeights: { otif: number; leadTime: number; service: number; customisation: number; price: number };
  /** OTIF a B2B customer takes for granted (Kano "must-be" threshold) */
  otifExpected: number;
  /** utility slope per unit OTIF below / above the threshold (asymmetry of Kano must-be quality) */
  otifSlopeBelow: number;
  otifSlopeAbove: number;
  /** OTIF utility exactly at the expected OTIF, 0..1 (model value) */
  otifUtilityAtExpected: number;
  /** service utility without premium service: 1 − serviceGapWeight × supportNeed (model value) */
  serviceGapWeight: number;
  /** customisation utility with a standard product: 1 − customisationGapWeight × customisationNeed (model value) */
  customisationGapWeight: number;
  /** price utility: 1 − sensitivity × (pricePenalty − discountEffect × discount) */
  pricePenalty: number;
  discountEffect: number;
  /** exponential smoothing of satisfaction per week (memory ≈ 1/alpha weeks) */
  satisfactionAlpha: number;
  /** starting satisfaction, 0..100, and the level at which a customer's generated retention holds */
  initialSatisfaction: number;
  referenceSatisfaction: number;
  /** churn hazard multiplier per 10 satisfaction points below the reference: hazard × exp(k·(ref − s)/10) */
  churnSensitivity: number;
  /** cap of the weekly churn hazard */
  maxWeeklyHazard: number;

  // ---- §7 (MODEL.md): CO2e, flexibility levers, digital visibility. Added later; a run that uses none
  // of the §7 options gives exactly the results it gave before (the CO2e figure is only reported).
  /** greenhouse-gas intensity of freight by mode, g CO2e per tonne-km, well-to-wheel. Default values in
   * the range of the GLEC Framework v3 (Smart Freight Centre 2023) / ISO 14083:2023 default intensities:
   * road full/part truckload 60–100 (80), express = LTL/parcel van with low load factors (≈ 2× FTL: 180),
   * ocean container 8–15 (12), long-haul air freight 500–1,100 (800). Rounded model values, not a
   * certified calculation. */
  emissionFactor: Record<FreightMode, number>;
  /** warehousing (site) emissions, kg CO2e per tonne handled at each stocking site the goods pass
   * through (central DC; regional warehouse as a second site). Model assumption in the order of
   * magnitude of the GLEC v3 logistics-site default intensities for ambient warehouses. */
  warehouseCo2ePerTonne: number;
  /** capacity headroom of a production line above its planned volume, fraction. Only binds in a scenario
   * that changes demand, from the scenario's start week (the base model assumes the plant is sized to the
   * plan); a segment's capacityBuffer adds to it. Model value (typical planned utilisation 85–90 %). */
  capacityHeadroom: number;
  /** after a demand scenario starts, capacity can be raised by this fraction of the planned volume per week
   * (overtime approved, extra shift hired, second line qualified), so a shortage is transient and the
   * capacityBuffer decides how deep it is. Model value: +30 % within 10 weeks. */
  capacityRampPerWeek: number;
  /** annual fee of reserved capacity, fraction of the planned annual production cost per unit of
   * capacityBuffer (standby shift, spare line, capacity-reservation contract). Booked under production.
   * Model value. */
  capacityReserveRate: number;
  /** postponement: late configuration (kitting, flashing, labelling at the DC) adds this fraction of unit
   * cost (late configuration adds a little assembly work per unit; Lee, Billington & Carter 1993). Model value. */
  postponementCostPremium: number;
  /** postponement: days to configure a customised order from generic stock (replaces customisationDays) */
  postponementConfigDays: number;
  /** dual sourcing: unit cost premium of the fast (surge) source, fraction of unit cost (Allon & Van
   * Mieghem 2010: near-shore surge source dearer than the off-shore base source). Model value. */
  surgeCostPremium: number;
  /** dual sourcing: lead time of the surge source, weeks (integer ≥ 1) */
  surgeLeadWeeks: number;
  /** dual sourcing: the surge source is called when stock on hand falls below this many weeks of forecast demand */
  surgeTriggerWeeks: number;
  /** digital visibility: annual IT cost per unit of forecastImprovement, USD per year (fixed platform part)
   * plus a per-customer part (data link, onboarding). Booked under orderHandling. Model values. */
  digitalFixedCost: number;
  digitalCostPerCustomer: number;
}

export const DEFAULT_PARAMS: SimulationParams = {
  freight: {
    road: { perKg: 0.08, perKgKm: 0.00007, baseDays: 1, kmPerDay: 700 },
    express: { perKg: 0.4, perKgKm: 0.00025, baseDays: 0.5, kmPerDay: 1200 },
    ocean: { perKg: 0.25, perKgKm: 0.00004, baseDays: 10, kmPerDay: 600 },
    air: { perKg: 3.0, perKgKm: 0.0001, baseDays: 4, kmPerDay: 10000 },
  },
  weightKg: {
    'airbook-14': 2.5,
    'pro-16': 3.2,
    'tab-11': 1.0,
    'edge-hub': 0.8,
    'charger-65w': 0.35,
    'cable-usbc': 0.15,
    'monitor-27': 7.5,
    'keyboard-set': 1.2,
    'dock-usbc': 0.6,
  },
  weightKgDefault: { new: 2, mature: 1 },
  localDeliveryKm: 300,
  pickDays: 1,
  customisationDays: { efficient: 14, responsive: 4 },
  leadTimeCv: 0.2,

  productionWeeks: { efficient: 6, responsive: 1 },
  setupCost: { efficient: 12000, responsive: 1500 },
  replenishmentOrderCost: 250,
  efficientReviewWeeks: { min: 4, max: 13 },
  responsiveCostPremium: 0.05,
  customisedCostPremium: 0.08,
  customisedPricePremium: 0.05,
  customisedSetupFactor: 1.5,

  holdingRate: { new: 0.3, mature: 0.25 },
  salvageRate: 0.3,
  lostSalesShare: 0.4,
  forecastAlpha: 0.3,
  newProductForecastSigma: 0.5,
  marketCv: { new: 0.15, mature: 0.05 },
  walletSensitivity: 1,

  orderCost: { direct: 60, portal: 12, distributor: 25, edi: 4 },
  accountCost: { direct: 10000, portal: 60, distributor: 3000, edi: 1500 },
  shipmentCost: { road: 15, express: 30, ocean: 350, air: 150 },
  receivablesRate: 0.1,
  supportCostRate: 0.08,
  customisedOrderCost: 30,
  priorityOrderCost: 15,
  supportContactsPerWeek: 0.1,
  complaintsPerFailedOrder: 1,
  contactCost: { standard: 30, premium: 60 },
  premiumServiceFee: 3000,
  complexityRate: 0.00025,

  satisfactionWeights: { otif: 0.35, leadTime: 0.15, service: 0.15, customisation: 0.15, price: 0.2 },
  otifExpected: 0.95,
  otifSlopeBelow: 4,
  otifSlopeAbove: 2,
  otifUtilityAtExpected: 0.9,
  serviceGapWeight: 0.7,
  customisationGapWeight: 0.8,
  pricePenalty: 0.6,
  discountEffect: 3,
  satisfactionAlpha: 0.1,
  initialSatisfaction: 75,
  referenceSatisfaction: 60,
  churnSensitivity: 0.5,
  maxWeeklyHazard: 0.5,

  emissionFactor: { road: 80, express: 180, ocean: 12, air: 800 },
  warehouseCo2ePerTonne: 2,
  capacityHeadroom: 0.1,
  capacityRampPerWeek: 0.03,
  capacityReserveRate: 0.006,
  postponementCostPremium: 0.005,
  postponementConfigDays: 2,
  surgeCostPremium: 0.12,
  surgeLeadWeeks: 1,
  surgeTriggerWeeks: 1,
  digitalFixedCost: 1_000_000,
  digitalCostPerCustomer: 250,
};

/** Deep-merge user overrides over DEFAULT_PARAMS, validating every number (finite, non-negative). */
export function resolveParams(overrides: unknown): SimulationParams {
  if (overrides === undefined) return DEFAULT_PARAMS;
  const o = checkObject('params', overrides);
  checkKnownKeys('params', o, Object.keys(DEFAULT_PARAMS));
  const merge = (path: string, base: unknown, over: unknown): unknown => {
    if (over === undefined) return base;
    if (typeof base === 'number') {
      const max = path.includes('Rate') || path.includes('Share') || path.includes('Alpha') || path.includes('Premium') || path.endsWith('UtilityAtExpected') || path.endsWith('GapWeight') ? 1 : 1e9;
      // speeds and review periods must be positive (they divide or step the weekly loop)
      const min = path.endsWith('kmPerDay') || path.startsWith('params.efficientReviewWeeks') || path === 'params.surgeLeadWeeks' ? 1 : 0;
      return checkNumber(path, over, min, max);
    }
    const ob = checkObject(path, over);
    const bb = base as Record<string, unknown>;
    if (path !== 'params.weightKg') checkKnownKeys(path, ob, Object.keys(bb));
    const out: Record<string, unknown> = { ...bb };
    for (const k of Object.keys(ob)) out[k] = merge(`${path}.${k}`, bb[k] ?? 1, ob[k]);
    return out;
  };
  const result = merge('params', DEFAULT_PARAMS, o) as SimulationParams;
  if (result.efficientReviewWeeks.min > result.efficientReviewWeeks.max) {
    throw new EngineError('params.efficientReviewWeeks.min', result.efficientReviewWeeks.min, `1..${result.efficientReviewWeeks.max} (not above max)`);
  }
  const w = result.satisfactionWeights;
  const sum = w.otif + w.leadTime + w.service + w.customisation + w.price;
  if (!(sum > 0.999 && sum < 1.001)) throw new EngineError('params.satisfactionWeights', sum, 'weights summing to 1', 'do not sum to 1');
  return result;
}

/** Door-to-door cost of one kg by a mode over a distance, USD/kg (landed-cost freight term). */
export function freightPerKg(rate: FreightRate, km: number): number {
  return rate.perKg + rate.perKgKm * km;
}

/** Transit time by a mode over a distance, days. */
export function transitDays(rate: FreightRate, km: number): number {
  return rate.baseDays + km / rate.kmPerDay;
}
