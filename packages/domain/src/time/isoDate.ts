/** Calendar dates as 'YYYY-MM-DD' strings, computed in UTC so no time zone shifts a day. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DANISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** Today's date in Denmark. */
export function todayInDenmark(now: Date = new Date()): string {
  return DANISH_DATE.format(now);
}
