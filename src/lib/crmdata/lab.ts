/**
 * The computations behind the CRM data-quality lab: one company per seed, the dirty export per
 * degradation setting (cached), cleaning + value segmentation + the value plan's simulation per
 * change, and the clean-data reference (computed once per seed).
 *
 * The plan is simulations/plans/value.json (A: premium service, 97 % service level; C: shipped from
 * the regional warehouse of its recorded region; everyone else the standard offer), 52 weeks.
 */
import { generateCompany } from '@sim/company/generate';
import { createRng, deriveSeed } from '@sim/random/rng';
import { simulate } from '@sim/simulate/simulate';
import {
  agreement,
  clean,
  crmView,
  degrade,
  segmentView,
  type CleaningReport,
  type CleaningSteps,
  type CrmView,
  type DataSegmentation,
  type DegradeParams,
} from '@sim/data/quality';
import type { Company, Plan } from '@sim/types';
import valuePlan from '@sim/plans/value.json';
import { stepsOn, type CrmDataState } from './state';

export const PLAN = valuePlan as Plan;
export const CUSTOMERS = 2000;
export const WEEKS = 52;
/** the guided task: agreement with the clean-data segmentation of at least this ARI */
export const TARGET_ARI = 0.85;

export interface Outcome {
  report: CleaningReport;
  view: CrmView;
  seg: DataSegmentation;
  /** adjusted Rand index against the clean-data segmentation */
  ariClean: number;
  /** adjusted Rand index against the hidden archetypes */
  ariArchetypes: number;
  /** clean-data A customers that do not get the A treatment */
  keyAccountsLost: number;
  /** clean-data A customers filed in C */
  keyAccountsInC: number;
  profit: number;
  satisfaction: number;
  churnRate: number;
}

export interface Reference {
  seg: DataSegmentation;
  profit: number;
  satisfaction: number;
  churnRate: number;
}

export function degradeParams(s: CrmDataState): DegradeParams {
  return {
    duplicateShare: s.dup / 100,
    missingRevenueShare: s.rev / 100,
    missingDateShare: s.date / 100,
    inconsistentRegionShare: s.reg / 100,
    staleShare: s.lapsed / 100,
  };
}

export function cleaningSteps(s: Pick<CrmDataState, 'labels' | 'dedupe' | 'stale' | 'missing'>): CleaningSteps {
  return { normaliseLabels: s.labels, deduplicate: s.dedupe, dropStale: s.stale, missing: s.missing };
}

/** All 24 combinations of cleaning steps. */
export const ALL_STEPS: Pick<CrmDataState, 'labels' | 'dedupe' | 'stale' | 'missing'>[] = (['keep', 'median', 'drop'] as const).flatMap((missing) =>
  [0, 1, 2, 3, 4, 5, 6, 7].map((b) => ({ labels: (b & 1) === 1, dedupe: (b & 2) === 2, stale: (b & 4) === 4, missing })),
);

export class CrmDataModel {
  readonly seed: number;
  readonly company: Company;
  private refCache: Reference | null = null;
  private dirtyKey = '';
  private dirtyView: CrmView | null = null;

  constructor(seed: number) {
    this.seed = seed;
    this.company = generateCompany(seed, { customers: CUSTOMERS });
  }

  /** The clean-data segmentation and the plan's result on it. */
  reference(): Reference {
    if (!this.refCache) {
      const seg = segmentView(this.company, crmView(this.company));
      const r = simulate(this.company, PLAN, { weeks: WEEKS, segmentation: seg.segmentation });
      this.refCache = { seg, profit: r.totals.profit, satisfaction: r.totals.satisfaction, churnRate: r.totals.churnRate };
    }
    return this.refCache;
  }

  /** The dirty export for these degradation shares (rng stream `${seed}/crm-quality`). */
  dirty(s: CrmDataState): CrmView {
    const key = `${s.dup}|${s.rev}|${s.date}|${s.reg}|${s.lapsed}`;
    if (!this.dirtyView || key !== this.dirtyKey) {
      this.dirtyView = degrade(this.company, degradeParams(s), createRng(deriveSeed(this.seed, 'crm-quality')));
      this.dirtyKey = key;
    }
    return this.dirtyView;
  }

  /** Cleaning and segmentation only (no simulation). */
  segmentOnly(s: CrmDataState): { report: CleaningReport; view: CrmView; seg: DataSegmentation; ariClean: number } {
    const { view, report } = clean(this.company, this.dirty(s), cleaningSteps(s));
    const seg = segmentView(this.company, view);
    return { report, view, seg, ariClean: agreement(seg, this.reference().seg) };
  }

  run(s: CrmDataState): Outcome {
    const { report, view, seg, ariClean } = this.segmentOnly(s);
    const ref = this.reference();
    let lost = 0;
    let inC = 0;
    for (let i = 0; i < this.company.customers.n; i++) {
      if (ref.seg.customerClass[i] !== 0) continue;
      if (seg.segmentation.labels[i] !== 0) lost++;
      if (seg.customerClass[i] === 2) inC++;
    }
    const r = simulate(this.company, PLAN, { weeks: WEEKS, segmentation: seg.segmentation });
    return {
      report,
      view,
      seg,
      ariClean,
      ariArchetypes: seg.ariArchetypes,
      keyAccountsLost: lost,
      keyAccountsInC: inC,
      profit: r.totals.profit,
      satisfaction: r.totals.satisfaction,
      churnRate: r.totals.churnRate,
    };
  }

  /**
   * The fewest cleaning steps that reach `target` agreement with the clean data under the current
   * degradation (null if no combination does), and the best agreement any combination reaches.
   */
  fewestSteps(s: CrmDataState, target = TARGET_ARI): { steps: number | null; best: number } {
    let fewest: number | null = null;
    let best = -1;
    for (const combo of ALL_STEPS) {
      const ari = this.segmentOnly({ ...s, ...combo }).ariClean;
      if (ari > best) best = ari;
      if (ari >= target) {
        const k = stepsOn(combo);
        if (fewest === null || k < fewest) fewest = k;
      }
    }
    return { steps: fewest, best };
  }
}
