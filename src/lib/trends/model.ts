/**
 * The trends lab (chapter 10, "Digital and sustainable supply chains"): its state, the plans it runs
 * through the engine, the figures it shows and the checks of its two guided tasks. Pure TypeScript
 * (no DOM), so the same functions drive the island, the unit tests and the pinned lesson figures.
 *
 * The company: Kestrel Electronics, seed 42, 2,000 customers, 52 weeks, split into domestic and
 * international customers (segmentation "geography", by: "domestic"; simulations/segmentation/geography.ts).
 * The learner sets, per segment, three levers of the engine's SegmentStrategy (strategy/levers.ts):
 * supply chain (efficient | responsive), fulfilment (central DC | regional warehouse or hub) and
 * delivery (standard = road at home, ocean abroad | priority = express at home, air abroad;
 * MODEL.md §4.4 "Mode choice"), plus the company-wide digital visibility lever
 * `forecastImprovement` f ∈ [0, 0.5] (simulate() option `digital`, MODEL.md §7.3). The other levers
 * stay at the one-size-fits-all default (95 % cycle service level, standard service and products, list price).
 *
 * Units: money USD per simulated year; CO2e tonnes (MODEL.md §7.4); satisfaction 0..100; OTIF and
 * fill rate fractions 0..1.
 */
import type { Company, DigitalOptions, Plan, Segmentation, SegmentationSpec, SegmentStrategy, SimulationResult } from '@sim/types';
import { DEFAULT_PARAMS } from '@sim/simulate/params';
import { simulate } from '@sim/simulate/simulate';
import { DEFAULT_STRATEGY } from '@sim/strategy/levers';

export const TRENDS_SEED = 42;
export const TRENDS_CUSTOMERS = 2000;
export const TRENDS_WEEKS = 52;
export const TRENDS_SEGMENTATION: SegmentationSpec = { method: 'geography', params: { by: 'domestic' } };
/** segment keys of the geography "domestic" split, in the engine's order */
export const TRENDS_SEGMENTS = ['domestic', 'international'] as const;
export type TrendsSegment = (typeof TRENDS_SEGMENTS)[number];

/** the digital lever: fraction of the forecast error removed (simulate.ts resolveSimulateOptions: 0..0.5) */
export const DIGITAL_MIN = 0;
export const DIGITAL_MAX = 0.5;
export const DIGITAL_STEP = 0.05;

export const SUPPLY_CHAIN_OPTIONS = ['efficient', 'responsive'] as const;
export const FULFILMENT_OPTIONS = ['central', 'regional'] as const;
export const DELIVERY_OPTIONS = ['standard', 'priority'] as const;

/** The three levers the lab edits per segment. */
export interface SegmentChoice {
  supplyChain: (typeof SUPPLY_CHAIN_OPTIONS)[number];
  fulfilment: (typeof FULFILMENT_OPTIONS)[number];
  delivery: (typeof DELIVERY_OPTIONS)[number];
}
export const CHOICE_KEYS = ['supplyChain', 'fulfilment', 'delivery'] as const;
export type ChoiceKey = (typeof CHOICE_KEYS)[number];
export const CHOICE_OPTIONS: { [K in ChoiceKey]: readonly SegmentChoice[K][] } = {
  supplyChain: SUPPLY_CHAIN_OPTIONS,
  fulfilment: FULFILMENT_OPTIONS,
  delivery: DELIVERY_OPTIONS,
};

export interface TrendsState {
  /** forecastImprovement f, 0..0.5 in steps of 0.05 */
  digital: number;
  segments: Record<TrendsSegment, SegmentChoice>;
}

/** One size fits all (DEFAULT_STRATEGY): efficient chain, central DC, standard freight, no platform. */
const BASELINE: TrendsState = {
  digital: 0,
  segments: {
    domestic: { supplyChain: 'efficient', fulfilment: 'central', delivery: 'standard' },
    international: { supplyChain: 'efficient', fulfilment: 'central', delivery: 'standard' },
  },
};
export const BASELINE_STATE: Readonly<TrendsState> = Object.freeze(BASELINE);

/**
 * The starting plan, "Kestrel today": sales promised speed to everyone, so every order goes priority
 * from the central DC in Suzhou (express trucks at home, air freight abroad), no data platform.
 * The tasks are measured against it; the one-size-fits-all baseline is shown beside it.
 */
const START: TrendsState = {
  digital: 0,
  segments: {
    domestic: { supplyChain: 'efficient', fulfilment: 'central', delivery: 'priority' },
    international: { supplyChain: 'efficient', fulfilment: 'central', delivery: 'priority' },
  },
};
export const START_STATE: Readonly<TrendsState> = Object.freeze(START);

