import { addDays } from '../time/isoDate';

export interface HolidayRule {
  name: string;
  rule: string;
  from?: number;
  to?: number;
}
export interface CalendarConfig {
  holidays: HolidayRule[];
}

/** Easter Sunday (Gregorian, anonymous algorithm) as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Working days: Monday to Friday except the holidays the calendar configuration names. */
export class WorkCalendar {
  private readonly years = new Map<number, Set<string>>();

  constructor(private readonly config: CalendarConfig) {}

  holidays(year: number): Set<string> {
    let set = this.years.get(year);
    if (!set) {
      set = new Set();
      for (const h of this.config.holidays) {
        if ((h.from !== undefined && year < h.from) || (h.to !== undefined && year > h.to)) continue;
        const easter = /^easter([+-]\d+)$/.exec(h.rule);
        set.add(easter ? addDays(easterSunday(year), Number(easter[1])) : `${year}-${h.rule}`);
      }
      this.years.set(year, set);
    }
    return set;
  }

  isWorkingDay(date: string): boolean {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays(Number(date.slice(0, 4))).has(date);
  }

  /** The date `days` working days after `date` (the start day itself does not count). */
  addWorkingDays(date: string, days: number): string {
    let current = date;
    for (let left = days; left > 0;) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) left -= 1;
    }
    return current;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not later). */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n += 1;
    return n;
  }
}
