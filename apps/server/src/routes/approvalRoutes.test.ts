import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { addDays, todayInDenmark } from '@indgang/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();

/**
 * The people's side of the process engine: a leader's approvals (scoped to her, her deputy in
 * force; others 404), four eyes refused to the one who did the work, the watch list keeping a
 * person from automation, the timeline naming steps, and the automation figures.
 */
describe.each(targets)('approvals, four eyes, watch list and automation figures on $name', (target) => {
  let t: TestApp;
  let employee: TestClient;
  let leader: TestClient;
  let deputy: TestClient;
  let otherLeader: TestClient;
  let auditor: TestClient;
  let caseworker: TestClient;
  let secondCaseworker: TestClient;
  let processOwner: TestClient;
  let teacherPersonId: string;

  const db = () => t.database.db;
  const claim = async (km = '12,5', trips = 1) => {
    const created = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'koerselsgodtgoerelse',
        answers: {
          trips: Array.from({ length: trips }, () => ({
            date: todayInDenmark(),
            from: 'Skolen',
            to: 'Rådhuset',
            km,
            purpose: 'Møde',
          })),
        },
        confirmNotDuplicate: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await t.runJobs();
    return id;
  };
  const stepsOf = (client: TestClient, caseId: string) =>
    t.as(client, { method: 'GET', url: `/api/v1/cases/${caseId}/steps` });
  const decide = (client: TestClient, caseId: string, body: object, key?: string) =>
    t.as(client, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/approval`,
      payload: body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
  const status = async (caseId: string) =>
    (
      await db().execute<{ status: string; version: number }>(
        sql`SELECT status, version FROM cases WHERE id = ${caseId}`,
      )
    ).rows[0]!;

  beforeAll(async () => {
    t = await createTestApp(target);
    employee = await t.login('demo-medarbejder');
    leader = await t.login('demo-leder');
    deputy = await t.login('demo-stedfortraeder');
    otherLeader = await t.login('demo-leder-pleje');
    auditor = await t.login('demo-revisor');
    caseworker = await t.login('demo-sagsbehandler-loen');
    secondCaseworker = await t.login('demo-ankerperson');
    processOwner = await t.login('demo-procesejer');
    teacherPersonId = (
      await db().execute<{ personId: string }>(
        sql`SELECT person_id AS "personId" FROM users WHERE id = 'demo-medarbejder'`,
      )
    ).rows[0]!.personId;
  });
  afterAll(() => t.close());

  it('shows the leader her approval with a count and lets her approve once; others cannot see or decide it', async () => {
    const caseId = await claim();
    const counts = (await t.as(leader, { method: 'GET', url: '/api/v1/cases/counts' })).json();
    expect(counts.approvals).toBeGreaterThanOrEqual(1);
    const list = (await t.as(leader, { method: 'GET', url: '/api/v1/approvals' })).json();
    const mine = list.approvals.find((a: { caseId: string }) => a.caseId === caseId);
    expect(mine).toMatchObject({ stepName: { da: 'Lederens godkendelse' }, onBehalfOf: null });
    expect(mine.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const viewed = await stepsOf(leader, caseId);
    expect(viewed.statusCode, viewed.body).toBe(200);
    const view = viewed.json();
    expect(view.approval).toMatchObject({ kind: 'approval', stepId: 'leder' });

    // The submitter sees the step in plain words, but has nothing to decide.
    const own = (await stepsOf(employee, caseId)).json();
    expect(own.approval).toBeNull();
    expect(own.steps[0].kind).toBe('approval');
    const portal = (await t.as(employee, { method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    expect(portal.status).toBe('awaiting_approval');

    const { version } = await status(caseId);
    for (const other of [otherLeader, employee, auditor, caseworker]) {
      const res = await decide(other, caseId, { decision: 'approve', expectedVersion: version });
      expect([403, 404]).toContain(res.statusCode);
      expect(res.json().error.message.da).toBeTruthy();
      expect(res.json().error.message.en).toBeTruthy();
    }
    expect(
      (await decide(otherLeader, caseId, { decision: 'approve', expectedVersion: version })).statusCode,
    ).toBe(404);
    expect(
      (await decide(auditor, caseId, { decision: 'approve', expectedVersion: version })).statusCode,
    ).toBe(403);
    expect((await t.as(otherLeader, { method: 'GET', url: '/api/v1/approvals' })).json().approvals).toEqual(
      [],
    );

    // A stale version is refused in both languages; a rejection needs a reason.
    const stale = await decide(leader, caseId, { decision: 'approve', expectedVersion: version - 1 });
    expect(stale.statusCode).toBe(409);
    const noReason = await decide(leader, caseId, {
      decision: 'reject',
      comment: ' ',
      expectedVersion: version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('comment');

    const first = await decide(leader, caseId, { decision: 'approve', expectedVersion: version });
    expect(first.statusCode, first.body).toBe(200);
    // A retry (lost answer, no key) changes nothing.
    const again = await decide(leader, caseId, { decision: 'approve', expectedVersion: version });
    expect(again.statusCode, again.body).toBe(200);
    const events = await db().execute<{ type: string }>(
      sql`SELECT type FROM case_events WHERE case_id = ${caseId} AND type = 'approval'`,
    );
    expect(events.rows).toHaveLength(1);
    await t.runJobs();
    expect((await status(caseId)).status).toBe('resolved');
    const audit = await db().execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_id = ${caseId} AND action LIKE 'case.approval.%'`,
    );
    expect(audit.rows).toEqual([{ action: 'case.approval.approve' }]);

    // The timeline names each step, who did it and the rule version that decided.
    const timeline = (await t.as(employee, { method: 'GET', url: `/api/v1/cases/${caseId}` })).json()
      .timeline as Array<{
      type: string;
      data: { byText?: { da: string }; stepId?: string };
    }>;
    const byStep = Object.fromEntries(
      timeline.filter((e) => e.type === 'step').map((e) => [e.data.stepId, e.data.byText?.da]),
    );
    const leaderName = (
      await db().execute<{ name: string }>(
        sql`SELECT display_name AS name FROM users WHERE id = 'demo-leder'`,
      )
    ).rows[0]!.name;
    expect(byStep.leder).toBe(leaderName);
    expect(byStep.takst).toMatch(/^Automatisk \(regel kilometertakst, revision 1, version 20\d\d\)$/);
  });

  it('lets the deputy with a delegation in force decide for her leader, and rejects with the reason', async () => {
    const caseId = await claim();
    const list = (await t.as(deputy, { method: 'GET', url: '/api/v1/approvals' })).json();
    const item = list.approvals.find((a: { caseId: string }) => a.caseId === caseId);
    expect(item.onBehalfOf).toBeTruthy();
    const { version } = await status(caseId);
    const res = await decide(
      deputy,
      caseId,
      { decision: 'reject', comment: 'Turen er ikke tjenstlig.', expectedVersion: version },
      'reject-1',
    );
    expect(res.statusCode, res.body).toBe(200);
    const replay = await decide(
      deputy,
      caseId,
      { decision: 'reject', comment: 'Turen er ikke tjenstlig.', expectedVersion: version },
      'reject-1',
    );
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const step = await db().execute<{ result: string; completedBy: string }>(sql`
      SELECT result, completed_by_user_id AS "completedBy" FROM case_steps WHERE case_id = ${caseId} AND kind = 'approval'`);
    expect(step.rows).toEqual([{ result: 'rejected', completedBy: 'demo-stedfortraeder' }]);
    // Once the delegation is revoked, the deputy no longer sees approvals.
    await db().execute(sql`UPDATE delegations SET revoked_at = now() WHERE id = 'demo-delegation-1'`);
    const next = await claim();
    expect(
      (await t.as(deputy, { method: 'GET', url: '/api/v1/approvals' }))
        .json()
        .approvals.some((a: { caseId: string }) => a.caseId === next),
    ).toBe(false);
    expect(
      (await decide(deputy, next, { decision: 'approve', expectedVersion: (await status(next)).version }))
        .statusCode,
    ).toBe(404);
    await db().execute(sql`UPDATE delegations SET revoked_at = NULL WHERE id = 'demo-delegation-1'`);
  });

  it('returns a claim to the submitter with the message', async () => {
    const caseId = await claim();
    const { version } = await status(caseId);
    const missing = await decide(leader, caseId, { decision: 'return', expectedVersion: version });
    expect(missing.statusCode).toBe(400);
    const res = await decide(leader, caseId, {
      decision: 'return',
      comment: 'Angiv formålet med turen.',
      expectedVersion: version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('awaiting_submitter');
  });

  it('refuses four eyes to the caseworker who registered, offers it to another and tells the first why not', async () => {
    const created = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'loen-aendring',
        answers: {
          change: {
            person: teacherPersonId,
            kind: 'hours',
            effectiveDate: addDays(todayInDenmark(), 20),
            newHours: '30',
          },
        },
        confirmNotDuplicate: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id as string;
    await t.runJobs();
    const view = (
      await t.as(caseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` })
    ).json();
    const resolved = await t.as(caseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/resolve`,
      payload: { outcomeId: 'registered-four-eyes', reply: 'Registreret.', expectedVersion: view.version },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const mine = (
      await t.as(caseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}/steps` })
    ).json();
    expect(mine.fourEyes).toMatchObject({ mayDecide: false, maker: expect.any(String) });
    expect(mine.fourEyes.whyNot.da).toMatch(/fire øjne/);
    const same = await t.as(caseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/four-eyes`,
      payload: { decision: 'approve', expectedVersion: mine.version },
    });
    expect(same.statusCode).toBe(403);
    expect(same.json().error.code).toBe('four_eyes_same_person');
    expect(same.json().error.message.en).toMatch(/four eyes/);
    const theirs = (
      await t.as(secondCaseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}/steps` })
    ).json();
    expect(theirs.fourEyes.mayDecide).toBe(true);
    const auditorTry = await t.as(auditor, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/four-eyes`,
      payload: { decision: 'approve', expectedVersion: theirs.version },
    });
    expect(auditorTry.statusCode).toBe(403);
    const ok = await t.as(secondCaseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/four-eyes`,
      payload: { decision: 'approve', expectedVersion: theirs.version },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    await t.runJobs();
    expect((await status(caseId)).status).toBe('resolved');
  });

  it('keeps a watch-listed person from automation with the reason, shows it on the case and counts it', async () => {
    const add = await t.as(caseworker, {
      method: 'POST',
      url: '/api/v1/backoffice/watch-list',
      payload: {
        target: 'person',
        id: teacherPersonId,
        reason: 'Verserende lønsag',
        until: addDays(todayInDenmark(), 30),
      },
    });
    expect(add.statusCode, add.body).toBe(201);
    const mark = add.json();
    expect(mark).toMatchObject({ target: 'person', inForce: true, reason: 'Verserende lønsag' });
    expect((await t.as(employee, { method: 'GET', url: '/api/v1/backoffice/watch-list' })).statusCode).toBe(
      403,
    );
    expect(
      (
        await t.as(auditor, {
          method: 'POST',
          url: '/api/v1/backoffice/watch-list',
          payload: { target: 'person', id: teacherPersonId, reason: 'x', until: null },
        })
      ).statusCode,
    ).toBe(403);
    const past = await t.as(caseworker, {
      method: 'POST',
      url: '/api/v1/backoffice/watch-list',
      payload: { target: 'person', id: teacherPersonId, reason: 'x', until: '2020-01-01' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message.da).toMatch(/Slutdatoen/);

    const caseId = await claim();
    const { version } = await status(caseId);
    expect((await decide(leader, caseId, { decision: 'approve', expectedVersion: version })).statusCode).toBe(
      200,
    );
    await t.runJobs();
    const row = (
      await db().execute<{ automation: string; reason: string; status: string }>(
        sql`SELECT automation, automation_reason AS reason, status FROM cases WHERE id = ${caseId}`,
      )
    ).rows[0]!;
    expect(row.automation).toBe('excluded');
    expect(row.reason).toMatch(/^Obsliste: .*Verserende lønsag/);
    const steps = (
      await t.as(caseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}/steps` })
    ).json();
    expect(steps.watchMarks.map((m: { id: string }) => m.id)).toContain(mark.id);
    expect(steps.automation).toMatchObject({ how: 'excluded' });
    const list = (
      await t.as(caseworker, {
        method: 'GET',
        url: `/api/v1/backoffice/watch-list?personId=${teacherPersonId}`,
      })
    ).json();
    expect(list.counts.persons).toBeGreaterThanOrEqual(1);
    expect(list.counts.excluded).toBeGreaterThanOrEqual(1);

    const end = await t.as(caseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/watch-list/${mark.id}/end`,
    });
    expect(end.json()).toMatchObject({ inForce: false });
    const endAgain = await t.as(caseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/watch-list/${mark.id}/end`,
    });
    expect(endAgain.json().endedAt).toBe(end.json().endedAt);
  });

  it('excludes a claim by the exclusion criteria table, recorded with the rule that fired', async () => {
    const caseId = await claim('800', 3);
    const { version } = await status(caseId);
    expect((await decide(leader, caseId, { decision: 'approve', expectedVersion: version })).statusCode).toBe(
      200,
    );
    await t.runJobs();
    const row = (
      await db().execute<{ automation: string; reason: string }>(
        sql`SELECT automation, automation_reason AS reason FROM cases WHERE id = ${caseId}`,
      )
    ).rows[0]!;
    expect(row).toEqual({
      automation: 'excluded',
      reason: 'Undtagelseskriterie: Indberetningen er på mere end 2.000 km.',
    });
    const steps = (
      await t.as(caseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}/steps` })
    ).json();
    const exclusion = steps.decisions.find(
      (d: { tableId: string }) => d.tableId === 'automatisering-undtagelser',
    );
    expect(exclusion.rules[0].ruleId).toBe('rule-many-km');
  });

  it('offers an approval whose approver is a role to everyone holding the role for the unit, and to no leader', async () => {
    // The mileage claim's approval by a role instead of the leader, as the stored definition and the
    // engine's step would have it (a role names no single person: the step has no assignee).
    const caseId = await claim('9');
    await db().execute(sql`
      UPDATE services SET definition = jsonb_set(definition, '{process,steps,0,approver}', '{"role":"team_lead"}'::jsonb)
      WHERE id = 'koerselsgodtgoerelse' AND version = (SELECT service_version FROM cases WHERE id = ${caseId})`);
    await db().execute(
      sql`UPDATE case_steps SET assignee_user_id = NULL WHERE case_id = ${caseId} AND kind = 'approval'`,
    );
    try {
      const teamLead = await t.login('demo-teamleder');
      const step = await db().execute<{ assignee: string | null }>(sql`
        SELECT assignee_user_id AS assignee FROM case_steps WHERE case_id = ${caseId} AND kind = 'approval'`);
      expect(step.rows).toEqual([{ assignee: null }]);
      const theirs = (await t.as(teamLead, { method: 'GET', url: '/api/v1/approvals' })).json();
      expect(theirs.approvals.map((a: { caseId: string }) => a.caseId)).toContain(caseId);
      const leaders = (await t.as(leader, { method: 'GET', url: '/api/v1/approvals' })).json();
      expect(leaders.approvals.map((a: { caseId: string }) => a.caseId)).not.toContain(caseId);
      const { version } = await status(caseId);
      expect(
        (await decide(leader, caseId, { decision: 'approve', expectedVersion: version })).statusCode,
      ).toBe(404);
      const ok = await decide(teamLead, caseId, { decision: 'approve', expectedVersion: version });
      expect(ok.statusCode, ok.body).toBe(200);
    } finally {
      await db().execute(sql`
        UPDATE services SET definition = jsonb_set(definition, '{process,steps,0,approver}', '"unit_leader"'::jsonb)
        WHERE id = 'koerselsgodtgoerelse' AND version = (SELECT service_version FROM cases WHERE id = ${caseId})`);
    }
  });

  it('measures automation per service and step for the process owner, and not for an employee', async () => {
    expect((await t.as(employee, { method: 'GET', url: '/api/v1/automation/metrics' })).statusCode).toBe(403);
    const res = await t.as(processOwner, { method: 'GET', url: '/api/v1/automation/metrics' });
    expect(res.statusCode, res.body).toBe(200);
    const mileage = res
      .json()
      .services.find((s: { serviceId: string }) => s.serviceId === 'koerselsgodtgoerelse');
    expect(mileage.full).toBeGreaterThanOrEqual(1);
    expect(mileage.excluded).toBeGreaterThanOrEqual(2);
    expect(mileage.minutesSaved).toBeGreaterThan(0);
    // Reasons are shown only when the service rests on five cases or more (they could point at a person).
    if (mileage.cases >= 5)
      expect(mileage.excludedWhy.map((r: { reason: string }) => r.reason)).toContain('Obsliste');
    else expect(mileage.excludedWhy).toEqual([]);
    const takst = mileage.steps.find((s: { stepId: string }) => s.stepId === 'takst');
    expect(takst.bySystem).toBeGreaterThanOrEqual(1);
  });
});
