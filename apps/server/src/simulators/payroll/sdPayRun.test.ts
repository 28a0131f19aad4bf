import { describe, expect, it } from 'vitest';
import { payRunFor, payRunOf } from './sdPayRun';

describe("the simulated SD's run calendar", () => {
  it('closes on the 10th or the bank day before, and pays on the last bank day of the month', () => {
    expect(payRunOf('2026-03')).toEqual({
      PayrollMonth: '2026-03',
      CutOffDate: '2026-03-10',
      PayDate: '2026-03-31',
    });
    // The 10th is a Saturday; in 2020 the 10th was Good Friday and the 9th Maundy Thursday; New Year's Eve is no bank day.
    expect(payRunOf('2027-04').CutOffDate).toBe('2027-04-09');
    expect(payRunOf('2020-04').CutOffDate).toBe('2020-04-08');
    expect(payRunOf('2026-12').PayDate).toBe('2026-12-30');
  });

  it("puts a change in its month's run until the cut-off, in the next run after it, and a past one in the run it arrives for", () => {
    expect(payRunFor('2026-03-10', '2026-03-01').PayrollMonth).toBe('2026-03');
    expect(payRunFor('2026-03-11', '2026-03-01').PayrollMonth).toBe('2026-04');
    expect(payRunFor('2026-03-11', '2026-01-15').PayrollMonth).toBe('2026-04');
    expect(payRunFor('2026-03-11', '2026-07-01').PayrollMonth).toBe('2026-07');
    expect(payRunFor('2026-12-15', '2026-12-01').PayrollMonth).toBe('2027-01');
  });
});
