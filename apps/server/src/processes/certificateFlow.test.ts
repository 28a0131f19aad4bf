import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { CERTIFICATE_TOPIC } from '@indgang/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';
import type { GoCase, GoDocument } from '../simulators/esdh/getOrganizedSimulator';

const targets = await testDatabaseTargets();
const API = '/api/robot/v1';

type LockedItem = {
  id: string;
  payload: {
    caseNumber: string;
    answers: Record<string, unknown>;
    person: { firstName: string; lastName: string; cpr: string } | null;
  };
};

/**
 * The criminal-record and child certificate process of the shipped catalogue, through the API: a
 * leader orders for an employee or for a future hire not employed yet; a robot with a credential
 * fetches the order on its topic and reports what the police's certificate said. A clean
 * certificate is filed in the personnel file and the case closed without a person; one with
 * remarks waits for HR law with nothing filed; no certificate at all (a business error) goes to a
 * caseworker.
 */
describe.each(targets)('criminal-record and child certificates on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;
  let hrCaseworker: TestClient;
  let token: string;
  let teacher: { personId: string; firstName: string; lastName: string; cpr: string };
  const db = () => t.database.db;
  const store = () => t.simulators.stores.get('esdh')!;
  const robot = (url: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `${API}${url}`,
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
  const order = async (answers: object, confirmNotDuplicate = true) =>
    t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { serviceId: 'straffe-boerneattest', answers, confirmNotDuplicate },
    });
  /** Orders, runs the start (which writes the robot's item) and returns the case. */
  const ordered = async (answers: object) => {
    const created = await order(answers);
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json() as { id: string; number: string };
    await t.runJobs();
    return c;
  };
  const forEmployee = (kind = 'both') => ({
    order: { who: 'employee', person: teacher.personId, kind, reason: 'Skal arbejde med børn i SFO' },
  });
  const forFutureHire = (cpr: string, lastName: string) => ({
    order: { who: 'futureHire', kind: 'child', reason: 'Nyansættelse som pædagogmedhjælper' },
    hire: { unit: 'buf-001', cpr, firstName: 'Kommende', lastName },
  });
  /** The robot fetches the next item of its topic: the order of `caseNumber`. */
  const fetchOrder = async (caseNumber: string) => {
    const fetched = await robot('/work-items/fetch-and-lock', { topic: CERTIFICATE_TOPIC, maxItems: 1 });
    expect(fetched.statusCode, fetched.body).toBe(200);
    const [item] = fetched.json().items as LockedItem[];
    expect(item?.payload.caseNumber).toBe(caseNumber);
    return item!;
  };
  const caseRow = async (caseId: string) =>
    (
      await db().execute<{
        status: string;
        outcomeId: string | null;
        automation: string | null;
        teamId: string;
        subjectPersonId: string | null;
      }>(sql`
        SELECT status, outcome_id AS "outcomeId", automation, team_id AS "teamId",
               subject_person_id AS "subjectPersonId"
        FROM cases WHERE id = ${caseId}`)
    ).rows[0]!;
  const steps = async (caseId: string) =>
    (
      await db().execute<{ stepId: string; status: string; result: string | null; by: string | null }>(sql`
        SELECT step_id AS "stepId", status, result, completed_by_system AS by
        FROM case_steps WHERE case_id = ${caseId} ORDER BY id`)
    ).rows;
  const filedFor = (caseNumber: string) =>
    store().find<GoDocument>('documents', (d) => d.metadata.ows_Indgangssag === caseNumber);
  const personnelFile = (cpr: string) =>
    store().find<GoCase>('cases', (c) => c.metadata.ows_CCMContactData_CPR === cpr.replace('-', ''));
  const hrQueue = async () =>
    (
      (
        await t.as(hrCaseworker, { method: 'GET', url: '/api/v1/backoffice/queue?teamId=okf-ks-hr' })
      ).json() as Array<{ id: string }>
    ).map((c) => c.id);

  beforeAll(async () => {
    t = await createTestApp(target);
    leader = await t.login('demo-leder');
    hrCaseworker = await t.login('demo-sagsbehandler-hr');
    const admin = await t.login('demo-admin');
    const created = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/robots',
      payload: { name: 'Attestrobotten', topics: [CERTIFICATE_TOPIC] },
    });
    expect(created.statusCode, created.body).toBe(201);
    token = created.json().token as string;
    const { rows } = await db().execute<typeof teacher>(sql`
      SELECT p.id AS "personId", p.first_name AS "firstName", p.last_name AS "lastName", p.cpr
      FROM users u JOIN persons p ON p.id = u.person_id WHERE u.id = 'demo-medarbejder'`);
    teacher = rows[0]!;
  }, 120_000);
  afterAll(() => t?.close());

  it('files a clean certificate of an employee in her personnel file once and closes the case without a person', async () => {
    const c = await ordered(forEmployee());
    expect(await caseRow(c.id)).toMatchObject({ status: 'automated', subjectPersonId: teacher.personId });
    const item = await fetchOrder(c.number);
    // What ordering needs, the person named from the organisation; not the leader's reason.
    expect(item.payload.answers).toEqual({ kind: 'both', who: 'employee' });
    expect(item.payload.person).toEqual({
      firstName: teacher.firstName,
      lastName: teacher.lastName,
      cpr: teacher.cpr,
    });
    for (let i = 0; i < 2; i++) {
      const done = await robot(`/work-items/${item.id}/complete`, {
        output: { result: 'clean', reference: 'PA-2026-0001' },
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().replayed).toBe(i === 1);
      await t.runJobs();
    }
    expect(await caseRow(c.id)).toMatchObject({
      status: 'resolved',
      outcomeId: 'clean-filed',
      automation: 'full',
    });
    expect((await steps(c.id)).map((s) => [s.stepId, s.status, s.result, s.by])).toEqual([
      ['bestilling', 'done', 'done', 'robot:Attestrobotten'],
      ['vurdering', 'done', 'done', 'rule:attestresultat@1'],
      ['arkiv', 'done', 'done', 'job:esdh.file'],
      ['ren', 'done', null, 'system:process'],
    ]);
    const [file] = personnelFile(teacher.cpr);
    expect(file).toBeDefined();
    const documents = filedFor(c.number);
    expect(documents.map((d) => [d.CaseID, d.metadata.ows_KLENummer])).toEqual([
      [file!.CaseID, '81.03.00-G01'],
    ]);
    expect(await hrQueue()).not.toContain(c.id);
  });

  it('orders for a future hire by CPR number, and files her clean certificate in a personnel file made for her', async () => {
    const cpr = '000190-0311';
    const c = await ordered(forFutureHire(cpr, 'Hansen'));
    expect(await caseRow(c.id)).toMatchObject({ subjectPersonId: null, teamId: 'okf-ks-hr' });
    // The same person ordered again while the order is open is likely the same matter.
    const again = await order(forFutureHire(cpr, 'Hansen'), false);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('duplicate_case');
    const item = await fetchOrder(c.number);
    expect(item.payload.answers).toEqual({ kind: 'child', who: 'futureHire' });
    expect(item.payload.person).toEqual({ firstName: 'Kommende', lastName: 'Hansen', cpr });
    expect(personnelFile(cpr)).toEqual([]);
    const done = await robot(`/work-items/${item.id}/complete`, { output: { result: 'clean' } });
    expect(done.statusCode, done.body).toBe(200);
    await t.runJobs();
    expect(await caseRow(c.id)).toMatchObject({ status: 'resolved', outcomeId: 'clean-filed' });
    const [file] = personnelFile(cpr);
    expect(file?.metadata.ows_Title).toContain('Kommende Hansen');
    expect(filedFor(c.number).map((d) => d.CaseID)).toEqual([file!.CaseID]);
    // What the filing step keeps names where the number is, never the number itself.
    const { rows } = await db().execute<{ data: unknown }>(sql`
      SELECT data FROM case_steps WHERE case_id = ${c.id} AND step_id = 'arkiv'`);
    expect(JSON.stringify(rows[0]!.data)).not.toContain(cpr.replace('-', ''));
    expect(JSON.stringify(rows[0]!.data)).not.toContain(cpr);
  });

  it('refuses a future hire in a unit out of the leader’s reach, and an order naming neither person nor unit', async () => {
    const outside = await order({
      ...forFutureHire('000190-0322', 'Udenfor'),
      hire: {
        unit: 'ek',
        cpr: '000190-0322',
        firstName: 'Kommende',
        lastName: 'Udenfor',
      },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('unit_out_of_reach');
    const nobody = await order({ order: { who: 'futureHire', kind: 'child', reason: 'x' } });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.code).toBe('answers_invalid');
  });

  it('leaves a certificate with remarks in the HR-law queue with nothing filed', async () => {
    const c = await ordered(forEmployee('child'));
    const item = await fetchOrder(c.number);
    const done = await robot(`/work-items/${item.id}/complete`, { output: { result: 'remarks' } });
    expect(done.statusCode, done.body).toBe(200);
    await t.runJobs();
    expect(await caseRow(c.id)).toMatchObject({ status: 'submitted', teamId: 'okf-ks-hr', outcomeId: null });
    expect((await steps(c.id)).map((s) => [s.stepId, s.status])).toEqual([
      ['bestilling', 'done'],
      ['vurdering', 'done'],
      ['hrjura', 'active'],
    ]);
    const { rows } = await db().execute<{ rules: Array<{ ruleId: string }> }>(sql`
      SELECT rules FROM case_decisions WHERE case_id = ${c.id} AND table_id = 'attestresultat'`);
    expect(rows.map((r) => r.rules.map((rule) => rule.ruleId))).toEqual([['rule-remarks']]);
    expect(filedFor(c.number)).toEqual([]);
    expect(await hrQueue()).toContain(c.id);
  });

  it('sends an order the robot reports no certificate for (a business error) to a caseworker, who closes it', async () => {
    const c = await ordered(forEmployee('criminal'));
    const item = await fetchOrder(c.number);
    const reported = await robot(`/work-items/${item.id}/business-error`, {
      reason: 'Personen har ikke givet samtykke inden for fristen',
    });
    expect(reported.statusCode, reported.body).toBe(200);
    await t.runJobs();
    expect((await steps(c.id)).map((s) => [s.stepId, s.status, s.result])).toEqual([
      ['bestilling', 'done', 'business_error'],
      ['manuel', 'active', null],
    ]);
    expect(filedFor(c.number)).toEqual([]);
    expect(await hrQueue()).toContain(c.id);
    const view = (
      await t.as(hrCaseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${c.id}` })
    ).json() as { version: number };
    const resolved = await t.as(hrCaseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${c.id}/resolve`,
      payload: {
        outcomeId: 'no-consent',
        reply: 'Der kom ingen attest, fordi der ikke blev givet samtykke.',
        expectedVersion: view.version,
      },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(await caseRow(c.id)).toMatchObject({ status: 'resolved', outcomeId: 'no-consent' });
  });
});
