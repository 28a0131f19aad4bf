import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { ConnectorError, type PayrollConnector } from '@indgang/domain';
import { createTestApp, type TestApp } from '../../testing/createTestApp';
import type { SimulatorStore } from '../../simulators/SimulatorStore';
import type { SimEmployment } from '../../simulators/payroll/sdEmployment';

// The contract is between the client and the simulated SD Løn; the database only supplies the demo
// people, so one target is enough.
const [target] = await testDatabaseTargets();

const call = (key: string) => ({ key, signal: new AbortController().signal });
const hire = (cpr: string, overrides: Record<string, unknown> = {}) => ({
  cpr,
  activationDate: '2026-08-01',
  deactivationDate: null,
  agreement: '04011',
  payGrade: '35',
  supplements: [],
  occupationRate: 0.8108,
  position: 'Lærer',
  positionCode: null,
  department: 'BUF001',
  costCentre: 'BUF001',
  ...overrides,
});
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
};

describe('the SD Løn client against the simulated SD Løn', () => {
  let t: TestApp;
  let payroll: PayrollConnector;
  let store: SimulatorStore;
  const employmentsOf = (cpr: string) =>
    store.list<SimEmployment>('employments').filter((e) => e.cpr === cpr.replace('-', ''));
  const setToday = (date: string) => store.put('clock', 'today', { date });

  beforeAll(async () => {
    t = await createTestApp(target!);
    payroll = t.connectors.payroll;
    store = t.simulators.stores.get('payroll')!;
  });
  afterAll(() => t.close());

  it("holds the demo municipality's people: a teacher's employment read by her CPR matches the organisation", async () => {
    const { rows } = await t.database.db.execute<{
      cpr: string;
      employeeNumber: string;
      code: string;
      position: string;
      hours: number;
      startDate: string;
    }>(sql`
      SELECT p.cpr, p.employee_number AS "employeeNumber", u.code, e.position, e.weekly_hours_centi AS hours,
             e.start_date::text AS "startDate"
      FROM users us JOIN persons p ON p.id = us.person_id JOIN employments e ON e.person_id = p.id
      JOIN org_units u ON u.id = e.unit_id WHERE us.id = 'demo-medarbejder'`);
    const teacher = rows[0]!;
    expect(teacher.cpr.startsWith('00')).toBe(true); // the demo's fake numbers
    const [employment] = await payroll.readEmployments({ cpr: teacher.cpr }, call('read-1'));
    expect(employment).toMatchObject({
      institution: 'EK',
      employmentId: teacher.employeeNumber,
      cpr: teacher.cpr,
      activationDate: teacher.startDate,
      deactivationDate: null,
      status: '1',
      agreement: '04011',
      position: 'Lærer',
      positionCode: '2001',
      department: teacher.code,
      occupationRate: Number((teacher.hours / 3700).toFixed(4)),
    });
    expect(await payroll.readEmployments({ cpr: '000101-0000' }, call('read-2'))).toEqual([]);
  });

  it('creates an employment, changes it from a date as a new version, ends it, and refuses to end it again', async () => {
    const cpr = '000195-4321';
    const created = await payroll.createEmployment(hire(cpr), call('create-1'));
    expect(created).toMatchObject({ institution: 'EK', employmentId: expect.stringMatching(/^2\d{5}$/) });
    expect(created.run.month >= '2026-08').toBe(true);
    const { employmentId } = created;

    await payroll.changeEmployment(
      { employmentId, from: '2026-10-01', changes: { occupationRate: 1, payGrade: '36' } },
      call('change-1'),
    );
    const before = await payroll.readEmployments({ employmentId, effectiveDate: '2026-09-30' }, call('r'));
    const after = await payroll.readEmployments({ employmentId, effectiveDate: '2026-10-01' }, call('r'));
    expect(before[0]).toMatchObject({ occupationRate: 0.8108, payGrade: '35' });
    expect(after[0]).toMatchObject({ occupationRate: 1, payGrade: '36', position: 'Lærer' });
    expect(employmentsOf(cpr)[0]!.versions.map((v) => v.from)).toEqual(['2026-08-01', '2026-10-01']);

    const ended = await payroll.endEmployment(
      { employmentId, lastDay: '2027-01-31', reason: 'resignation' },
      call('end-1'),
    );
    expect(ended.run.month >= '2027-01').toBe(true);
    const gone = await payroll.readEmployments({ employmentId, effectiveDate: '2027-02-01' }, call('r'));
    expect(gone[0]).toMatchObject({ deactivationDate: '2027-01-31', status: '8' });
    const again = await refusal(
      payroll.endEmployment({ employmentId, lastDay: '2027-02-28', reason: 'resignation' }, call('end-2')),
    );
    expect(again).toMatchObject({ outcome: 'refused', code: 'EmploymentAlreadyEnded' });
    expect(again.systemText).toContain('er allerede fratrådt pr. 31.01.2027');
  });

  it("refuses in SD's own Danish words: an unknown agreement, an occupation rate above 1, a change before the start", async () => {
    const agreement = await refusal(
      payroll.createEmployment(hire('000196-1111', { agreement: '99999' }), call('bad-1')),
    );
    expect(agreement).toMatchObject({ outcome: 'refused', code: 'UnknownAgreement' });
    expect(agreement.systemText).toBe('Overenskomst 99999 findes ikke i SD Løn.');
    const rate = await refusal(
      payroll.createEmployment(hire('000196-1111', { occupationRate: 1.2 }), call('bad-2')),
    );
    expect(rate).toMatchObject({ code: 'OccupationRateOutOfRange' });
    expect(rate.systemText).toContain('Beskæftigelsesbrøken skal være mellem 0 og 1');
    const { employmentId } = await payroll.createEmployment(hire('000196-1111'), call('ok-1'));
    const early = await refusal(
      payroll.changeEmployment(
        { employmentId, from: '2026-07-31', changes: { occupationRate: 0.5 } },
        call('bad-3'),
      ),
    );
    expect(early).toMatchObject({ code: 'DateBeforeEmployment' });
    expect(early.systemText).toBe('Ændringen kan ikke have virkning før ansættelsesdatoen 01.08.2026.');
    const unknown = await refusal(
      payroll.changeEmployment(
        { employmentId: '999999', from: '2026-09-01', changes: { occupationRate: 0.5 } },
        call('bad-4'),
      ),
    );
    expect(unknown).toMatchObject({ code: 'UnknownEmployment' });
    expect(employmentsOf('000196-1111')).toHaveLength(1);
  });

  it('answers a repeated Idempotency-Key with its first answer: one employment', async () => {
    const cpr = '000197-2222';
    const first = await payroll.createEmployment(hire(cpr), call('same-key'));
    const second = await payroll.createEmployment(hire(cpr), call('same-key'));
    expect(second).toEqual(first);
    expect(employmentsOf(cpr)).toHaveLength(1);
    // The same key with another request is refused, not silently replayed.
    const other = await refusal(payroll.createEmployment(hire(cpr, { payGrade: '40' }), call('same-key')));
    expect(other).toMatchObject({ code: 'IdempotencyKeyReused' });
  });

  it('does the work when the answer is lost; the retry under the same key gets the first answer and creates nothing more', async () => {
    const cpr = '000198-3333';
    t.simulators.faults.plan({
      system: 'payroll',
      operation: 'createEmployment',
      fault: 'lost_answer',
      times: 1,
    });
    const lost = await refusal(payroll.createEmployment(hire(cpr), call('lost-1')));
    expect(lost.outcome).toBe('transient');
    expect(employmentsOf(cpr)).toHaveLength(1); // done, though nobody heard the answer
    const retried = await payroll.createEmployment(hire(cpr), call('lost-1'));
    expect(retried.employmentId).toBe(employmentsOf(cpr)[0]!.employmentId);
    expect(employmentsOf(cpr)).toHaveLength(1);
  });

  it('times out without doing anything, is unavailable with a 503; both are retried, not refused', async () => {
    const cpr = '000199-4444';
    t.simulators.faults.plan({
      system: 'payroll',
      operation: 'createEmployment',
      fault: 'timeout',
      times: 1,
    });
    expect((await refusal(payroll.createEmployment(hire(cpr), call('slow-1')))).outcome).toBe('timeout');
    t.simulators.faults.plan({ system: 'payroll', fault: 'unavailable', times: 1 });
    expect((await refusal(payroll.createEmployment(hire(cpr), call('slow-1')))).outcome).toBe('transient');
    expect(employmentsOf(cpr)).toHaveLength(0);
    await payroll.createEmployment(hire(cpr), call('slow-1'));
    expect(employmentsOf(cpr)).toHaveLength(1);
  });

  it('sends a change before the cut-off to this run and one after it to the next', async () => {
    const { employmentId } = await payroll.createEmployment(
      hire('000191-5555', { activationDate: '2026-01-01' }),
      call('cut-0'),
    );
    setToday('2026-03-10'); // the cut-off day itself
    const inTime = await payroll.changeEmployment(
      { employmentId, from: '2026-03-01', changes: { payGrade: '36' } },
      call('cut-1'),
    );
    expect(inTime.run).toEqual({ month: '2026-03', cutOff: '2026-03-10', payDay: '2026-03-31' });
    setToday('2026-03-11');
    const late = await payroll.changeEmployment(
      { employmentId, from: '2026-03-01', changes: { payGrade: '37' } },
      call('cut-2'),
    );
    expect(late.run).toEqual({ month: '2026-04', cutOff: '2026-04-10', payDay: '2026-04-30' });
    // A change that takes effect later reaches the run of its own month.
    const ahead = await payroll.changeEmployment(
      { employmentId, from: '2026-06-01', changes: { payGrade: '38' } },
      call('cut-3'),
    );
    expect(ahead.run).toEqual({ month: '2026-06', cutOff: '2026-06-10', payDay: '2026-06-30' });
    store.delete('clock', 'today');
  });

  it("pays an allowance with its run, and the employee's payslip of that month shows it after the pay day", async () => {
    const cpr = '000192-6666';
    const { employmentId } = await payroll.createEmployment(
      hire(cpr, { activationDate: '2026-01-01', occupationRate: 1 }),
      call('pay-0'),
    );
    setToday('2026-05-04');
    const paid = await payroll.payAllowance(
      {
        employmentId,
        wageType: 'koerselsgodtgoerelse',
        amount: '49.25',
        period: { from: '2026-04-01', to: '2026-04-30' },
        lines: [{ date: null, text: 'Kørsel 12,5 km à 3,94 kr.', amount: '49.25' }],
      },
      call('pay-1'),
    );
    expect(paid).toMatchObject({ paymentId: expect.any(String), run: { month: '2026-05' } });
    const wrongSum = await refusal(
      payroll.payAllowance(
        {
          employmentId,
          wageType: 'koerselsgodtgoerelse',
          amount: '50.00',
          period: { from: null, to: null },
          lines: [{ date: null, text: 'Kørsel', amount: '49.25' }],
        },
        call('pay-2'),
      ),
    );
    expect(wrongSum.systemText).toBe('Summen af linjerne (49.25) svarer ikke til beløbet (50.00).');
    expect((await payroll.listPayslips({ cpr }, call('slip-1'))).map((p) => p.month)).toEqual([
      '2026-04',
      '2026-03',
      '2026-02',
    ]);
    setToday('2026-05-29'); // the last bank day of May 2026 is Friday the 29th
    const [may] = await payroll.listPayslips({ cpr }, call('slip-2'));
    expect(may).toMatchObject({ month: '2026-05', payDay: '2026-05-29', employmentId });
    expect(may!.lines).toContainEqual({ text: 'Kørselsgodtgørelse (skattefri)', amount: '49.25' });
    expect(may!.lines[0]).toEqual({ text: 'Grundløn, løntrin 35, brøk 1,0000', amount: '36500.00' });
    const sum = may!.lines.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
    expect((sum / 100).toFixed(2)).toBe(may!.net);
    store.delete('clock', 'today');
  });
});
