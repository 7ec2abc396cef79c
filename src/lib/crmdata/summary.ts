/**
 * What the CRM data-quality lab shows for one state, as a small plain object (numbers, strings,
 * short arrays; JSON- and structured-clone-safe): the outcome cards, the cleaning report, the class
 * sizes of the chart, the sample of odd records, and the clean-data reference. The same pure function
 * `computeSummary` runs in the lab's worker (crmdata.worker.ts) and on the main thread (unit tests,
 * server render, fallback when the worker cannot load), so both paths give identical figures.
 * The server-rendered page embeds the summary of the default state, so hydration computes nothing.
 */
import { nameKey } from '@sim/company/names';
import { clean, recordDate, recordId, recordName, regionLabel, viewToCsv, type CleaningReport, type DataLang } from '@sim/data/quality';
import { CrmDataModel, cleaningSteps } from './lab';
import { defaultCrmState, type CrmDataState } from './state';

/** One record of the cleaned export that still differs from a clean record. */
export interface SampleRow {
  id: string;
  name: string;
  region: string;
  /** USD per year, null where blank */
  revenue: number | null;
  /** ISO date of the last order, null where blank */
  date: string | null;
  /** raw records merged into this one */
  merged: number;
}

export interface CrmSummary {
  /** the state these figures belong to (after a fallback: the default state) */
  state: CrmDataState;
  lang: DataLang;
  /** adjusted Rand index against the clean-data segmentation, -1..1 */
  ariClean: number;
  /** adjusted Rand index against the hidden archetypes, -1..1 */
  ariArchetypes: number;
  keyAccountsLost: number;
  keyAccountsInC: number;
  /** USD over the 52-week horizon */
  profit: number;
  /** mean end-of-horizon satisfaction, 0..100 */
  satisfaction: number;
  churnRate: number;
  /** customers per data class A, B, C, none */
  classSizes: [number, number, number, number];
  cUnmapped: number;
  report: CleaningReport;
  /** records in the cleaned export (rows of the CSV) */
  records: number;
  sample: SampleRow[];
  ref: {
    classSizes: [number, number, number, number];
    /** USD over the horizon */
    profit: number;
    satisfaction: number;
    ariArchetypes: number;
  };
}

export const SAMPLE = 10;

/** Figures of `state` from a model of the same seed (pure; the model caches per seed and export). */
export function summarise(m: CrmDataModel, state: CrmDataState, lang: DataLang): CrmSummary {
  const o = m.run(state);
  const ref = m.reference();
  const v = o.view;
  const key = nameKey(m.company.seed);
  const sample: SampleRow[] = [];
  for (let r = 0; r < v.n && sample.length < SAMPLE; r++) {
    const odd = v.kind[r] !== 0 || v.regionVariant[r] !== 0 || !v.hasRevenue[r] || !v.hasDate[r] || v.members[r] > 1;
    if (!odd) continue;
    sample.push({
      id: recordId(v, r),
      name: recordName(m.company, v, r, lang, key),
      region: regionLabel(v.region[r], v.regionVariant[r], lang),
      revenue: v.hasRevenue[r] ? v.revenue[r] : null,
      date: v.hasDate[r] ? recordDate(v, r) : null,
      merged: v.members[r],
    });
  }
  return {
    state: { ...state },
    lang,
    ariClean: o.ariClean,
    ariArchetypes: o.ariArchetypes,
    keyAccountsLost: o.keyAccountsLost,
    keyAccountsInC: o.keyAccountsInC,
    profit: o.profit,
    satisfaction: o.satisfaction,
    churnRate: o.churnRate,
    classSizes: [...o.seg.classSizes],
    cUnmapped: o.seg.cUnmapped,
    report: { ...o.report },
    records: v.n,
    sample,
    ref: { classSizes: [...ref.seg.classSizes], profit: ref.profit, satisfaction: ref.satisfaction, ariArchetypes: ref.seg.ariArchetypes },
  };
}

/** The cleaned export of `state` as CSV text (with a byte-order mark, for spreadsheet programs). */
export function csvFor(m: CrmDataModel, state: CrmDataState, lang: DataLang): string {
  const { view } = clean(m.company, m.dirty(state), cleaningSteps(state));
  return viewToCsv(m.company, view, lang, { bom: true });
}

/** Keeps one model (the last seed asked for); a lesson page needs one seed at a time. */
export class ModelCache {
  private model: CrmDataModel | null = null;
  get(seed: number): CrmDataModel {
    if (!this.model || this.model.seed !== seed) this.model = new CrmDataModel(seed);
    return this.model;
  }
}

/**
 * The summary of `state`, or, if the engine rejects it, the default state's summary with the error
 * message (the lab shows both); `summary` is null only if the defaults fail too.
 */
export function computeSummary(models: ModelCache, state: CrmDataState, lang: DataLang): { summary: CrmSummary | null; error: string } {
  try {
    return { summary: summarise(models.get(state.seed), state, lang), error: '' };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    try {
      const d = defaultCrmState(42);
      return { summary: summarise(models.get(d.seed), d, lang), error: message };
    } catch {
      return { summary: null, error: message };
    }
  }
}

/** The key the lab uses for a state (the same string on both threads). */
export function stateKey(s: CrmDataState): string {
  return JSON.stringify({ seed: s.seed, dup: s.dup, rev: s.rev, date: s.date, reg: s.reg, lapsed: s.lapsed, labels: s.labels, dedupe: s.dedupe, stale: s.stale, missing: s.missing });
}

/** JSON for an inline <script type="application/json"> (no `<` that could close the element). */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The server-rendered data block the lab reads back while hydrating (id: the lab's own prefix). */
export function initScriptHtml(id: string, value: unknown): string {
  const safeId = id.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<script type="application/json" id="${safeId}">${inlineJson(value)}</script>`;
}
