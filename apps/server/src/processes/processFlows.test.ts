import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import {
  addDays,
  addMonths,
  completeStep,
  DomainError,
  escalateOverdueSteps,
  monthEnd,
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
  const claim = (km = '12,5', highRate = false) =>
    submit(employee, 'koerselsgodtgoerelse', {
      rate: { highRate },
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

  /**
   * A teacher for a test that ends her employment (payroll refuses to end one twice): a person
   * made for the test, employed at the school since `since`, known to the organisation
   * and to payroll alike.
   */
  let made = 0;
  const newTeacher = async (since = '2019-08-01') => {
    made += 1;
    const id = `test-fratraeder-${made}`;
    const cpr = `0001${70 + made}-${4200 + made}`;
    await db().execute(sql`
      INSERT INTO persons (id, cpr, cpr_is_test_data, first_name, last_name)
      VALUES (${id}, ${cpr}, true, 'Test', ${`Fratræder ${made}`})`);
    await db().execute(sql`
      INSERT INTO employments (id, person_id, unit_id, position, agreement, weekly_hours_centi, start_date)
      VALUES (${`${id}-e`}, ${id}, 'buf-001', 'Lærer', 'Lærere m.fl. i kommunerne', 3700, ${since}::date)`);
    const { rows } = await db().execute<{ department: string }>(sql`
      SELECT coalesce(code, upper(id)) AS department FROM org_units WHERE id = 'buf-001'`);
    const department = rows[0]!.department;
    await t.connectors.payroll.createEmployment(
      {
        cpr,
        activationDate: since,
        deactivationDate: null,
        agreement: '04011',
        payGrade: '31',
        supplements: [],
        occupationRate: 1,
        position: 'Lærer',
        positionCode: null,
        department,
        costCentre: department,
      },
      { key: `test-hire-${id}`, signal: new AbortController().signal },
    );
    return id;
  };
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
      ['regel60', 'done', 'done'],
      ['takst', 'done', 'done'],
      ['loen', 'done', 'done'],
      ['udbetalt', 'done', null],
    ]);
    const year = todayInDenmark().slice(0, 4);
    const rate = year === '2025' ? 223 : 228; // the low rate: she is not authorised for the high one
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
      ['regel60', 'rule:koersel-60-dage@1'],
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

  describe('a mileage claim', () => {
    const today = todayInDenmark();
    const year = Number(today.slice(0, 4));
    type Trip = Record<string, unknown>;
    const trip = (date: string, km: string, extra: Trip = {}): Trip => ({
      date,
      from: 'Skolen',
      to: 'Rådhuset',
      km,
      purpose: 'Møde',
      ...extra,
    });
    const homeTrip = (date: string, workplace: string): Trip =>
      trip(date, '14', { from: 'Hjemme', to: workplace, homeTrip: true, workplace });
    /** A claim a caseworker handled earlier, made by hand: submitted, then resolved with `outcomeId`. */
    const earlierClaim = async (trips: Trip[], outcomeId: string) => {
      const caseId = await submit(employee, 'koerselsgodtgoerelse', { rate: { highRate: true }, trips });
      await db().execute(
        sql`UPDATE case_steps SET status = 'cancelled' WHERE case_id = ${caseId} AND status = 'active'`,
      );
      await db().execute(sql`
        UPDATE cases SET status = 'resolved', outcome_id = ${outcomeId}, resolved_at = now() WHERE id = ${caseId}`);
      return caseId;
    };
    const approveAndRun = async (caseId: string) => {
      await t.runJobs();
      await complete({
        caseStepId: await active(caseId, 'leder'),
        result: 'approved',
        by: { userId: 'demo-leder' },
      });
      await t.runJobs();
    };
    const decision = async (caseId: string, tableId: string) =>
      (
        await db().execute<{ inputs: Record<string, unknown>; outputs: Array<Record<string, unknown>> }>(sql`
          SELECT inputs, outputs FROM case_decisions WHERE case_id = ${caseId} AND table_id = ${tableId}`)
      ).rows[0]!;

    it("splits the high rate at 20,000 km by the km of the person's paid claims of the same calendar year", async () => {
      const first = await claim('10', true);
      await approveAndRun(first);
      const before = Number((await decision(first, 'kilometertakst')).inputs.kmEarlierThisYear);
      expect((await caseRow(first)).outcomeId).toBe('paid');
      // Paid this year: counted. Paid last year, rejected this year: not counted.
      await earlierClaim(
        [trip(`${year}-01-05`, '1900'), ...Array.from({ length: 9 }, () => trip(`${year}-02-10`, '1900'))],
        'paid',
      );
      await earlierClaim([trip(`${year - 1}-12-20`, '800')], 'paid');
      await earlierClaim([trip(`${year}-03-03`, '1500')], 'rejected-not-work');
      await earlierClaim([trip(`${year}-04-04`, '300')], 'partly-paid');
      const caseId = await claim('1500', true);
      await approveAndRun(caseId);
      const earlier = before + 10 + 19_000 + 300;
      const rates = await decision(caseId, 'kilometertakst');
      expect(Number(rates.inputs.kmEarlierThisYear)).toBeCloseTo(earlier, 6);
      const high = year === 2025 ? 381 : 394;
      const low = year === 2025 ? 223 : 228;
      expect(rates.outputs).toEqual([
        { rateUpToLimit: high / 100, rateAboveLimit: low / 100, kmLeftAtUpperRate: 20_000 - earlier },
      ]);
      const paid = (await steps(caseId)).find((s) => s.stepId === 'loen')!.data.payroll as Record<
        string,
        unknown
      >;
      const atHigh = Math.min(1500, 20_000 - earlier);
      expect(paid).toMatchObject({
        km: 1500,
        kmAtUpperRate: atHigh,
        amount: ((Math.round(atHigh * high) + Math.round((1500 - atHigh) * low)) / 100).toFixed(2),
      });
      expect(await caseRow(caseId)).toMatchObject({
        status: 'resolved',
        outcomeId: 'paid',
        automation: 'full',
      });
    });

    it('counts the 60-day rule in calendar dates per workplace over 12 months, and sends day 61 to a caseworker', async () => {
      const school = 'Skolen på Byvej 3, 4000 Roskilde';
      // 59 dates at the school in the last 12 months (one of them twice), and one older than 12 months.
      await earlierClaim(
        [
          ...Array.from({ length: 59 }, (_, i) => homeTrip(addDays(today, -2 - i), school)),
          homeTrip(addDays(today, -2), school),
        ],
        'paid',
      );
      await earlierClaim([homeTrip(addMonths(today, -13), school)], 'paid');
      // Day 60: within the rule.
      const day60 = await submit(employee, 'koerselsgodtgoerelse', {
        trips: [homeTrip(addDays(today, -1), 'skolen på byvej 3 4000 roskilde')],
      });
      await approveAndRun(day60);
      expect(await decision(day60, 'koersel-60-dage')).toMatchObject({
        inputs: { daysAtWorkplace: 60 },
        outputs: [{ withinRule: true }],
      });
      expect(await caseRow(day60)).toMatchObject({ status: 'resolved', outcomeId: 'paid' });
      // Day 61 at the same school: to a caseworker, who sees why. Another workplace the same day is fine.
      const day61 = await submit(employee, 'koerselsgodtgoerelse', {
        trips: [homeTrip(today, school), homeTrip(today, 'Rådhuset, Torvet 1')],
      });
      await approveAndRun(day61);
      expect(await decision(day61, 'koersel-60-dage')).toMatchObject({
        inputs: { daysAtWorkplace: 61 },
        outputs: [{ withinRule: false }],
      });
      expect(await active(day61, 'manuel')).toBeGreaterThan(0);
      expect((await caseRow(day61)).status).toBe('submitted');
      expect((await steps(day61)).some((s) => s.stepId === 'takst')).toBe(false);
      expect((await resolveAs(caseworker, day61, 'rejected-60-days')).statusCode).toBe(200);
    });

    it('sends a claim with trips from two calendar years to a caseworker after the approval', async () => {
      const caseId = await submit(employee, 'koerselsgodtgoerelse', {
        trips: [trip(`${year - 1}-12-30`, '20'), trip(today, '20')],
      });
      await approveAndRun(caseId);
      expect((await steps(caseId)).map((s) => s.stepId)).toEqual(['leder', 'manuel']);
    });
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

  describe('a termination', () => {
    const today = todayInDenmark();
    const terminate = async (termination: Record<string, unknown>, person?: string) =>
      submit(leader, 'fratraedelse', {
        termination: { person: person ?? (await newTeacher()), ...termination },
      });
    const latestDecision = async (caseId: string) =>
      (
        await db().execute<{ outputs: Array<Record<string, unknown>>; inputs: Record<string, unknown> }>(sql`
          SELECT outputs, inputs FROM case_decisions WHERE case_id = ${caseId} AND table_id = 'opsigelsesvarsel'
          ORDER BY id DESC LIMIT 1`)
      ).rows[0];
    /** The wait for the termination date ends: its timer job is made due and run. */
    const dateComes = async (caseId: string) => {
      await db().execute(sql`UPDATE jobs SET run_at = now() WHERE case_id = ${caseId} AND done_at IS NULL`);
      await t.runJobs();
    };
    let hr: TestClient;
    beforeAll(async () => {
      hr = await t.login('demo-sagsbehandler-hr');
    });

    it('checks a resignation against the employee’s notice and, when it keeps it, records it for payroll and ends on the termination date without a person', async () => {
      const lastDay = monthEnd(addMonths(today, 1));
      const caseId = await terminate({
        type: 'resignation',
        terms: 'funktionaer',
        noticeDate: today,
        lastDay,
        resignationLetter: [await upload(leader)],
      });
      await t.runJobs();
      expect((await latestDecision(caseId))!.outputs).toEqual([
        expect.objectContaining({ noticeMonths: 1, earliestLastDay: lastDay, noticeSufficient: true }),
      ]);
      const wait = (await steps(caseId)).find((s) => s.stepId === 'sidstedag')!;
      expect(wait).toMatchObject({ status: 'active', waitUntil: calendar.workingDayOnOrBefore(lastDay) });
      // Payroll has the end at once, dated the termination date, while access waits for that day.
      const loen = (await steps(caseId)).find((s) => s.stepId === 'loen')!;
      expect(loen.data).toMatchObject({
        sent: true,
        payroll: { kind: 'end', lastDay, reason: 'resignation' },
      });
      const [ended] = await t.connectors.payroll.readEmployments(
        {
          employmentId: (loen.data.payroll as { employmentId: string }).employmentId,
          effectiveDate: addDays(lastDay, 1),
        },
        { key: 'read', signal: new AbortController().signal },
      );
      expect(ended).toMatchObject({ deactivationDate: lastDay });
      expect((await caseRow(caseId)).status).toBe('automated');
      await t.runJobs();
      expect((await caseRow(caseId)).status).toBe('automated'); // not before its date
      await dateComes(caseId);
      expect(await caseRow(caseId)).toMatchObject({
        status: 'resolved',
        outcomeId: 'registered',
        automation: 'full',
      });
      expect((await steps(caseId)).find((s) => s.stepId === 'sidstedag')).toMatchObject({
        status: 'done',
        completedBySystem: 'timer',
      });
    });

    it('hands a notice that is too short to a caseworker with the earliest date, and goes on when she accepts the date', async () => {
      const lastDay = addDays(today, 10);
      const caseId = await terminate({
        type: 'resignation',
        terms: 'funktionaer',
        noticeDate: today,
        lastDay,
        resignationLetter: [await upload(leader)],
      });
      await t.runJobs();
      expect((await latestDecision(caseId))!.outputs).toEqual([
        expect.objectContaining({ earliestLastDay: monthEnd(addMonths(today, 1)), noticeSufficient: false }),
      ]);
      expect(await active(caseId, 'varselkontrol')).toBeGreaterThan(0);
      expect((await caseRow(caseId)).status).toBe('submitted');
      expect((await steps(caseId)).some((s) => s.stepId === 'loen')).toBe(false);
      const accepted = await resolveAs(caseworker, caseId, 'notice-accepted');
      expect(accepted.statusCode, accepted.body).toBe(200);
      await t.runJobs();
      expect(await active(caseId, 'sidstedag')).toBeGreaterThan(0);
      await dateComes(caseId);
      expect(await caseRow(caseId)).toMatchObject({
        status: 'resolved',
        outcomeId: 'registered',
        automation: 'partial',
      });
    });

    it('leaves terms the table does not know to a caseworker', async () => {
      const caseId = await terminate({
        type: 'retirement',
        terms: 'tjenestemand',
        noticeDate: today,
        lastDay: monthEnd(addMonths(today, 3)),
      });
      await t.runJobs();
      expect((await latestDecision(caseId))!.outputs).toEqual([]);
      expect(await active(caseId, 'varselkontrol')).toBeGreaterThan(0);
    });

    it('holds a dismissal for the hearing in HR, then checks the notice from the length of service and goes on', async () => {
      const person = await newTeacher(addMonths(today, -40)); // 3 years 4 months: 4 months' notice
      const lastDay = monthEnd(addMonths(today, 4));
      const caseId = await terminate(
        {
          type: 'dismissal',
          grounds: 'Gentagne udeblivelser trods advarsel',
          terms: 'funktionaer',
          noticeDate: addDays(today, -3), // planned before the hearing: the notice runs from today at the earliest
          lastDay,
        },
        person,
      );
      await t.runJobs();
      const hearing = (await steps(caseId)).find((s) => s.stepId === 'partshoering')!;
      expect(hearing).toMatchObject({ status: 'active', data: { team: 'okf-ks-hr' } });
      expect((await caseRow(caseId)).status).toBe('submitted');
      const view = (await t.as(hr, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` })).json();
      expect(view.hiddenFromSubjectUntil).toBe('hearing');
      const marked = await t.as(hr, {
        method: 'POST',
        url: `/api/v1/backoffice/cases/${caseId}/stages`,
        payload: { stage: 'hearing', expectedVersion: view.version },
      });
      expect(marked.statusCode, marked.body).toBe(200);
      expect((await resolveAs(hr, caseId, 'dismissal-completed')).statusCode).toBe(200);
      await t.runJobs();
      const decided = (await latestDecision(caseId))!;
      expect(decided.inputs).toMatchObject({ noticeDate: today, employmentStart: addMonths(today, -40) });
      expect(decided.outputs).toEqual([
        expect.objectContaining({ noticeMonths: 4, earliestLastDay: lastDay, noticeSufficient: true }),
      ]);
      expect(await active(caseId, 'sidstedag')).toBeGreaterThan(0);
      await dateComes(caseId);
      expect(await caseRow(caseId)).toMatchObject({ status: 'resolved', outcomeId: 'dismissal-completed' });
    });

    it('sends a dismissal whose notice is too short for her service to a caseworker after the hearing', async () => {
      const person = await newTeacher(addMonths(today, -120)); // 10 years: 6 months' notice
      const caseId = await terminate(
        {
          type: 'dismissal',
          grounds: 'Stillingen nedlægges',
          terms: 'funktionaer',
          noticeDate: today,
          lastDay: monthEnd(addMonths(today, 5)),
        },
        person,
      );
      await t.runJobs();
      expect((await resolveAs(hr, caseId, 'dismissal-completed')).statusCode).toBe(200);
      await t.runJobs();
      expect((await latestDecision(caseId))!.outputs).toEqual([
        expect.objectContaining({
          noticeMonths: 6,
          earliestLastDay: monthEnd(addMonths(today, 6)),
          noticeSufficient: false,
        }),
      ]);
      expect(await active(caseId, 'varselkontrol')).toBeGreaterThan(0);
    });

    it('ends a dismissal dropped after the hearing without payroll', async () => {
      const caseId = await terminate({
        type: 'dismissal',
        grounds: 'Samarbejdsvanskeligheder',
        terms: 'funktionaer',
        noticeDate: today,
        lastDay: monthEnd(addMonths(today, 8)),
      });
      await t.runJobs();
      expect((await resolveAs(hr, caseId, 'dismissal-dropped')).statusCode).toBe(200);
      expect(await caseRow(caseId)).toMatchObject({ status: 'resolved', outcomeId: 'dismissal-dropped' });
      expect((await steps(caseId)).map((s) => s.stepId)).toEqual(['varsel', 'partshoering', 'afsluttet']);
    });

    it('takes a summary dismissal through the hearing to payroll with no notice to check', async () => {
      const caseId = await terminate({
        type: 'summary_dismissal',
        grounds: 'Tyveri fra arbejdspladsen',
        lastDay: today,
      });
      await t.runJobs();
      expect(await active(caseId, 'partshoering')).toBeGreaterThan(0);
      expect((await resolveAs(hr, caseId, 'summary-dismissal-completed')).statusCode).toBe(200);
      await t.runJobs();
      await dateComes(caseId);
      expect(await caseRow(caseId)).toMatchObject({
        status: 'resolved',
        outcomeId: 'summary-dismissal-completed',
      });
      expect((await steps(caseId)).map((s) => s.stepId)).not.toContain('varselefter');
    });

    it('registers a death for payroll at once, with no notice and no hearing', async () => {
      const caseId = await terminate({ type: 'death', lastDay: addDays(today, -2) });
      await t.runJobs();
      await t.runJobs(); // the wait for a date already past ends at once
      expect(await caseRow(caseId)).toMatchObject({
        status: 'resolved',
        outcomeId: 'registered',
        automation: 'full',
      });
      expect((await steps(caseId)).map((s) => s.stepId)).not.toContain('partshoering');
    });
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
    const caseId = await submit(leader, 'fratraedelse-event', {
      termination: {
        person: await newTeacher(),
        type: 'retirement',
        terms: 'funktionaer',
        noticeDate: todayInDenmark(),
        lastDay: addDays(todayInDenmark(), 10),
      },
    });
    await t.runJobs(); // the notice is too short: a caseworker accepts the date
    expect((await resolveAs(caseworker, caseId, 'notice-accepted')).statusCode).toBe(200);
    await t.runJobs();
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