export function cloneState(s: Readonly<TrendsState>): TrendsState {
  return { digital: s.digital, segments: { domestic: { ...s.segments.domestic }, international: { ...s.segments.international } } };
}

export function sameState(a: Readonly<TrendsState>, b: Readonly<TrendsState>): boolean {
  return (
    Math.abs(a.digital - b.digital) < 1e-9 &&
    TRENDS_SEGMENTS.every((k) => CHOICE_KEYS.every((c) => a.segments[k][c] === b.segments[k][c]))
  );
}

/** Snap a digital level to the lever's grid and range (NaN → 0). */
export function snapDigital(x: number): number {
  if (!Number.isFinite(x)) return DIGITAL_MIN;
  const c = Math.min(DIGITAL_MAX, Math.max(DIGITAL_MIN, x));
  return Number((Math.round(c / DIGITAL_STEP) * DIGITAL_STEP).toFixed(2));
}

/** The engine plan of a state: geography split, DEFAULT_STRATEGY with the three chosen levers per segment. */
export function planOf(state: Readonly<TrendsState>): Plan {
  const strategies: Record<string, Partial<SegmentStrategy>> = { '*': { ...DEFAULT_STRATEGY } };
  for (const k of TRENDS_SEGMENTS) strategies[k] = { ...DEFAULT_STRATEGY, ...state.segments[k] };
  return { name: 'trends-lab', segmentation: TRENDS_SEGMENTATION, strategies };
}

/** Annual IT cost of the data platform, USD: f × (digitalFixedCost + digitalCostPerCustomer × customers) (MODEL.md §7.3). */
export function digitalItCost(f: number, customers: number, weeks = TRENDS_WEEKS): number {
  if (!(f > 0)) return 0;
  return (f * (DEFAULT_PARAMS.digitalFixedCost + DEFAULT_PARAMS.digitalCostPerCustomer * customers) * weeks) / 52;
}

export interface SegmentFigures {
  key: TrendsSegment;
  customers: number;
  revenue: number;
  cost: number;
  profit: number;
  satisfaction: number;
  otif: number;
  co2eTonnes: number;
}

export interface TrendsFigures {
  revenue: number;
  /** total cost, USD, IT cost included */
  cost: number;
  /** the platform's IT cost (part of `cost`, booked by the engine under order handling) */
  itCost: number;
  profit: number;
  satisfaction: number;
  otif: number;
  fillRate: number;
  co2eTonnes: number;
  /** planned safety stock over all stocking points at the start, USD at unit cost (MODEL.md §4.3) */
  safetyStock: number;
  /** transport cost, USD */
  transport: number;
  segments: SegmentFigures[];
}

const finite = (x: number | undefined): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

export function figuresOf(r: SimulationResult, digital: number, customers: number): TrendsFigures {
  const t = r.totals;
  const segments: SegmentFigures[] = TRENDS_SEGMENTS.map((key) => {
    const s = r.segments.find((x) => x.key === key);
    return {
      key,
      customers: s ? s.customers : 0,
      revenue: finite(s?.revenue),
      cost: finite(s?.cost.total),
      profit: finite(s?.profit),
      satisfaction: finite(s?.satisfaction),
      otif: finite(s?.otif),
      co2eTonnes: finite(s?.co2eTonnes),
    };
  });
  return {
    revenue: finite(t.revenue),
    cost: finite(t.cost.total),
    itCost: digitalItCost(digital, customers, r.meta?.weeks ?? TRENDS_WEEKS),
    profit: finite(t.profit),
    satisfaction: finite(t.satisfaction),
    otif: finite(t.otif),
    fillRate: finite(t.fillRate),
    co2eTonnes: finite(t.co2eTonnes),
    safetyStock: finite(r.inventory?.safetyStockValue),
    transport: finite(t.cost.transport),
    segments,
  };
}

/** Run one state on a company (the segmentation precomputed once for the lab's company). */
export function runState(company: Company, segmentation: Segmentation, state: Readonly<TrendsState>, seed: number = TRENDS_SEED): TrendsFigures {
  const f = snapDigital(state.digital);
  const digital: DigitalOptions | undefined = f > 0 ? { forecastImprovement: f } : undefined;
  const r = simulate(company, planOf(state), { weeks: TRENDS_WEEKS, seed, segmentation, digital });
  return figuresOf(r, f, company.customers.n);
}

// ------------------------------------------------------------------------------------------------
// Guided tasks
// ------------------------------------------------------------------------------------------------

/** Task 1 targets: CO2e at most half of the starting plan's, satisfaction at most 1 point below it, profit not below it. */
export const GREEN_CO2_CUT = 0.5;
export const GREEN_SATISFACTION_SLACK = 1;

