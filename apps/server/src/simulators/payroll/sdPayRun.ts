import { WorkCalendar } from '@indgang/domain';
import type { SdPayrollRun } from '../../connectors/payroll/sdWire';

/**
 * The simulated SD's own run calendar: what it has received by the 10th of a month (the bank day
 * before when the 10th is not one) is paid with that month's pay on the month's last bank day.
 */
const SD_CALENDAR = new WorkCalendar({
  holidays: [
    { name: 'Nytårsdag', rule: '01-01' },
    { name: 'Skærtorsdag', rule: 'easter-3' },
    { name: 'Langfredag', rule: 'easter-2' },
    { name: '2. påskedag', rule: 'easter+1' },
    { name: 'Kristi himmelfartsdag', rule: 'easter+39' },
    { name: '2. pinsedag', rule: 'easter+50' },
    { name: 'Grundlovsdag', rule: '06-05' },
    { name: 'Juleaftensdag', rule: '12-24' },
    { name: '1. juledag', rule: '12-25' },
    { name: '2. juledag', rule: '12-26' },
    { name: 'Nytårsaftensdag', rule: '12-31' },
  ],
  payroll: { rules: [{ from: '2000-01-01', cutOffDay: 10 }] },
});

/** The run of a month (YYYY-MM). */
export function payRunOf(month: string): SdPayrollRun {
  const [run] = SD_CALENDAR.payrollRuns(`${month}-01`, 1);
  return { PayrollMonth: run!.month, CutOffDate: run!.cutOff, PayDate: run!.payDay };
}

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * The run a change reaches: that of the month it takes effect, or of the month it arrived when it
 * takes effect earlier (it is settled retroactively); past that run's cut-off, the next run.
 */
export function payRunFor(received: string, effective: string): SdPayrollRun {
  const month = effective.slice(0, 7) > received.slice(0, 7) ? effective.slice(0, 7) : received.slice(0, 7);
  const run = payRunOf(month);
  return received > run.CutOffDate ? payRunOf(nextMonth(month)) : run;
}
