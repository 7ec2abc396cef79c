/**
 * The debrief items of debrief.ts as translated sentences (capstone strings). Every number goes
 * through @i18n/format, which prints a dash for anything not finite, so no NaN reaches the screen.
 */
import type { Lang } from '@i18n/locales';
import { formatCurrency, formatInteger, formatNumber, formatPercent } from '@i18n/format';
import { SCENARIOS, readerWeek } from '@sim/simulate/scenarios';
import { capT, isCapKey } from '../../components/capstone/strings';
import type { DebriefItem, OverallItem, SegmentItem } from './debrief';

const MINUS = '−';

function signed(abs: string, x: number): string {
  return x > 0 ? `+${abs}` : x < 0 ? `${MINUS}${abs}` : abs;
}

/** "+$0.5M" / "−US$12万" (compact money with a sign). */
export function signedMoney(lang: Lang, x: number): string {
  if (!Number.isFinite(x)) return '–';
  return signed(formatCurrency(lang, Math.abs(x), true), Math.abs(x) < 0.5 ? 0 : x);
}

/** "+1.3" points (one decimal). */
export function signedPoints(lang: Lang, x: number): string {
  if (!Number.isFinite(x)) return '–';
  const r = Math.round(x * 10) / 10;
  return signed(formatNumber(lang, Math.abs(r), { minimumFractionDigits: 1, maximumFractionDigits: 1 }), r);
}

/** "+4.2%" (a fraction, one decimal). */
export function signedPercent(lang: Lang, x: number): string {
  if (!Number.isFinite(x)) return '–';
  const r = Math.round(x * 1000) / 1000;
  return signed(formatPercent(lang, Math.abs(r), 1), r);
}

export function points(lang: Lang, x: number): string {
  return formatNumber(lang, x, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** The choices of one segment, e.g. "responsive chain, priority delivery". */
export function choicesText(lang: Lang, item: SegmentItem): string {
  if (item.changed.length === 0) return capT(lang, 'cap.debrief.noChoices');
  const sep = lang === 'zh-cn' ? '、' : ', ';
  return item.changed
    .map(({ lever, value }) => {
      if (lever === 'serviceLevel' && typeof value === 'number') return capT(lang, 'cap.lever.serviceLevel', { value: formatPercent(lang, value, 0) });
      if (lever === 'discount' && typeof value === 'number') return capT(lang, 'cap.lever.discount', { value: formatPercent(lang, value, 0) });
      const key = `cap.lever.${lever}.${String(value)}`;
      return isCapKey(key) ? capT(lang, key) : String(value);
    })
    .join(sep);
}

export interface DebriefLine {
  id: DebriefItem['id'];
  /** heading line before a group (segments, costs), shown once */
  group?: 'segments' | 'costs';
  text: string;
}

/** One sentence per item, in the items' order, with group headings where a group starts. */
export function debriefLines(lang: Lang, items: readonly DebriefItem[]): DebriefLine[] {
  const overall = items.find((i): i is OverallItem => i.id === 'overall');
  const out: DebriefLine[] = [];
  for (const item of items) {
    switch (item.id) {
      case 'overall':
        out.push({
          id: item.id,
          text: capT(lang, `cap.debrief.overall.${item.verdict}`, {
            profit: formatCurrency(lang, item.profit, true),
            profitDelta: signedMoney(lang, item.profitDelta),
            satisfaction: points(lang, item.satisfaction),
            satDelta: signedPoints(lang, item.satisfactionDelta),
          }),
        });
        break;
      case 'segment':
        out.push({
          id: item.id,
          group: 'segments',
          text: capT(lang, 'cap.debrief.segment', {
            segment: item.name[lang],
            customers: formatInteger(lang, item.customers),
            choices: choicesText(lang, item),
            profitDelta: signedMoney(lang, item.profitDelta),
            satDelta: signedPoints(lang, item.satisfactionDelta),
            churnDelta: signedPoints(lang, item.churnDelta * 100),
          }),
        });
        break;
      case 'cost': {
        const vars = {
          cost: capT(lang, `cap.cost.${item.key}`),
          delta: signedMoney(lang, item.delta),
          plan: formatCurrency(lang, item.plan, true),
          base: formatCurrency(lang, item.base, true),
          revenueDelta: signedMoney(lang, overall?.revenueDelta ?? 0),
        };
        const volume = item.key === 'production' && overall !== undefined && Math.sign(overall.revenueDelta) === Math.sign(item.delta);
        out.push({ id: item.id, group: 'costs', text: capT(lang, volume ? 'cap.debrief.costVolume' : 'cap.debrief.cost', vars) });
        break;
      }
      case 'churn':
        out.push({
          id: item.id,
          text: capT(lang, 'cap.debrief.churn', {
            lost: formatInteger(lang, item.lost),
            rate: formatPercent(lang, item.rate, 1),
            baseLost: formatInteger(lang, item.baseLost),
            baseRate: formatPercent(lang, item.baseRate, 1),
          }),
        });
        break;
      case 'scenario':
        out.push({
          id: item.id,
          text: capT(lang, 'cap.debrief.scenario', {
            scenario: SCENARIOS[item.key].name[lang],
            week: formatInteger(lang, readerWeek(item.week)),
            window: formatInteger(lang, item.window),
            change: signedPercent(lang, item.profitChange),
            baseChange: signedPercent(lang, item.baseProfitChange),
            minFill: formatPercent(lang, item.minFill, 1),
            fillWeek: formatInteger(lang, item.minFillWeeksAfter),
            baseMinFill: formatPercent(lang, item.baseMinFill, 1),
            minSat: points(lang, item.minSatisfaction),
            baseMinSat: points(lang, item.baseMinSatisfaction),
          }),
        });
        break;
      case 'noScenario':
        out.push({ id: item.id, text: capT(lang, 'cap.debrief.noScenario') });
        break;
    }
  }
  return out;
}
