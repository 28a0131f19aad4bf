import { describe, expect, it } from 'vitest';
import { payrollDeadlineWarning, payrollWarnings, type PayrollRun } from './payrollDeadline';
import type { Persona } from './evaluateForm';
import { ZServiceDefinition } from './ServiceDefinition';

const runs: PayrollRun[] = [
  { month: '2026-12', cutOff: '2026-12-10', payDay: '2026-12-30' },
  { month: '2027-01', cutOff: '2027-01-08', payDay: '2027-01-29' },
  { month: '2027-02', cutOff: '2027-02-10', payDay: '2027-02-26' },
];

describe('payrollDeadlineWarning', () => {
  it('says nothing while the date can still reach its month', () => {
    expect(payrollDeadlineWarning('2027-01-15', runs, '2026-12-14')).toBeNull();
    expect(payrollDeadlineWarning('2026-12-20', runs, '2026-12-10')).toBeNull();
  });

  it("names the passed deadline and the next run's when the month's run has closed", () => {
    const w = payrollDeadlineWarning('2026-12-20', runs, '2026-12-11');
    expect(w?.da).toBe(
      'Fristen for lønkørslen for december 2026 var 10.12.2026. Sagen når tidligst lønkørslen for januar 2027 (frist 8.1.2027, udbetaling 29.1.2027); december 2026 reguleres bagefter.',
    );
    expect(w?.en).toContain('The deadline for the December 2026 payroll run was 10 December 2026.');
  });

  it('warns about a date years in the past, and asks to check it', () => {
    const w = payrollDeadlineWarning('2023-08-01', runs, '2026-12-14');
    expect(w?.da).toContain('1.8.2023 ligger i fortiden');
    expect(w?.da).toContain('frist 8.1.2027');
    expect(w?.en).toContain('Check the date.');
  });

  it("warns about a past day of this month whose run is still open, naming that run's deadline", () => {
    expect(payrollDeadlineWarning('2026-12-01', runs, '2026-12-04')?.en).toBe(
      '1 December 2026 has already passed. Send the case by 10 December 2026 to reach the December 2026 payroll run.',
    );
  });

  it('says nothing without payroll runs ahead', () => {
    expect(payrollDeadlineWarning('2020-01-01', [], '2026-12-14')).toBeNull();
  });
});

describe('payrollWarnings', () => {
  const def = ZServiceDefinition.parse({
    id: 'x',
    version: 1,
    name: 'X',
    category: 'Løn',
    summary: 'X',
    subject: 'self',
    kle: '81.03.00',
    retention: { years: 1, from: 'resolved' },
    normTimeDays: 1,
    team: 't',
    caseworkerGuidance: 'x',
    sections: [
      {
        id: 'job',
        title: 'Job',
        fields: [
          { id: 'start', type: 'date', label: 'Start', payrollDeadline: true },
          { id: 'other', type: 'date', label: 'Anden dato' },
        ],
      },
      {
        id: 'changes',
        title: 'Ændringer',
        repeat: { min: 0, max: 5, itemLabel: 'Ændring' },
        fields: [{ id: 'from', type: 'date', label: 'Fra', payrollDeadline: true }],
      },
    ],
  });
  const persona: Persona = { roles: [], administration: null, experience: 'new', frequency: 'rare' };

  it('warns beside each marked date field, by the paths of the form errors, and ignores the others', () => {
    const warnings = payrollWarnings(
      def,
      {
        job: { start: '2023-08-01', other: '2020-01-01' },
        changes: [{ from: '2027-01-20' }, { from: '2026-12-20' }],
      },
      persona,
      runs,
      '2026-12-14',
    );
    expect(warnings.map((w) => w.path)).toEqual(['job.start', 'changes[1].from']);
  });

  it('ignores dates not yet typed in full', () => {
    expect(payrollWarnings(def, { job: { start: '2023-08' } }, persona, runs, '2026-12-14')).toEqual([]);
  });
});