export type Unit = 'tonnes' | 'points' | 'usd' | 'percent' | 'level';
/** A reason as a key of the island's strings plus typed values (formatted by the view). */
export interface Reason {
  key: string;
  vars: Record<string, { v: number; u: Unit }>;
}
export interface TaskResult {
  id: 'green' | 'information';
  met: boolean;
  reasons: Reason[];
}

/** Task 1: "Green without losing customers". */
export function checkGreen(now: TrendsFigures, start: TrendsFigures): TaskResult {
  const reasons: Reason[] = [];
  const co2Target = start.co2eTonnes * (1 - GREEN_CO2_CUT);
  const satTarget = start.satisfaction - GREEN_SATISFACTION_SLACK;
  const cut = start.co2eTonnes > 0 ? 1 - now.co2eTonnes / start.co2eTonnes : 0;
  const co2Ok = now.co2eTonnes <= co2Target;
  const satOk = now.satisfaction >= satTarget;
  const profitOk = now.profit >= start.profit;
  if (!co2Ok) reasons.push({ key: 'task.green.co2Short', vars: { now: { v: now.co2eTonnes, u: 'tonnes' }, target: { v: co2Target, u: 'tonnes' }, cut: { v: cut, u: 'percent' } } });
  if (!satOk) reasons.push({ key: 'task.green.satShort', vars: { now: { v: now.satisfaction, u: 'points' }, target: { v: satTarget, u: 'points' } } });
  if (!profitOk) reasons.push({ key: 'task.green.profitShort', vars: { now: { v: now.profit, u: 'usd' }, target: { v: start.profit, u: 'usd' } } });
  const met = co2Ok && satOk && profitOk;
  if (met) reasons.push({ key: 'task.green.met', vars: { cut: { v: cut, u: 'percent' }, sat: { v: now.satisfaction, u: 'points' }, profit: { v: now.profit - start.profit, u: 'usd' } } });
  return { id: 'green', met, reasons };
}

/** Task 2: "Information instead of inventory": international customers served from their regional hubs,
 * and the planned safety stock no higher than the starting plan's (which pools everything in Suzhou). */
export function checkInformation(state: Readonly<TrendsState>, now: TrendsFigures, start: TrendsFigures): TaskResult {
  const reasons: Reason[] = [];
  const hubs = state.segments.international.fulfilment === 'regional';
  const ssOk = now.safetyStock <= start.safetyStock;
  if (!hubs) reasons.push({ key: 'task.info.noHubs', vars: {} });
  if (!ssOk) {
    // the level of f that would bring the stock down, if any: SS scales with (1 − f) (MODEL.md §7.3)
    const ss0 = state.digital < 1 ? now.safetyStock / (1 - snapDigital(state.digital)) : now.safetyStock;
    const need = ss0 > 0 ? 1 - start.safetyStock / ss0 : 0;
    const reachable = need <= DIGITAL_MAX + 1e-9;
    reasons.push({
      key: reachable ? 'task.info.ssHigh' : 'task.info.ssUnreachable',
      vars: { now: { v: now.safetyStock, u: 'usd' }, target: { v: start.safetyStock, u: 'usd' }, level: { v: Math.min(DIGITAL_MAX, Math.max(0, Math.ceil(need / DIGITAL_STEP - 1e-9) * DIGITAL_STEP)), u: 'level' } },
    });
  }
  const met = hubs && ssOk;
  if (met) reasons.push({ key: 'task.info.met', vars: { now: { v: now.safetyStock, u: 'usd' }, target: { v: start.safetyStock, u: 'usd' }, level: { v: state.digital, u: 'level' } } });
  return { id: 'information', met, reasons };
}

// ------------------------------------------------------------------------------------------------
// CO2e and safety stock arithmetic for "under the hood" and the worked example
// ------------------------------------------------------------------------------------------------

/**
 * CO2e of moving `kg` over `km` by a mode, kg CO2e = kg ÷ 1000 (t) × km × EF (g CO2e/tkm) ÷ 1000 (g → kg).
 * EF from simulations/simulate/params.ts emissionFactor (GLEC Framework v3 / ISO 14083 default ranges).
 */
export function legCo2eKg(kg: number, km: number, mode: keyof typeof DEFAULT_PARAMS.emissionFactor): number {
  return ((kg / 1000) * km * DEFAULT_PARAMS.emissionFactor[mode]) / 1000;
}

/** Share of the total CO2e emitted by a segment, 0..1 (0 when there is none). */
export function co2Share(f: TrendsFigures, key: TrendsSegment): number {
  const s = f.segments.find((x) => x.key === key);
  return f.co2eTonnes > 0 && s ? s.co2eTonnes / f.co2eTonnes : 0;
}
