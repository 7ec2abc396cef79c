/**
 * Locale-aware number formatting with Intl. Money is in US dollars throughout the course.
 * Every function returns an en dash for values that are not finite, so a view never shows "NaN".
 */
import { locales, type Lang } from './index';

const DASH = '–';

function intl(lang: Lang): string {
  return (locales[lang] ?? locales.en).intl;
}

export function formatNumber(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(intl(lang), { maximumFractionDigits: 1, ...options }).format(value);
}

export function formatInteger(lang: Lang, value: number): string {
  return formatNumber(lang, Math.round(value), { maximumFractionDigits: 0 });
}

/** USD amount; `compact` gives "$1.2M" / "US$120万". */
export function formatCurrency(lang: Lang, value: number, compact = false): string {
  if (!Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(intl(lang), {
    style: 'currency',
    currency: 'USD',
    ...(compact
      ? { notation: 'compact', maximumFractionDigits: 1 }
      : { maximumFractionDigits: 0 }),
  }).format(value);
}

/** `fraction` is 0..1, e.g. 0.125 → "12.5%". */
export function formatPercent(lang: Lang, fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return DASH;
  return new Intl.NumberFormat(intl(lang), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction);
}
