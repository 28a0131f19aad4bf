import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { testDatabaseTargets } from '@indgang/db';
import { completeStep, WorkCalendar, type CalendarConfig } from '@indgang/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';
import { newHireAnswers, type NewHireOverrides } from '../testing/newHireAnswers';
import type { AdUser } from '../connectors/identity/identityWire';
import type { SimEmployment } from '../simulators/payroll/sdEmployment';
import type { GoDocument } from '../simulators/esdh/getOrganizedSimulator';
import { SIMULATED_RECIPIENTS, type SimulatedMessage } from '../simulators/digitalPost/sf1601Simulator';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const calendar = new WorkCalendar(
  JSON.parse(
    readFileSync(new URL('../../../../catalog/calendar.json', import.meta.url), 'utf8'),
  ) as CalendarConfig,
);
const digits = (cpr: string) => cpr.replace('-', '');

/**
 * The shipped new-hire service end to end on the simulated systems: the terms decided, the
 * employment created in payroll, the hire registered in Indgang, the IT account and roles from
 * the first day, the letter of employment by Digital Post listing the terms, everything filed in
 * the personnel file; and what goes to a person (terms HR checks, a refusal, a child certificate
 * ordered by a robot).
 */
describe.each(targets)('a new hire on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;
  let caseworker: TestClient;
  const db = () => t.database.db;
  const store = (system: string) => t.simulators.stores.get(system)!;
  const employmentsOf = (cpr: string) =>
    store('payroll')
      .list<SimEmployment>('employments')
      .filter((e) => e.cpr === digits(cpr));
  const accountsOf = (cpr: string) =>
    ((store('identity').snapshot().users ?? []) as AdUser[]).filter(
      (u) => u.extensionAttribute1 === digits(cpr),
    );
  const lettersTo = (cpr: string) =>
    store('digitalPost')
      .list<SimulatedMessage>('messages')
      .filter((m) => m.recipient === digits(cpr));
  const filedFor = (caseNumber: string) =>
    store('esdh').find<GoDocument>('documents', (d) => d.metadata.ows_Indgangssag === caseNumber);
  const caseRow = async (caseId: string) =>
    (
      await db().execute<{
        number: string;
        status: string;
        outcomeId: string | null;
        automation: string | null;
        reason: string | null;
        subject: string | null;
        teamId: string;
      }>(sql`
        SELECT number, status, outcome_id AS "outcomeId", automation, automation_reason AS reason,
               subject_person_id AS subject, team_id AS "teamId"
        FROM cases WHERE id = ${caseId}`)
    ).rows[0]!;
  const steps = async (caseId: string) =>
    (
      await db().execute<{ id: string; stepId: string; status: string; data: Record<string, unknown> }>(sql`
        SELECT id, step_id AS "stepId", status, data FROM case_steps WHERE case_id = ${caseId} ORDER BY id`)
    ).rows;
  const retryNow = (caseId: string) =>
    db().execute(sql`UPDATE jobs SET run_at = now() WHERE case_id = ${caseId} AND done_at IS NULL`);
  const upload = async () =>
    (
      await t.as(leader, {
        method: 'POST',
        url: '/api/v1/attachments?fileName=eksamensbevis.pdf',
        headers: { 'content-type': 'application/pdf' },
        payload: PDF,
      })
    ).json().id as string;
  const hire = async (overrides: NewHireOverrides) => {
    overrides.documents ??= { education: [await upload()] };
    const created = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { serviceId: 'ansaettelse', answers: newHireAnswers(overrides), confirmNotDuplicate: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    leader = await t.login('demo-leder');
    caseworker = await t.login('demo-sagsbehandler-hr');
  }, 120_000);
  afterAll(() => t.close());
  beforeEach(() => t.simulators.faults.clear());

  it('sets up a routine hire without a person: payroll, Indgang, IT account and roles, letter, personnel file', async () => {
    const cpr = '000191-2001';
    const caseId = await hire({
      person: { cpr, firstName: 'Nora', lastName: 'Nyansat' },
      supplements: [{ kind: 'function', amount: '6000', pensionable: true, basis: 'Lokalaftale 2025' }],
      itRoles: [{ role: '121' }, { role: '142' }],
      documents: { education: [await upload()] },
    });
    await t.runJobs();
    const kase = await caseRow(caseId);
    expect(kase, `${kase.reason} ${JSON.stringify(await steps(caseId))}`).toMatchObject({
      status: 'resolved',
      outcomeId: 'created',
      automation: 'full',
    });
    expect(new Set((await steps(caseId)).map((s) => `${s.stepId}:${s.status}`))).toEqual(
      new Set(
        ['fordel', 'vilkaar', 'loen', 'it', 'brev', 'attestvurdering', 'samling', 'journal', 'oprettet'].map(
          (s) => `${s}:done`,
        ),
      ),
    );

    // Payroll: one employment with the supplement as its wage type.
    const [employment, ...more] = employmentsOf(cpr);
    expect(more).toEqual([]);
    expect(employment!.versions[0]!.terms).toMatchObject({
      agreement: '04011',
      grade: '31',
      position: 'Lærer',
    });
    expect(employment!.versions[0]!.terms.supplements).toEqual([
      expect.objectContaining({ code: '2110', amount: '6000.00', pensionable: true }),
    ]);

    // Indgang: the case is about the new person, employed in the unit from her first day.
    const { rows: registered } = await db().execute<{
      firstName: string;
      employeeNumber: string;
      unitId: string;
      startDate: string;
      hours: number;
    }>(sql`
      SELECT p.first_name AS "firstName", p.employee_number AS "employeeNumber", e.unit_id AS "unitId",
             e.start_date::text AS "startDate", e.weekly_hours_centi AS hours
      FROM persons p JOIN employments e ON e.person_id = p.id WHERE p.id = ${kase.subject}`);
    expect(registered).toEqual([
      {
        firstName: 'Nora',
        employeeNumber: employment!.employmentId,
        unitId: 'buf-001',
        startDate: employment!.employmentDate,
        hours: 3700,
      },
    ]);

    // Identity management: one account from the first day, with the chosen roles.
    const [account, ...others] = accountsOf(cpr);
    expect(others).toEqual([]);
    const school = await t.connectors.identity.listRoleAssignments(
      { unitId: 'buf-001' },
      { key: 'read', signal: new AbortController().signal },
    );
    expect(
      school.users.find((u) => u.userId === account!.sAMAccountName)!.roles.map((r) => [r.roleName, r.from]),
    ).toEqual([
      ['Aula - Medarbejder', employment!.employmentDate],
      ['Microsoft 365 - F3-licens', employment!.employmentDate],
    ]);

    // Digital Post: one letter of employment, listing the terms, never the CPR number.
    expect(lettersTo(cpr).map((m) => m.label)).toEqual(['Ansættelsesbrev']);
    const letter = (await steps(caseId)).find((s) => s.stepId === 'brev')!.data.prepared as {
      payload: { letter: { terms: Array<{ title: string; lines: Array<[string, string]> }> } };
    };
    const terms = letter.payload.letter.terms;
    expect(terms.map((g) => g.title)).toEqual(['Stillingen', 'Løn og vilkår', 'Tillæg']);
    expect(terms[0]!.lines).toContainEqual(['Stillingsbetegnelse', 'Lærer']);
    expect(terms[1]!.lines).toContainEqual(['Prøvetid', '3 måneder']);
    expect(terms[2]!.lines).toContainEqual(['Slags tillæg', 'Funktionstillæg']);
    expect(JSON.stringify(terms)).not.toContain('2001');

    // ESDH: the case record, the diploma and the letter as sent, in one personnel file.
    const filed = filedFor(kase.number);
    expect(filed.map((d) => d.metadata.ows_Dokumentart).sort()).toEqual(['Bilag', 'Brev', 'Kvittering']);
    expect(new Set(filed.map((d) => d.CaseID)).size).toBe(1);
    const sentLetter = filed.find((d) => d.metadata.ows_Dokumentart === 'Brev')!;
    expect(sentLetter.FileName).toBe(`${kase.number} Ansættelsesbrev.pdf`);
  });

  it('lets HR check the terms of a management position first, then sets it up', async () => {
    const cpr = '000191-2002';
    const caseId = await hire({
      person: { cpr, firstName: 'Lea', lastName: 'Leder' },
      position: { position: 'Afdelingsleder', leaderPosition: true, agreement: 'skoleledere' },
    });
    await t.runJobs();
    const waiting = await caseRow(caseId);
    expect(waiting).toMatchObject({ status: 'submitted', teamId: 'okf-ks-hr' });
    expect(
      (await steps(caseId))
        .filter((s) => s.status === 'active' && s.stepId !== 'samling')
        .map((s) => s.stepId),
    ).toEqual(['oprettelse']);
    const { rows: decided } = await db().execute<{ outputs: Array<Record<string, unknown>> }>(sql`
      SELECT outputs FROM case_decisions WHERE case_id = ${caseId} AND table_id = 'ansaettelsesvilkaar'`);
    expect(decided[0]!.outputs[0]).toMatchObject({
      termsCheck: true,
      reason: expect.stringMatching(/^Lederstilling/),
    });
    expect(employmentsOf(cpr)).toEqual([]); // nothing reaches payroll before HR has checked

    // HR finishes its check with the outcome the case will have; the setup then runs by itself.
    const view = (
      await t.as(caseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` })
    ).json();
    const done = await t.as(caseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/resolve`,
      payload: { outcomeId: 'created', reply: 'Vilkårene er kontrolleret.', expectedVersion: view.version },
    });
    expect(done.statusCode, done.body).toBe(200);
    await t.runJobs();
    expect(await caseRow(caseId)).toMatchObject({
      status: 'resolved',
      outcomeId: 'created',
      automation: 'partial',
    });
    expect(employmentsOf(cpr)).toHaveLength(1);
    expect(accountsOf(cpr)).toHaveLength(1);
  });

  it("hands the hire to a person in payroll's own words when payroll refuses it, and creates nothing after", async () => {
    const cpr = '000191-2003';
    // Pay step 5 is below the teachers' pay scale: payroll refuses it.
    const caseId = await hire({
      person: { cpr, firstName: 'Rie', lastName: 'Refuseret' },
      pay: { payGrade: '5' },
    });
    await t.runJobs();
    const kase = await caseRow(caseId);
    expect(kase).toMatchObject({ status: 'submitted', automation: 'failed', subject: null });
    expect(kase.reason).toMatch(/^Løn afviste: Løntrin 5 findes ikke/);
    expect(accountsOf(cpr)).toEqual([]);
    expect(lettersTo(cpr)).toEqual([]);
  });

  it('files once when ESDH times out and then answers, and tells an exempt recipient by a printed letter', async () => {
    const cpr = `${SIMULATED_RECIPIENTS.exempt.slice(0, 6)}-${SIMULATED_RECIPIENTS.exempt.slice(6)}`;
    t.simulators.faults.plan({ system: 'esdh', fault: 'timeout', times: 1 });
    const caseId = await hire({ person: { cpr, firstName: 'Frida', lastName: 'Fritaget' } });
    await t.runJobs();
    expect((await caseRow(caseId)).status).toBe('automated'); // the filing waits for its retry
    await retryNow(caseId);
    await t.runJobs();
    const kase = await caseRow(caseId);
    expect(kase).toMatchObject({ status: 'resolved', outcomeId: 'created' });
    const filed = filedFor(kase.number);
    expect(filed.length).toBeGreaterThan(0);
    expect(new Set(filed.map((d) => d.FileName)).size).toBe(filed.length); // nothing twice
    expect(lettersTo(cpr)).toEqual([expect.objectContaining({ label: 'Ansættelsesbrev' })]);
  });

  it('orders the child certificate from a robot beside the setup, and ends when both are done', async () => {
    const cpr = '000191-2005';
    const caseId = await hire({
      person: { cpr, firstName: 'Bo', lastName: 'Børnehave' },
      certificates: { worksWithChildren: 'yes', youngestChildAge: '4' },
    });
    await t.runJobs();
    const active = (await steps(caseId)).filter((s) => s.status === 'active').map((s) => s.stepId);
    expect(active).toEqual(['attestbestilling', 'samling']); // the join waits for the certificate
    expect(employmentsOf(cpr)).toHaveLength(1); // the setup ran; the case waits for the certificate
    expect(lettersTo(cpr)).toHaveLength(1);
    expect((await caseRow(caseId)).status).not.toBe('resolved');
    const { rows: items } = await db().execute<{
      topic: string;
      payload: { answers: Record<string, unknown> };
    }>(sql`SELECT topic, payload FROM work_items WHERE case_id = ${caseId}`);
    expect(items).toEqual([expect.objectContaining({ topic: 'boerneattest.bestil' })]);
    // Only what ordering the certificate needs: not the pay, the hours or the files.
    expect(Object.keys(items[0]!.payload.answers).sort()).toEqual(
      ['cpr', 'firstName', 'lastName', 'position', 'startDate', 'unit'].sort(),
    );
    const robot = await t.as(caseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` });
    expect(robot.statusCode).toBe(200);
    const { rows: stepRow } = await db().execute<{ id: string }>(sql`
      SELECT id FROM case_steps WHERE case_id = ${caseId} AND step_id = 'attestbestilling' AND status = 'active'`);
    await db().transaction((tx) =>
      completeStep(
        tx,
        { calendar },
        { caseStepId: Number(stepRow[0]!.id), result: 'done', by: { system: 'robot:test' } },
      ),
    );
    await t.runJobs();
    expect(await caseRow(caseId)).toMatchObject({
      status: 'resolved',
      outcomeId: 'created',
      automation: 'full',
    });
    expect(filedFor((await caseRow(caseId)).number).length).toBeGreaterThan(0);
  });
});
