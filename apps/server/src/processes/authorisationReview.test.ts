import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import type { ConnectorCall } from '@indgang/domain';
import {
  roleReviewLines,
  type TIdentityRoleAssignmentsAnswer,
  type TLookupState,
  type TRoleReviewLine,
} from '@indgang/schemas';
import type { SimAssignment } from '../simulators/identity/identityDirectory';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const call = (key: string): ConnectorCall => ({ key, signal: new AbortController().signal });

/**
 * The authorisation review (autorisationskontrol) through the API and the job runner, on the
 * simulated OS2rollekatalog: the leader reads her unit's roles through the lookup, keeps or
 * removes each line, and the process removes the marked roles and resolves the case, the review
 * kept on the case as evidence. What the browser sends is not trusted: a line that is not the
 * unit's is left alone, and a form with a line undecided is refused.
 */
describe.each(targets)('the authorisation review on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;

  const db = () => t.database.db;
  const held = async (unitId: string) => t.connectors.identity.listRoleAssignments({ unitId }, call('read'));
  const rolesOf = async (unitId: string, userId: string) =>
    (await held(unitId)).users.find((u) => u.userId === userId)?.roles.map((r) => r.roleId) ?? [];
  /** The unit's lines as the leader's form gets them: through the audited lookup. */
  const review = async (unitId: string) => {
    const asked = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/lookups',
      payload: { name: 'identity.roleAssignments', input: { unitId } },
    });
    expect(asked.statusCode, asked.body).toBe(202);
    await t.runJobs();
    const state = (
      await t.as(leader, { method: 'GET', url: `/api/v1/lookups/${asked.json<{ id: string }>().id}` })
    ).json<TLookupState>();
    expect(state.status).toBe('done');
    return roleReviewLines(state.result as TIdentityRoleAssignmentsAnswer);
  };
  const submit = (roles: unknown) =>
    t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'autorisationskontrol',
        answers: { review: { unit: 'buf-001', roles } },
        confirmNotDuplicate: true,
      },
    });
  const submitted = async (roles: TRoleReviewLine[]) => {
    const created = await submit(roles);
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string }>().id;
  };
  const caseState = async (caseId: string) =>
    (
      await db().execute<{
        status: string;
        outcomeId: string | null;
        automation: string | null;
        reason: string | null;
        teamId: string;
        steps: Array<{ stepId: string; data: Record<string, unknown> }>;
      }>(sql`
        SELECT c.status, c.outcome_id AS "outcomeId", c.automation, c.automation_reason AS reason, c.team_id AS "teamId",
          (SELECT json_agg(json_build_object('stepId', s.step_id, 'data', s.data) ORDER BY s.id)
           FROM case_steps s WHERE s.case_id = c.id) AS steps
        FROM cases c WHERE c.id = ${caseId}`)
    ).rows[0]!;
  const decide = (lines: TRoleReviewLine[], remove: (line: TRoleReviewLine) => boolean) =>
    lines.map((line) => ({ ...line, decision: remove(line) ? ('remove' as const) : ('keep' as const) }));

  beforeAll(async () => {
    t = await createTestApp(target);
    leader = await t.login('demo-leder');
  }, 120_000);
  afterAll(() => t.close());

  it('removes the role the leader marked, leaves the rest, and resolves the case with the review as its evidence', async () => {
    const lines = await review('buf-001');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((l) => l.decision === null)).toBe(true);
    const target = lines.find((l) => l.roleName === 'Aula - Medarbejder')!;
    const before = await rolesOf('buf-001', target.userId);
    expect(before).toContain(target.roleId);

    const caseId = await submitted(decide(lines, (l) => l === target));
    await t.runJobs();
    const state = await caseState(caseId);
    expect(state).toMatchObject({ status: 'resolved', outcomeId: 'removed', automation: 'full' });
    expect(state.steps.map((s) => s.stepId)).toEqual(['fjern', 'fjernet']);
    expect(state.steps[0]!.data).toMatchObject({
      sent: true,
      identity: { unitId: 'buf-001', removed: [`${target.userId}/${target.roleId}`], notHeld: [] },
    });
    expect(await rolesOf('buf-001', target.userId)).toEqual(before.filter((r) => r !== target.roleId));

    // The leader's confirmation is on the case, line by line: what she reviewed and what she decided.
    const record = await t.as(leader, { method: 'GET', url: `/api/v1/cases/${caseId}` });
    expect(record.statusCode).toBe(200);
    const answered = record.json<{ answers: { review: { roles: TRoleReviewLine[] } } }>().answers.review
      .roles;
    expect(answered).toHaveLength(lines.length);
    expect(answered.filter((l) => l.decision === 'remove')).toEqual([{ ...target, decision: 'remove' }]);
  });

  it('confirms a review that keeps every role without changing identity management', async () => {
    const lines = await review('buf-001');
    const before = await held('buf-001');
    const caseId = await submitted(decide(lines, () => false));
    await t.runJobs();
    expect(await caseState(caseId)).toMatchObject({
      status: 'resolved',
      outcomeId: 'confirmed',
      automation: 'full',
    });
    expect(await held('buf-001')).toEqual(before);
  });

  it('refuses a review with a line undecided, and leaves alone a line the browser made up for someone outside the unit', async () => {
    const lines = await review('buf-001');
    const undecided = await submit(lines.map((l, i) => ({ ...l, decision: i === 0 ? null : 'keep' })));
    expect(undecided.statusCode).toBe(400);
    expect(
      undecided.json<{ error: { fields: Array<{ path: string; message: { en: string } }> } }>().error.fields,
    ).toEqual([
      expect.objectContaining({
        path: 'review.roles',
        message: expect.objectContaining({ en: 'Choose Keep or Remove for the last role.' }),
      }),
    ]);

    // Someone in another administration's unit, dressed up as a line of the school's review.
    const outsider = (await held('suf-001')).users.find((u) => u.roles.length > 0)!;
    const forged: TRoleReviewLine = {
      userId: outsider.userId,
      name: outsider.name,
      roleId: outsider.roles[0]!.roleId,
      roleName: outsider.roles[0]!.roleName,
      system: outsider.roles[0]!.system,
      from: outsider.roles[0]!.from,
      to: outsider.roles[0]!.to,
      assignedThrough: 'direct',
      decision: 'remove',
    };
    const caseId = await submitted([...decide(lines, () => false), forged]);
    await t.runJobs();
    const state = await caseState(caseId);
    expect(state.status).toBe('resolved');
    expect(state.steps[0]!.data).toMatchObject({
      identity: { removed: [], notHeld: [`${forged.userId}/${forged.roleId}`] },
    });
    expect(await rolesOf('suf-001', outsider.userId)).toEqual(outsider.roles.map((r) => r.roleId));
  });

  it('hands the case to a caseworker in plain words when a marked role is given through the unit, after removing the rest', async () => {
    const store = t.simulators.stores.get('identity')!;
    const lines = await review('buf-001');
    const person = lines.find((l) => lines.filter((m) => m.userId === l.userId).length >= 2)!;
    const own = lines.filter((l) => l.userId === person.userId);
    // The role catalogue gives her the first of her roles through the school instead of directly.
    const assignments = own.map((l, i): SimAssignment => ({
      userRoleId: Number(l.roleId),
      startDate: l.from,
      stopDate: l.to,
      ...(i === 0 ? { assignedThrough: 'ORG_UNIT' as const } : {}),
    }));
    store.put('assignments', person.userId, assignments);
    const [inherited, direct] = (await review('buf-001')).filter((l) => l.userId === person.userId);
    expect(inherited!.assignedThrough).toBe('unit');

    const caseId = await submitted(
      decide(
        await review('buf-001'),
        (l) => l.userId === person.userId && (l.roleId === inherited!.roleId || l.roleId === direct!.roleId),
      ),
    );
    await t.runJobs();
    const state = await caseState(caseId);
    expect(state).toMatchObject({ status: 'submitted', automation: 'failed', teamId: 'okf-ks-hr' });
    expect(state.reason).toBe(
      `Identitetsstyringen kan ikke fjerne roller, der er tildelt via enhed, stilling eller rollebuket, fra én bruger: ${person.name} (${person.userId}): ${inherited!.roleName} (${inherited!.system}). Ret tildelingen i OS2rollekatalog. 1 andre roller er fjernet.`,
    );
    expect(await rolesOf('buf-001', person.userId)).toEqual(
      own.map((l) => l.roleId).filter((r) => r !== direct!.roleId),
    );
  });
});
