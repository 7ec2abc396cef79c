/**
 * The formulas behind the lab's numbers (the "under the hood" panel): the model parameters each one
 * uses and its source. The TeX is in formulas.tex.ts; `npx tsx src/lib/lab/formulas.gen.ts` renders it
 * once to MathML (KaTeX `output: 'mathml'`) into formulas.mathml.ts, which only the server build reads:
 * the island writes the MathML into its server-rendered HTML, so the browser gets neither KaTeX
 * (~70 KB gzip) nor the formulas as JavaScript, and renders MathML natively.
 * test/lab/formulas.test.ts fails when the TeX and the stored MathML drift apart.
 */
import { DEFAULT_PARAMS } from '@sim/simulate/params';
import { DEFAULT_NEEDS_PARAMS } from '@sim/segmentation/needs';
import { DEFAULT_VALUE_PARAMS } from '@sim/segmentation/value';
import type { LensId } from './lenses';

export interface FormulaParam {
  /** lab.hood.param.* key of the parameter's name */
  key: string;
  value: number;
  /** fraction = 0..1 shown as a percent; km and days are shown with their unit (lab.unit.km / lab.unit.days) */
  unit: 'fraction' | 'usd' | 'weeks' | 'points' | 'number' | 'perYear' | 'km' | 'days' | 'sd';
}

export interface Formula {
  id: string;
  params: FormulaParam[];
  /** author-year source(s); shown as given */
  source: string;
}

const P = DEFAULT_PARAMS;
const V = DEFAULT_VALUE_PARAMS;

export const FORMULAS: Record<string, Formula> = {
  totalCost: {
    id: 'totalCost',
    params: [],
    source: 'Kaplan & Atkinson, Advanced Management Accounting, ch. 6 (activity-based cost-to-serve)',
  },
  safetyStock: {
    id: 'safetyStock',
    params: [
      { key: 'productionEfficient', value: P.productionWeeks.efficient, unit: 'weeks' },
      { key: 'productionResponsive', value: P.productionWeeks.responsive, unit: 'weeks' },
      { key: 'holdingNew', value: P.holdingRate.new, unit: 'perYear' },
      { key: 'holdingMature', value: P.holdingRate.mature, unit: 'perYear' },
    ],
    source: 'Silver, Pyke & Peterson (1998) §7.7; Chopra & Meindl, ch. 12',
  },
  pooling: {
    id: 'pooling',
    params: [{ key: 'complexityRate', value: P.complexityRate, unit: 'perYear' }],
    source: 'Eppen (1979), Management Science 25(5)',
  },
  transport: {
    id: 'transport',
    params: [
      { key: 'roadPerKgKm', value: P.freight.road.perKgKm, unit: 'usd' },
      { key: 'airPerKg', value: P.freight.air.perKg, unit: 'usd' },
      { key: 'oceanPerKg', value: P.freight.ocean.perKg, unit: 'usd' },
    ],
    source: 'ATRI (2024) truck costs; forwarder quotes China–US/EU (2024)',
  },
  otif: {
    id: 'otif',
    params: [{ key: 'otifExpected', value: P.otifExpected, unit: 'fraction' }],
    source: 'Kano et al. (1984) must-be quality; MODEL.md §4',
  },
  satisfaction: {
    id: 'satisfaction',
    params: [
      { key: 'alpha', value: P.satisfactionAlpha, unit: 'number' },
      { key: 'wOtif', value: P.satisfactionWeights.otif, unit: 'fraction' },
      { key: 'wPrice', value: P.satisfactionWeights.price, unit: 'fraction' },
      { key: 'initialSatisfaction', value: P.initialSatisfaction, unit: 'points' },
    ],
    source: 'Kano et al. (1984); Marino, Zotteri & Montagna (2018)',
  },
  churn: {
    id: 'churn',
    params: [
      { key: 'churnSensitivity', value: P.churnSensitivity, unit: 'number' },
      { key: 'referenceSatisfaction', value: P.referenceSatisfaction, unit: 'points' },
    ],
    source: 'Anderson, Fitzsimons & Simester (2006); Jing & Lewis (2011)',
  },
  profit: {
    id: 'profit',
    params: [{ key: 'lostSalesShare', value: P.lostSalesShare, unit: 'fraction' }],
    source: 'Kaplan & Cooper (1998) customer profitability; Corsten & Gruen (2004)',
  },
  needs: {
    id: 'needs',
    // z_min: standard deviations above the mean a need must reach (needs.ts, model assumption)
    params: [{ key: 'minScore', value: DEFAULT_NEEDS_PARAMS.minScore, unit: 'sd' }],
    source: 'MODEL.md §2.2',
  },
  value: {
    id: 'value',
    params: [
      // d, per year: a typical weighted average cost of capital (value.ts; Gupta & Lehmann 2003)
      { key: 'discountRate', value: V.discountRate, unit: 'perYear' },
      // ABC cut-offs as cumulative shares of revenue, customers ranked by revenue (80/95 convention)
      { key: 'abcA', value: V.thresholds[0], unit: 'fraction' },
      { key: 'abcB', value: V.thresholds[1], unit: 'fraction' },
      // CLV tiers as shares of customers ranked by CLV
      { key: 'clvHigh', value: V.clvShares[0], unit: 'fraction' },
      { key: 'clvMedium', value: V.clvShares[1], unit: 'fraction' },
    ],
    source: 'Gupta & Lehmann (2003), J. Interactive Marketing 17(1); ABC 80/95 % convention; MODEL.md §2.3',
  },
  geography: {
    id: 'geography',
    params: [
      // km from a regional warehouse or hub to its customers; days to pick and dispatch (model assumptions)
      { key: 'localDeliveryKm', value: P.localDeliveryKm, unit: 'km' },
      { key: 'pickDays', value: P.pickDays, unit: 'days' },
    ],
    source: 'MODEL.md §1.2 (distances, duty rates), §4.4 (lead time)',
  },
  lifecycle: {
    id: 'lifecycle',
    params: [
      { key: 'salvageRate', value: P.salvageRate, unit: 'fraction' },
      { key: 'forecastSigma', value: P.newProductForecastSigma, unit: 'number' },
    ],
    source: 'Fisher (1997); Fisher, Hammond, Obermeyer & Raman (1994)',
  },
  behaviour: {
    id: 'behaviour',
    params: [
      { key: 'orderDirect', value: P.orderCost.direct, unit: 'usd' },
      { key: 'orderPortal', value: P.orderCost.portal, unit: 'usd' },
      { key: 'orderDistributor', value: P.orderCost.distributor, unit: 'usd' },
      { key: 'orderEdi', value: P.orderCost.edi, unit: 'usd' },
    ],
    source: 'Kaplan & Atkinson, Exhibit 6-1',
  },
};

/** Formulas shown for a lens: its segmentation rule first, then the shared outcome formulas. */
export function formulasFor(lens: LensId): Formula[] {
  return [FORMULAS[lens], FORMULAS.totalCost, FORMULAS.safetyStock, FORMULAS.pooling, FORMULAS.transport, FORMULAS.otif, FORMULAS.satisfaction, FORMULAS.churn, FORMULAS.profit];
}
