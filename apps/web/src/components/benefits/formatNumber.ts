import type { Locale } from '../../i18n/messages';

/** A number as people read it: "6.175" and "-3.750,5" in Danish, "6,175" in English. */
export function formatNumber(value: number | null | undefined, locale: Locale, maxDecimals = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: maxDecimals });
}
