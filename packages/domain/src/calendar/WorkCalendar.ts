import type { PayrollRun } from '@indgang/schemas';
import { addDays, addMonths, monthEnd } from '../time/isoDate';

/**
 * A day that is not a working day: a public holiday (helligdag), or a day that is not one but is a
 * day off by collective agreement (grundlovsdag, juleaftensdag, nytårsaftensdag). Both stop the
 * working-day count; `kind` keeps them apart so nobody calls a day off a public holiday.
 */
export interface HolidayRule {
  name: string;
  rule: string;
  kind?: 'public_holiday' | 'day_off';
  from?: number;
  to?: number;
}
/**
 * When the monthly payroll run closes, from a date on: what reaches payroll by the `cutOffDay` of a
 * month (moved back to the working day before when it is not one) is paid with that month's pay,
 * on the month's last working day. A later rule replaces an earlier one from its `from` date.
 */
export interface PayrollRule {
  from: string;
  cutOffDay: number;
}
export interface CalendarConfig {
  holidays: HolidayRule[];
  payroll?: { rules: PayrollRule[] };
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

/** Working days: Monday to Friday except the public holidays and days off the calendar configuration names. */
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

  /** The working day on or before `date`. */
  workingDayOnOrBefore(date: string): string {
    let current = date;
    while (!this.isWorkingDay(current)) current = addDays(current, -1);
    return current;
  }

  /**
   * The payroll runs of `count` months from the month of `from`, by the payroll rules in force at
   * each month's start; none when the calendar has no payroll rules.
   */
  payrollRuns(from: string, count: number): PayrollRun[] {
    const rules = [...(this.config.payroll?.rules ?? [])].sort((a, b) => a.from.localeCompare(b.from));
    const runs: PayrollRun[] = [];
    for (let i = 0; i < count; i += 1) {
      const first = addMonths(`${from.slice(0, 7)}-01`, i);
      const rule = rules.filter((r) => r.from <= first).pop();
      if (!rule) continue;
      const last = monthEnd(first);
      const day = `${first.slice(0, 8)}${String(Math.min(rule.cutOffDay, Number(last.slice(8)))).padStart(2, '0')}`;
      runs.push({
        month: first.slice(0, 7),
        cutOff: this.workingDayOnOrBefore(day),
        payDay: this.workingDayOnOrBefore(last),
      });
    }
    return runs;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not later). */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n += 1;
    return n;
  }
}
