/**
 * Numbers, days and months of the benefit pages and their PDF, as Danish and English readers write
 * them; the browser and the server's report format alike.
 */
import { MONTH_NAMES } from '../monthNames';

export type BenefitLocale = 'da' | 'en';

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number as people read it: "6.175" and "−3.750,5" in Danish, "6,175" and "−3,750.5" in English.
 * A value that rounds to zero is "0", never "−0"; null and NaN are "–".
 */
export function formatAmount(
  value: number | null | undefined,
  locale: BenefitLocale,
  maxDecimals = 3,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const key = `${locale}:${maxDecimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      maximumFractionDigits: maxDecimals,
      signDisplay: 'negative',
    });
    numberFormats.set(key, format);
  }
  return format.format(value).replace('-', '\u2212');
}

const MONTHS = MONTH_NAMES;

/** A day (YYYY-MM-DD): "4.12.2026" in Danish, "4 Dec 2026" in English; anything else as it is. */
export function formatDay(iso: string, locale: BenefitLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  return locale === 'da'
    ? `${Number(d)}.${Number(mo)}.${y}`
    : `${Number(d)} ${MONTHS.en[Number(mo) - 1]!.slice(0, 3)} ${y}`;
}

/** A month (YYYY-MM): "november 2026" in Danish, "November 2026" in English. */
export function formatMonth(month: string, locale: BenefitLocale): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return `${MONTHS[locale][Number(m[2]) - 1]} ${m[1]}`;
}

const SHORT_MONTHS = {
  da: new Intl.DateTimeFormat('da-DK', { month: 'short', year: '2-digit', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }),
};

/** A short month for a chart's axis: "nov. 26" and "maj 26" in Danish, "Nov 26" in English. */
export function formatShortMonth(month: string, locale: BenefitLocale): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) return month;
  return SHORT_MONTHS[locale].format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}
