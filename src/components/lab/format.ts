/**
 * Formatting shared by the lab components (numbers of controls, outcome deltas, task vars).
 * Every function returns a dash for non-finite input, so no NaN reaches the screen.
 */
import type { Lang } from '@i18n/index';
import { formatCurrency, formatNumber, formatPercent } from '@i18n/format';
import type { RangeFormat } from '../../lib/lab/controls';
import { tl } from '../../lib/lab/i18n';
import type { TaskVar } from '../../lib/lab/tasks';

export function formatControl(lang: Lang, format: RangeFormat, value: number): string {
  switch (format) {
    case 'percent':
      return formatPercent(lang, value, value * 100 === Math.round(value * 100) ? 0 : 1);
    case 'km':
      return tl(lang, 'lab.unit.km', { value: formatNumber(lang, value, { maximumFractionDigits: 0 }) });
    case 'usd':
      return formatCurrency(lang, value);
    case 'orders':
      return tl(lang, 'lab.unit.orders', { value: formatNumber(lang, value, { maximumFractionDigits: 0 }) });
    case 'sd':
      return tl(lang, 'lab.unit.sd', { value: formatNumber(lang, value, { maximumFractionDigits: 2 }) });
    default:
      return formatNumber(lang, value, { maximumFractionDigits: 2 });
  }
}

export function formatPoints(lang: Lang, value: number): string {
  return tl(lang, 'lab.points', { value: formatNumber(lang, value, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) });
}

/** A signed change, e.g. "+3.2%". */
export function formatSignedPercent(lang: Lang, fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '–';
  const s = formatPercent(lang, Math.abs(fraction), digits);
  return fraction > 0 ? `+${s}` : fraction < 0 ? `−${s}` : s;
}

export function formatTaskVar(lang: Lang, v: TaskVar): string {
  switch (v.f) {
    case 'pts':
      return formatPoints(lang, v.v);
    case 'pct':
      return formatPercent(lang, v.v, 1);
    case 'usd':
      return formatCurrency(lang, v.v, true);
    case 'signedPct':
      return formatSignedPercent(lang, v.v);
  }
}
