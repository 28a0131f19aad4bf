import { formatAmount, formatDay, formatMonth } from '@indgang/schemas';
import type { Locale } from '../../i18n/messages';

/** A number as people read it: "6.175" and "−3.750,5" in Danish, "6,175" in English; never "−0". */
export function formatNumber(value: number | null | undefined, locale: Locale, maxDecimals = 3): string {
  return formatAmount(value, locale, maxDecimals);
}

/** A day as the reader writes it: "4.12.2026" in Danish, "4 Dec 2026" in English. */
export const formatDate = (iso: string, locale: Locale) => formatDay(iso, locale);

/** A KPI value's date: its month for a value measured over a month, else its day. */
export const formatWhen = (point: { on: string; month: string | null }, locale: Locale) =>
  point.month ? formatMonth(point.month, locale) : formatDay(point.on, locale);
