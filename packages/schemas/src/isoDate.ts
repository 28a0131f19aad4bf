import { z } from 'zod';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Years a date in Indgang can have: PostgreSQL has no year 0, and no HR matter lies outside these. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

/** True for a real calendar date written YYYY-MM-DD between FIRST_YEAR and LAST_YEAR. */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A date field of a request: YYYY-MM-DD, a real day, in a year Indgang can hold. */
export const ZIsoDate = z
  .string()
  .refine(isCalendarDate, `a date YYYY-MM-DD from ${FIRST_YEAR} to ${LAST_YEAR}`);
