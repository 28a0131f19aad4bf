import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { addDays, todayInDenmark, type PayrollConnector } from '@indgang/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';
import { newHireAnswers } from '../testing/newHireAnswers';
import type { SimEmployment } from '../simulators/payroll/sdEmployment';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * The payroll steps through the job engine against the simulated SD Løn, failures included: a new
 * hire's employment created by an automated step (a copy of the new-hire service with a pay grade
 * and that step), once even when the answer is lost or the worker dies after sending, retried after
 * a timeout, and refused in SD's own words to a person.
 */
describe.each(targets)('payroll steps against the simulated SD Løn on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;
  const db = () => t.database.db;
  const store = () => t.simulators.stores.get('payroll')!;
  const employmentsOf = (cpr: string) =>
    store()
      .list<SimEmployment>('employments')
      .filter((e) => e.cpr === cpr.replace('-', ''));
  const caseRow = async (caseId: string) =>
    (
      await db().execute<{
        status: string;
        outcomeId: string | null;
        automation: string | null;
        reason: string | null;
      }>(sql`
        SELECT status, outcome_id AS "outcomeId", automation, automation_reason AS reason FROM cases WHERE id = ${caseId}`)
    ).rows[0]!;
  const calls = async (caseId: string) =>
    (
      await db().execute<{
        operation: string;
        outcome: string;
        code: string | null;
        text: string | null;
      }>(sql`
        SELECT operation, outcome, error_code AS code, error_text AS text FROM connector_calls
        WHERE case_id = ${caseId} AND connector = 'payroll' ORDER BY id`)
    ).rows;
  const stepData = async (caseId: string) =>
    (
      await db().execute<{ data: Record<string, unknown> }>(sql`
        SELECT data FROM case_steps WHERE case_id = ${caseId} AND step_id = 'opret'`)
    ).rows[0]!.data;
  /** The retry's back-off has passed. */
  const retryNow = (caseId: string) =>
    db().execute(sql`UPDATE jobs SET run_at = now() WHERE case_id = ${caseId} AND done_at IS NULL`);
  const hire = async (cpr: string, payGrade = '35') => {
    const upload = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/attachments?fileName=eksamensbevis.pdf',
      headers: { 'content-type': 'application/pdf' },
      payload: PDF,
    });
    const created = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'ansaettelse-loen',
        confirmNotDuplicate: true,
        answers: newHireAnswers({
          person: { cpr },
          position: { weeklyHours: '30', startDate: addDays(todayInDenmark(), 45) },
          pay: { payGrade },
          documents: { education: [upload.json().id] },
        }),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    leader = await t.login('demo-leder');
    // The new-hire service with one automated step that creates the employment.
    const { rows } = await db().execute<{
      definition: { sections: Array<{ id: string; fields: unknown[] }> } & Record<string, unknown>;
    }>(sql`
      SELECT definition FROM services WHERE id = 'ansaettelse' ORDER BY version DESC LIMIT 1`);
    const def = rows[0]!.definition;
    // The pay step may be left out here, as in a municipality's copy that does not ask for it.
    const sections = def.sections.map((s) =>
      s.id === 'pay'
        ? {
            ...s,
            fields: s.fields.map((f) =>
              (f as { id: string }).id === 'payGrade' ? { ...(f as object), required: false } : f,
            ),
          }
        : s,
    );
    const name = (da: string) => ({ da, en: da });
    const process = {
      start: 'opret',
      steps: [
        {
          id: 'opret',
          kind: 'automated',
          name: name('Ansættelsen oprettes i lønnen'),
          action: 'payroll.createEmployment',
          next: [{ to: 'oprettet', on: 'done' }, { to: 'behandling' }],
        },
        {
          id: 'behandling',
          kind: 'human',
          name: name('Oprettelse ved sagsbehandler'),
          next: [{ to: 'afsluttet' }],
        },
        { id: 'oprettet', kind: 'end', name: name('Oprettet'), outcome: 'created', next: [] },
        { id: 'afsluttet', kind: 'end', name: name('Afsluttet'), next: [] },
      ],
    };
    await db().execute(sql`
      INSERT INTO services (id, version, definition)
      VALUES ('ansaettelse-loen', 1, ${JSON.stringify({ ...def, id: 'ansaettelse-loen', version: 1, sections, process })}::jsonb)`);
  });
  afterAll(() => t.close());

  it('creates the employment in payroll from the answers and resolves the case, keeping the employment number on the step', async () => {
    const cpr = '000180-1001';
    const caseId = await hire(cpr);
    await t.runJobs();
    expect(await caseRow(caseId)).toMatchObject({
      status: 'resolved',
      outcomeId: 'created',
      automation: 'full',
    });
    const data = await stepData(caseId);
    expect(data.sent).toBe(true);
    expect(data.payroll).toMatchObject({
      kind: 'hire',
      employmentId: expect.stringMatching(/^2\d{5}$/),
      institution: 'EK',
      // A hire starting in a later month reaches that month's run.
      run: { month: addDays(todayInDenmark(), 45).slice(0, 7) },
    });
    expect(data.payroll).not.toHaveProperty('cpr');
    const [employment] = employmentsOf(cpr);
    expect(employment).toMatchObject({ employmentDate: addDays(todayInDenmark(), 45), endDate: null });
    expect(employment!.versions[0]!.terms).toMatchObject({
      agreement: '04011',
      grade: '35',
      occupationRate: '0.8108',
      department: 'BUF001',
      position: 'Lærer',
      positionCode: '2001',
    });
    expect(await calls(caseId)).toEqual([
      { operation: 'createEmployment', outcome: 'ok', code: null, text: null },
    ]);
  });

  it('creates one employment when the answer is lost: the retry under the step key gets the first answer', async () => {
    const cpr = '000180-1002';
    t.simulators.faults.plan({
      system: 'payroll',
      operation: 'createEmployment',
      fault: 'lost_answer',
      times: 1,
    });
    const caseId = await hire(cpr);
    await t.runJobs();
    expect((await caseRow(caseId)).status).toBe('automated'); // waiting for the retry
    expect(employmentsOf(cpr)).toHaveLength(1); // payroll did it, nobody heard
    await retryNow(caseId);
    await t.runJobs();
    expect(await caseRow(caseId)).toMatchObject({ status: 'resolved', outcomeId: 'created' });
    expect(employmentsOf(cpr)).toHaveLength(1);
    expect((await stepData(caseId)).payroll).toMatchObject({
      employmentId: employmentsOf(cpr)[0]!.employmentId,
    });
    expect((await calls(caseId)).map((c) => c.outcome)).toEqual(['transient', 'ok']);
  });

  it('creates one employment when the worker dies after payroll answered: the retry sends the same under the same key', async () => {
    const cpr = '000180-1003';
    const payroll: PayrollConnector = t.connectors.payroll;
    const original = payroll.createEmployment;
    let killed = false;
    payroll.createEmployment = async (input, call) => {
      const answer = await original(input, call);
      if (killed) return answer;
      killed = true;
      throw new Error('the worker was stopped');
    };
    try {
      const caseId = await hire(cpr);
      await t.runJobs();
      expect((await caseRow(caseId)).status).toBe('automated');
      await retryNow(caseId);
      await t.runJobs();
      expect(await caseRow(caseId)).toMatchObject({ status: 'resolved', outcomeId: 'created' });
      expect(employmentsOf(cpr)).toHaveLength(1);
    } finally {
      payroll.createEmployment = original;
    }
  });

  it('retries after a timeout, and payroll creates the employment once', async () => {
    const cpr = '000180-1004';
    t.simulators.faults.plan({
      system: 'payroll',
      operation: 'createEmployment',
      fault: 'timeout',
      times: 1,
    });
    const caseId = await hire(cpr);
    await t.runJobs();
    expect((await caseRow(caseId)).status).toBe('automated');
    expect(employmentsOf(cpr)).toHaveLength(0);
    await retryNow(caseId);
    await t.runJobs();
    expect(await caseRow(caseId)).toMatchObject({ status: 'resolved', outcomeId: 'created' });
    expect(employmentsOf(cpr)).toHaveLength(1);
    expect((await calls(caseId)).map((c) => c.outcome)).toEqual(['timeout', 'ok']);
  });

  it("hands the case to a person with payroll's own words when payroll refuses, and retries nothing", async () => {
    const cpr = '000180-1005';
    const caseId = await hire(cpr, '5');
    await t.runJobs();
    const row = await caseRow(caseId);
    expect(row).toMatchObject({ status: 'submitted', automation: 'failed' });
    expect(row.reason).toBe('Løn afviste: Løntrin 5 findes ikke på lønskalaen (løntrin 10–60).');
    expect(await calls(caseId)).toEqual([
      {
        operation: 'createEmployment',
        outcome: 'refused',
        code: 'UnknownSalaryClass',
        text: 'Løntrin 5 findes ikke på lønskalaen (løntrin 10–60).',
      },
    ]);
    expect(employmentsOf(cpr)).toHaveLength(0);
    const pending = await db().execute(sql`SELECT 1 FROM jobs WHERE case_id = ${caseId} AND done_at IS NULL`);
    expect(pending.rows).toHaveLength(0);
  });

  it('hands a hire without a pay grade to a person before asking payroll, naming what is missing', async () => {
    const caseId = await hire('000180-1006', '');
    await t.runJobs();
    const row = await caseRow(caseId);
    expect(row).toMatchObject({ status: 'submitted', automation: 'failed' });
    expect(row.reason).toBe('Ansættelsen mangler oplysninger til lønsystemet: løntrin.');
    expect(await calls(caseId)).toEqual([]);
  });
});
