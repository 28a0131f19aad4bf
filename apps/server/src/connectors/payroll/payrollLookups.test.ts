import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { DomainError, loadActor, lookupOperation, todayInDenmark, type LookupSubject } from '@indgang/domain';
import { createTestApp, type TestApp } from '../../testing/createTestApp';

const targets = await testDatabaseTargets();

/**
 * The payroll lookups: who may ask (checked in SQL in the request's transaction) and what the job's
 * run answers from the simulated SD Løn for the demo municipality's people.
 */
describe.each(targets)('payroll lookups on $name', (target) => {
  let t: TestApp;
  let teacherId: string;
  const employments = lookupOperation('payroll.employments')!;
  const payslips = lookupOperation('payroll.payslips')!;
  const call = { key: 'lookup-test', signal: new AbortController().signal };

  const authorize = async (userId: string, name: 'employments' | 'payslips', input: unknown) => {
    const op = name === 'employments' ? employments : payslips;
    const actor = await loadActor({ db: t.database.db }, userId, todayInDenmark());
    return t.database.db.transaction((tx) => op.authorize(tx, actor, op.input.parse(input)));
  };
  const refused = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).kind;
  };
  const runFor = async (
    userId: string,
    name: 'employments' | 'payslips',
    input: object,
    subject: LookupSubject,
  ) => {
    const op = name === 'employments' ? employments : payslips;
    const actor = await loadActor({ db: t.database.db }, userId, todayInDenmark());
    return op.run(t.connectors, { ...input, ...subject.forRun }, call, actor);
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    teacherId = (
      await t.database.db.execute<{ personId: string }>(
        sql`SELECT person_id AS "personId" FROM users WHERE id = 'demo-medarbejder'`,
      )
    ).rows[0]!.personId;
  });
  afterAll(() => t.close());

  it("lets a leader read the employments of a person in her units, and a caseworker anyone's, without the CPR number", async () => {
    const subject = await authorize('demo-leder', 'employments', { personId: teacherId });
    expect(subject).toMatchObject({ personId: teacherId, what: expect.stringContaining('Ansættelser') });
    expect(subject.forRun).toEqual({ cpr: expect.stringMatching(/^00\d{4}-\d{4}$/) });
    const answer = (await runFor('demo-leder', 'employments', { personId: teacherId }, subject)) as Array<
      Record<string, unknown>
    >;
    expect(answer).toEqual([
      expect.objectContaining({ position: 'Lærer', department: 'BUF001', agreement: '04011', status: '1' }),
    ]);
    expect(answer[0]).not.toHaveProperty('cpr');
    expect(JSON.stringify(answer)).not.toContain(String(subject.forRun!.cpr));
    expect(await authorize('demo-sagsbehandler-loen', 'employments', { personId: teacherId })).toMatchObject({
      personId: teacherId,
    });
  });

  it('answers another unit’s leader, a deputy, the employee herself and an unknown person alike: not found', async () => {
    expect(await refused(authorize('demo-leder-pleje', 'employments', { personId: teacherId }))).toBe(
      'not_found',
    );
    expect(await refused(authorize('demo-stedfortraeder', 'employments', { personId: teacherId }))).toBe(
      'not_found',
    );
    expect(await refused(authorize('demo-medarbejder', 'employments', { personId: teacherId }))).toBe(
      'not_found',
    );
    expect(await refused(authorize('demo-sagsbehandler-loen', 'employments', { personId: 'nobody' }))).toBe(
      'not_found',
    );
    expect(() => employments.input.parse({ personId: teacherId, cpr: '000101-0000' })).toThrow();
  });

  it('lets the employee read her own payslips, and a caseworker anyone’s, but never her leader', async () => {
    const own = await authorize('demo-medarbejder', 'payslips', {});
    expect(own.personId).toBe(teacherId);
    const slips = (await runFor('demo-medarbejder', 'payslips', {}, own)) as Array<{
      month: string;
      net: string;
      lines: Array<{ text: string; amount: string }>;
    }>;
    expect(slips).toHaveLength(3);
    expect(slips[0]!.lines[0]!.text).toMatch(/^Grundløn, løntrin \d+/);
    expect(Number(slips[0]!.net)).toBeGreaterThan(0);
    expect(await authorize('demo-sagsbehandler-loen', 'payslips', { personId: teacherId })).toMatchObject({
      personId: teacherId,
    });
    expect(await refused(authorize('demo-leder', 'payslips', { personId: teacherId }))).toBe('not_found');
    expect(await refused(authorize('demo-leder', 'payslips', { personId: 'nobody' }))).toBe('not_found');
  });
});
