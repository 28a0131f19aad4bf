import type { Locale } from './defineMessages';

const DAY: Record<Locale, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** A calendar day (`YYYY-MM-DD`) as people write it: 4.12.2026 in Danish, 4 Dec 2026 in English. */
export function formatDay(day: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return DAY[locale].format(new Date(`${day}T00:00:00Z`));
}

/** The day of an instant in Denmark (`YYYY-MM-DD`). */
export function dayInDenmark(instant: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(instant));
}

const TIME_OF_DAY: Record<Locale, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' }),
};

/** The time of day of an instant in Denmark: 17.22 in Danish, 17:22 in English. */
export function formatTimeOfDay(instant: string, locale: Locale): string {
  return TIME_OF_DAY[locale].format(new Date(instant));
}
