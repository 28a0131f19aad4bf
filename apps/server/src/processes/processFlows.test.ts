import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import {
  addDays,
  completeStep,
  DomainError,
  escalateOverdueSteps,
  signalProcessEvent,
  todayInDenmark,
  WorkCalendar,
  type CalendarConfig,
} from '@indgang/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const calendar = new WorkCalendar(
  JSON.parse(
    readFileSync(new URL('../../../../catalog/calendar.json', import.meta.url), 'utf8'),
  ) as CalendarConfig,
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type StepRow = {
  id: string;
  stepId: string;
  kind: string;
  status: string;
  result: string | null;
  assigneeUserId: string | null;
  completedByUserId: string | null;
  completedBySystem: string | null;
  waitUntil: string | null;
  data: Record<string, unknown>;
};

/**
 * Whole processes of the shipped services through the engine and the job runner: the leader's
 * approval of a mileage claim and its automation to payroll, a rejection, four eyes, the watch
 * list, parallel branches with a robot and a join, a wait for the last working day.
 */
describe.each(targets)('processes of the shipped services on $name', (target) => {
  let t: TestApp;
  let employee: TestClient;
  let leader: TestClient;
  let caseworker: TestClient;
  let teacherPersonId: string;

  const db = () => t.database.db;
  const steps = async (caseId: string) =>
    (
      await db().execute<StepRow>(sql`
        SELECT id, step_id AS "stepId", kind, status, result, assignee_user_id AS "assigneeUserId",
               completed_by_user_id AS "completedByUserId", completed_by_system AS "completedBySystem",
               wait_until::text AS "waitUntil", data
        FROM case_steps WHERE case_id = ${caseId} ORDER BY id`)
    ).rows;
  const caseRow = async (caseId: string) =>
    (
      await db().execute<{
        status: string;
        outcomeId: string | null;
        automation: string | null;
        automationReason: string | null;
      }>(sql`
        SELECT status, outcome_id AS "outcomeId", automation, automation_reason AS "automationReason" FROM cases WHERE id = ${caseId}`)
    ).rows[0]!;
  const active = async (caseId: string, stepId: string) => {
    const step = (await steps(caseId)).find((s) => s.stepId === stepId && s.status === 'active');
    expect(step, `active step ${stepId}`).toBeDefined();
    return Number(step!.id);
  };
  const complete = (input: Parameters<typeof completeStep>[2]) =>
    db().transaction((tx) => completeStep(tx, { calendar }, input));
  const submit = async (client: TestClient, serviceId: string, answers: object) => {
    const created = await t.as(client, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { serviceId, answers, confirmNotDuplicate: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };
  const claim = (km = '12,5') =>
    submit(employee, 'koerselsgodtgoerelse', {
      trips: [{ date: todayInDenmark(), from: 'Skolen', to: 'Rådhuset', km, purpose: 'Møde om skoleplan' }],
    });
  const resolveAs = async (client: TestClient, caseId: string, outcomeId: string) => {
    const view = (await t.as(client, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` })).json();
    return t.as(client, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/resolve`,
      payload: { outcomeId, reply: 'Sagen er behandlet.', expectedVersion: view.version },
    });
  };
  const upload = async (client: TestClient) =>
    (
      await t.as(client, {
        method: 'POST',
        url: '/api/v1/attachments?fileName=bevis.pdf',
        headers: { 'content-type': 'application/pdf' },
        payload: PDF,
      })
    ).json().id as string;

  beforeAll(async () => {
    t = await createTestApp(target);
    employee = await t.login('demo-medarbejder');
    leader = await t.login('demo-leder');
    caseworker = await t.login('demo-sagsbehandler-loen');
    teacherPersonId = (
      await db().execute<{ personId: string }>(
        sql`SELECT person_id AS "personId" FROM users WHERE id = 'demo-medarbejder'`,
      )
    ).rows[0]!.personId;
  });
  afterAll(() => t.close());

  it("takes a mileage claim to the claimant's leader, then decides the rate and records the allowance for payroll through the job engine", async () => {
    const caseId = await claim();
    expect((await caseRow(caseId)).status).toBe('automated'); // until the start job runs
    await t.runJobs();
    const [approval] = await steps(caseId);
    expect(approval).toMatchObject({
      stepId: 'leder',
      kind: 'approval',
      status: 'active',
      assigneeUserId: 'demo-leder',
    });
    expect((await caseRow(caseId)).status).toBe('awaiting_approval');
    // A caseworker cannot resolve past the leader's approval.
    const early = await resolveAs(caseworker, caseId, 'paid');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('approval_pending');

    await complete({ caseStepId: Number(approval!.id), result: 'approved', by: { userId: 'demo-leder' } });
    expect((await caseRow(caseId)).status).toBe('automated');
    await t.runJobs();

    const done = await steps(caseId);
    expect(done.map((s) => [s.stepId, s.status, s.result])).toEqual([
      ['leder', 'done', 'approved'],
      ['takst', 'done', 'done'],
      ['loen', 'done', 'done'],
      ['udbetalt', 'done', null],
    ]);
    const year = todayInDenmark().slice(0, 4);
    const rate = year === '2025' ? 381 : 394;
    const takst = done.find((s) => s.stepId === 'takst')!;
    expect(takst.completedBySystem).toBe('rule:kilometertakst@1');
    const payroll = done.find((s) => s.stepId === 'loen')!.data as {
      payroll: Record<string, unknown>;
      sent: boolean;
    };
    // Paid through payroll: the step keeps what was sent (never the CPR number) and payroll's answer.
    expect(payroll.sent).toBe(true);
    expect(payroll.payroll).toMatchObject({
      kind: 'allowance',
      personId: teacherPersonId,
      km: 12.5,
      amount: ((12.5 * rate) / 100).toFixed(2),
      year,
      employmentId: expect.any(String),
      paymentId: expect.any(String),
      run: { month: expect.stringMatching(/^\d{4}-\d{2}$/) },
    });
    expect(payroll.payroll).not.toHaveProperty('cpr');
    const paid = t.simulators.stores
      .get('payroll')!
      .list<{ employmentId: string; amount: string; code: string }>('salaryItems')
      .filter((i) => i.employmentId === payroll.payroll.employmentId);
    expect(paid).toEqual([
      expect.objectContaining({ amount: ((12.5 * rate) / 100).toFixed(2), code: '9100' }),
    ]);
    expect(await caseRow(caseId)).toMatchObject({
      status: 'resolved',
      outcomeId: 'paid',
      automation: 'full',
    });

    // The rule version that decided is kept with the case.
    const decisions = await db().execute<{ tableId: string; revision: number; decisionId: string }>(sql`
      SELECT table_id AS "tableId", revision, decision_id AS "decisionId" FROM case_decisions
      WHERE case_id = ${caseId} AND table_id = 'kilometertakst'`);
    expect(decisions.rows).toEqual([
      { tableId: 'kilometertakst', revision: 1, decisionId: `kilometertakst-${year}` },
    ]);

    // The timeline names each step and who or what did it; the automation resolved it, not a person.
    const events = await db().execute<{
      type: string;
      actorUserId: string | null;
      data: Record<string, unknown>;
    }>(sql`
      SELECT type, actor_user_id AS "actorUserId", data FROM case_events WHERE case_id = ${caseId} ORDER BY id`);
    const stepEvents = events.rows.filter((e) => e.type === 'step');
    expect(stepEvents.map((e) => [e.data.stepId, e.data.by])).toEqual([
      ['leder', { userId: 'demo-leder' }],
      ['takst', 'rule:kilometertakst@1'],
      ['loen', 'job:payroll.allowance'],
    ]);
    expect(stepEvents[0]!.data.name).toEqual({ da: 'Lederens godkendelse', en: "The leader's approval" });
    const resolved = events.rows.find((e) => e.type === 'resolved')!;
    expect(resolved.actorUserId).toBeNull();
    expect(resolved.data.by).toBe('system:automation');
    const audit = await db().execute<{ actorUserId: string | null; details: Record<string, unknown> }>(sql`
      SELECT actor_user_id AS "actorUserId", details FROM audit_log WHERE entity_id = ${caseId} AND action = 'case.resolve'`);
    expect(audit.rows).toEqual([
      { actorUserId: null, details: expect.objectContaining({ by: 'system:automation' }) },
    ]);
    // The receipt and the resolution are mailed, once each.
    const mails = await db().execute<{ kind: string }>(sql`
      SELECT payload->>'kind' AS kind FROM jobs WHERE kind = 'mail.case' AND payload->>'caseId' = ${caseId} ORDER BY id`);
    expect(mails.rows.map((m) => m.kind)).toEqual(['receipt', 'resolved']);
  });

  it('ends a claim the leader rejects with the rejection, sending nothing to payroll, and refuses a step that is no longer active', async () => {
    const caseId = await claim('3');
    await t.runJobs();
    const approval = await active(caseId, 'leder');
    await complete({
      caseStepId: approval,
      result: 'rejected',
      by: { userId: 'demo-leder' },
      comment: 'Ikke tjenstlig kørsel.',
    });
    await t.runJobs();
    expect(await caseRow(caseId)).toMatchObject({
      status: 'resolved',
      outcomeId: 'rejected-not-work',
      automation: null,
    });
    expect((await steps(caseId)).map((s) => s.stepId)).toEqual(['leder', 'afvist']);
    const again = await complete({
      caseStepId: approval,
      result: 'approved',
      by: { userId: 'demo-leder' },
    }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DomainError);
    expect((again as DomainError).code).toBe('step_not_active');
    expect((again as DomainError).text.da).toContain('ikke længere aktivt');
  });

  it('sends a claim the leader returns back to the submitter and back to the leader when she answers', async () => {
    const caseId = await claim('7');
    await t.runJobs();
    await complete({
      caseStepId: await active(caseId, 'leder'),
      result: 'returned',
      by: { userId: 'demo-leder' },
      comment: 'Hvilken skole?',
    });
    expect((await caseRow(caseId)).status).toBe('awaiting_submitter');
    const answered = await t.as(employee, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/messages`,
      payload: { body: 'Skolen på Byvej.', attachmentIds: [] },
    });
    expect(answered.statusCode, answered.body).toBeLessThan(300);
    expect((await caseRow(caseId)).status).toBe('awaiting_approval');
    expect(await active(caseId, 'leder')).toBeGreaterThan(0);
  });

  it('never automates a case on the watch list: after the approval it goes to a person with the reason', async () => {
    const caseId = await claim('9');
    await t.runJobs();
    await db().execute(sql`
      INSERT INTO watch_list (id, case_id, reason, created_by_user_id)
      VALUES (${`watch-${caseId}`}, ${caseId}, 'Tvivl om kørslens formål', 'demo-sagsbehandler-loen')`);
    await complete({
      caseStepId: await active(caseId, 'leder'),
      result: 'approved',
      by: { userId: 'demo-leder' },
    });
    await t.runJobs();
    const row = await caseRow(caseId);
    expect(row).toMatchObject({ status: 'submitted', automation: 'excluded' });
    expect(row.automationReason).toContain('Tvivl om kørslens formål');
    expect((await steps(caseId)).filter((s) => s.kind === 'automated')).toEqual([]);
    // The caseworker resolves it by hand.
    const resolved = await resolveAs(caseworker, caseId, 'paid');
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(await caseRow(caseId)).toMatchObject({
      status: 'resolved',
      outcomeId: 'paid',
      automation: 'excluded',
    });
  });

  it('puts a pay change through four eyes: the caseworker who registered it may not approve it, a second one may', async () => {
    const caseId = await submit(leader, 'loen-aendring', {
      change: {
        person: teacherPersonId,
        kind: 'hours',
        effectiveDate: addDays(todayInDenmark(), 20),
        newHours: '30',
      },
    });
    expect((await caseRow(caseId)).status).toBe('submitted');
    const registered = await resolveAs(caseworker, caseId, 'registered-four-eyes');
    expect(registered.statusCode, registered.body).toBe(200);
    expect((await caseRow(caseId)).status).toBe('submitted'); // back in the queue for a second caseworker
    const check = await active(caseId, 'kontrol');
    const same = await complete({
      caseStepId: check,
      result: 'approved',
      by: { userId: 'demo-sagsbehandler-loen' },
    }).catch((e: unknown) => e);
    expect(same).toBeInstanceOf(DomainError);
    expect((same as DomainError).code).toBe('four_eyes_same_person');
    // Nor can the case be resolved past the check.
    const past = await resolveAs(caseworker, caseId, 'registered');
    expect(past.json().error.code).toBe('four_eyes_pending');
    await complete({ caseStepId: check, result: 'approved', by: { userId: 'demo-ankerperson' } });
    await t.runJobs();
    expect(await caseRow(caseId)).toMatchObject({
      status: 'resolved',
      outcomeId: 'registered-four-eyes',
      automation: 'partial',
    });
    const payroll = (await steps(caseId)).find((s) => s.stepId === 'loen')!;
    expect(payroll.data.sent).toBe(true);
    expect(payroll.data.payroll).toMatchObject({
      kind: 'change',
      personId: teacherPersonId,
      change: { kind: 'hours', newHours: 30 },
      changes: { occupationRate: 0.8108 },
      employmentId: expect.any(String),
      run: { month: expect.any(String) },
    });
    // Payroll holds the new hours as a version from the date the change takes effect.
    const [after] = await t.connectors.payroll.readEmployments(
      {
        employmentId: (payroll.data.payroll as { employmentId: string }).employmentId,
        effectiveDate: addDays(todayInDenmark(), 20),
      },
      { key: 'read', signal: new AbortController().signal },
    );
    expect(after!.occupationRate).toBe(0.8108);
  });

  it('runs the setup of a new hire beside the child certificate ordered by a robot, and ends when both branches are done', async () => {
    const caseId = await submit(leader, 'ansaettelse', {
      position: {
        unit: 'buf-001',
        position: 'Lærer',
        agreement: 'laerere',
        weeklyHours: '37',
        startDate: addDays(todayInDenmark(), 60),
        timeLimited: false,
      },
      person: { firstName: 'Ny', lastName: 'Lærer', cpr: '000190-0301', nationality: 'dk' },
      certificates: { worksWithChildren: 'yes', youngestChildAge: '6', childConsent: [await upload(leader)] },
      documents: { education: [await upload(leader)] },
    });
    await t.runJobs(); // starts the process and decides on the certificate
    const after = await steps(caseId);
    expect(after.map((s) => [s.stepId, s.status])).toEqual([
      ['fordel', 'done'],
      ['oprettelse', 'active'],
      ['attestvurdering', 'done'],
      ['attestbestilling', 'active'],
    ]);
    expect((await caseRow(caseId)).status).toBe('submitted');
    const items = await db().execute<{
      topic: string;
      status: string;
      payload: { answers: Record<string, unknown> };
    }>(sql`
      SELECT topic, status, payload FROM work_items WHERE case_id = ${caseId}`);
    expect(items.rows).toHaveLength(1);
    expect(items.rows[0]).toMatchObject({ topic: 'boerneattest.bestil', status: 'waiting' });
    // Only what ordering the certificate needs: not the agreement, the hours or the files.
    expect(Object.keys(items.rows[0]!.payload.answers).sort()).toEqual(
      ['cpr', 'firstName', 'lastName', 'position', 'startDate', 'unit'].sort(),
    );
    await complete({
      caseStepId: await active(caseId, 'attestbestilling'),
      result: 'done',
      by: { system: 'robot:test' },
    });
    // The join waits for the caseworker's branch.
    expect((await steps(caseId)).find((s) => s.stepId === 'samling')).toMatchObject({ status: 'active' });
    expect((await caseRow(caseId)).status).toBe('submitted');
    const resolved = await resolveAs(caseworker, caseId, 'created');
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(await caseRow(caseId)).toMatchObject({
      status: 'resolved',
      outcomeId: 'created',
      automation: 'partial',
    });
    const events = await db().execute<{ data: Record<string, unknown> }>(sql`
      SELECT data FROM case_events WHERE case_id = ${caseId} AND type = 'step' ORDER BY id`);
    expect(events.rows.map((e) => e.data.by)).toContain('robot:test');
  });

  it('waits for the last working day of a termination, then records it for payroll and resolves it', async () => {
    const lastDay = addDays(todayInDenmark(), 40);
    const caseId = await submit(leader, 'fratraedelse', {
      termination: { person: teacherPersonId, type: 'retirement', lastDay },
    });
    const handled = await resolveAs(caseworker, caseId, 'registered');
    expect(handled.statusCode, handled.body).toBe(200);
    const wait = (await steps(caseId)).find((s) => s.stepId === 'sidstedag')!;
    expect(wait).toMatchObject({ status: 'active', waitUntil: calendar.workingDayOnOrBefore(lastDay) });
    expect((await caseRow(caseId)).status).toBe('automated');
    await t.runJobs();
    expect((await caseRow(caseId)).status).toBe('automated'); // not before its date
    // The date comes: the timer job is due.
    await db().execute(sql`UPDATE jobs SET run_at = now() WHERE case_id = ${caseId} AND done_at IS NULL`);
    await t.runJobs();
    expect(await caseRow(caseId)).toMatchObject({
      status: 'resolved',
      outcomeId: 'registered',
      automation: 'partial',
    });
    expect((await steps(caseId)).find((s) => s.stepId === 'sidstedag')).toMatchObject({
      status: 'done',
      completedBySystem: 'timer',
    });
    // Payroll has the end: the last day, and the status of a retirement (9).
    const loen = (await steps(caseId)).find((s) => s.stepId === 'loen')!;
    expect(loen.data.payroll).toMatchObject({ kind: 'end', lastDay, reason: 'retirement' });
    expect(loen.data.sent).toBe(true);
    const [ended] = await t.connectors.payroll.readEmployments(
      {
        employmentId: (loen.data.payroll as { employmentId: string }).employmentId,
        effectiveDate: addDays(lastDay, 1),
      },
      { key: 'read', signal: new AbortController().signal },
    );
    expect(ended).toMatchObject({ deactivationDate: lastDay, status: '9' });
  });

  it('escalates an overdue approval once: an internal entry for the team lead and a mark on the step', async () => {
    const caseId = await claim('4');
    await t.runJobs();
    const approval = await active(caseId, 'leder');
    await db().execute(
      sql`UPDATE case_steps SET due_date = ${addDays(todayInDenmark(), -1)}::date WHERE id = ${approval}`,
    );
    expect(await escalateOverdueSteps({ db: db() })).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueSteps({ db: db() })).toBe(0);
    const events = await db().execute<{ internal: boolean; data: Record<string, unknown> }>(sql`
      SELECT internal, data FROM case_events WHERE case_id = ${caseId} AND type = 'automation'`);
    expect(events.rows).toEqual([
      { internal: true, data: expect.objectContaining({ escalation: 'team_lead', stepId: 'leder' }) },
    ]);
    expect((await caseRow(caseId)).status).toBe('awaiting_approval');
  });

  it('hands a claim the rate table cannot decide to a caseworker with the reason, writing nothing of the failed step', async () => {
    // No version of the mileage table covers 2024: the decision fails as a business failure, not a retry.
    const caseId = await submit(employee, 'koerselsgodtgoerelse', {
      trips: [{ date: '2024-06-03', from: 'Skolen', to: 'Rådhuset', km: '5', purpose: 'Møde' }],
    });
    await t.runJobs();
    await complete({
      caseStepId: await active(caseId, 'leder'),
      result: 'approved',
      by: { userId: 'demo-leder' },
    });
    await t.runJobs();
    const row = await caseRow(caseId);
    expect(row).toMatchObject({ status: 'submitted', automation: 'failed' });
    expect(row.automationReason).toContain('2024');
    expect((await steps(caseId)).find((s) => s.stepId === 'takst')).toMatchObject({ status: 'cancelled' });
    const decided = await db().execute(
      sql`SELECT 1 FROM case_decisions WHERE case_id = ${caseId} AND table_id = 'kilometertakst'`,
    );
    expect(decided.rows).toHaveLength(0);
    const pending = await db().execute(sql`SELECT 1 FROM jobs WHERE case_id = ${caseId} AND done_at IS NULL`);
    expect(pending.rows).toHaveLength(0);
  });

  it('ends a wait for an event when the event is signalled, once', async () => {
    // A copy of the termination service whose wait is for an event instead of a date.
    const { rows } = await db().execute<{
      definition: { process: { steps: Array<Record<string, unknown>> } };
    }>(sql`
      SELECT definition FROM services WHERE id = 'fratraedelse' ORDER BY version DESC LIMIT 1`);
    const def = rows[0]!.definition;
    const eventSteps = def.process.steps.map((step) =>
      step.id === 'sidstedag' ? { ...step, until: undefined, event: 'udstyr.afleveret' } : step,
    );
    await db().execute(sql`
      INSERT INTO services (id, version, definition)
      VALUES ('fratraedelse-event', 1, ${JSON.stringify({ ...def, id: 'fratraedelse-event', version: 1, process: { ...def.process, steps: eventSteps } })}::jsonb)`);
    // Another employee of the school than the teacher, whose retirement an earlier test registered.
    const { rows: others } = await db().execute<{ personId: string }>(sql`
      SELECT e.person_id AS "personId" FROM employments e WHERE e.unit_id = 'buf-001' AND e.person_id <> ${teacherPersonId}
        AND NOT EXISTS (SELECT 1 FROM unit_managers m WHERE m.person_id = e.person_id) ORDER BY e.person_id DESC LIMIT 1`);
    const caseId = await submit(leader, 'fratraedelse-event', {
      termination: {
        person: others[0]!.personId,
        type: 'retirement',
        lastDay: addDays(todayInDenmark(), 10),
      },
    });
    expect((await resolveAs(caseworker, caseId, 'registered')).statusCode).toBe(200);
    expect((await steps(caseId)).find((s) => s.stepId === 'sidstedag')).toMatchObject({
      status: 'active',
      waitUntil: null,
    });
    const signal = () =>
      db().transaction((tx) =>
        signalProcessEvent(tx, { calendar }, caseId, 'udstyr.afleveret', 'system:test'),
      );
    expect(await signal()).toBe(1);
    expect(await signal()).toBe(0);
    await t.runJobs();
    expect(await caseRow(caseId)).toMatchObject({ status: 'resolved', outcomeId: 'registered' });
  });
});
