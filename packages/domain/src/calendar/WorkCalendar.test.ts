import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { easterSunday, WorkCalendar, type HolidayRule } from './WorkCalendar';

const config = JSON.parse(
  readFileSync(new URL('../../../../catalog/calendar.json', import.meta.url), 'utf8'),
);
const calendar = new WorkCalendar(config);

describe('WorkCalendar', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
  });

  it('knows the Danish holidays of a year, with Great Prayer Day only until 2023', () => {
    expect([...calendar.holidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-06-05',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ]);
    expect(calendar.holidays(2023).has('2023-05-05')).toBe(true);
    expect(calendar.holidays(2024).has('2024-04-26')).toBe(false);
  });

  it('calls Constitution Day, Christmas Eve and New Year’s Eve days off by agreement, not public holidays', () => {
    const rules = config.holidays as HolidayRule[];
    const daysOff = rules.filter((h) => h.kind === 'day_off');
    expect(daysOff.map((h) => h.rule)).toEqual(['06-05', '12-24', '12-31']);
    for (const h of daysOff) {
      expect(h.name).toContain('fridag efter aftale');
      expect(h.name).toContain('ikke helligdag');
    }
    expect(rules.every((h) => h.kind === 'public_holiday' || h.kind === 'day_off')).toBe(true);
    // They stay non-working days: deadlines count around them.
    expect(calendar.isWorkingDay('2026-06-05')).toBe(false); // a Friday
    expect(calendar.isWorkingDay('2026-12-24')).toBe(false); // a Thursday
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false); // a Thursday
  });

  it('counts working days past weekends and holidays', () => {
    expect(calendar.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(calendar.addWorkingDays('2026-04-01', 1)).toBe('2026-04-07'); // over Easter
    expect(calendar.addWorkingDays('2026-12-23', 2)).toBe('2026-12-29'); // over Christmas
    expect(calendar.workingDaysBetween('2026-11-27', '2026-12-04')).toBe(5);
    expect(calendar.workingDaysBetween('2026-12-04', '2026-11-27')).toBe(0);
  });

  it('closes each payroll run on the 10th, or the working day before, and pays on the last working day', () => {
    expect(calendar.payrollRuns('2026-12-14', 3)).toEqual([
      // 31 December is a day off by agreement in the calendar: pay day is the 30th.
      { month: '2026-12', cutOff: '2026-12-10', payDay: '2026-12-30' },
      // 10 January 2027 is a Sunday.
      { month: '2027-01', cutOff: '2027-01-08', payDay: '2027-01-29' },
      { month: '2027-02', cutOff: '2027-02-10', payDay: '2027-02-26' },
    ]);
  });

  it('follows the payroll rule in force each month, and has no runs without one', () => {
    const changed = new WorkCalendar({
      ...config,
      payroll: {
        rules: [
          { from: '2024-01-01', cutOffDay: 10 },
          { from: '2027-02-01', cutOffDay: 5 },
        ],
      },
    });
    expect(changed.payrollRuns('2027-01-20', 2).map((r) => r.cutOff)).toEqual(['2027-01-08', '2027-02-05']);
    expect(new WorkCalendar({ holidays: [] }).payrollRuns('2027-01-20', 2)).toEqual([]);
  });
});
