import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { addDays, automatedAction, todayInDenmark, type ConnectorCall } from '@indgang/domain';
import type { TIdentityRoleAssignmentsAnswer, TLookupState } from '@indgang/schemas';
import type { AdUser } from './identityWire';
import { newHireAnswers } from '../../testing/newHireAnswers';
import { createTestApp, type TestApp, type TestClient } from '../../testing/createTestApp';

const targets = await testDatabaseTargets();
const call = (key: string): ConnectorCall => ({ key, signal: new AbortController().signal });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(targets)(
  'identity management (OS2rollekatalog and AD) against its simulator on $name',
  (target) => {
    let t: TestApp;
    let leader: TestClient;
    let employee: TestClient;
    let teacher: { personId: string; cpr: string; name: string };

    const db = () => t.database.db;
    const adUsers = () => (t.simulators.stores.get('identity')!.snapshot().users ?? []) as AdUser[];
    const accountsOf = (cpr: string) =>
      adUsers().filter((u) => u.extensionAttribute1 === cpr.replace('-', ''));
    const unit = (unitId: string) => t.connectors.identity.listRoleAssignments({ unitId }, call('read'));

    /** A copy of a shipped service whose process is the given steps, so the identity actions run alone. */
    const serviceWith = async (from: string, id: string, steps: unknown[]) => {
      const { rows } = await db().execute<{ definition: Record<string, unknown> }>(
        sql`SELECT definition FROM services WHERE id = ${from} ORDER BY version DESC LIMIT 1`,
      );
      const definition = { ...rows[0]!.definition, id, version: 1, process: { start: 'it', steps } };
      await db().execute(
        sql`INSERT INTO services (id, version, definition) VALUES (${id}, 1, ${JSON.stringify(definition)}::jsonb)`,
      );
    };
    const submit = async (serviceId: string, answers: object) => {
      const created = await t.as(leader, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: { serviceId, answers, confirmNotDuplicate: true },
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json<{ id: string }>().id;
    };
    const upload = async () =>
      (
        await t.as(leader, {
          method: 'POST',
          url: '/api/v1/attachments?fileName=bevis.pdf',
          headers: { 'content-type': 'application/pdf' },
          payload: PDF,
        })
      ).json<{ id: string }>().id;
    const hire = async (person: { firstName: string; lastName: string; cpr: string }) =>
      submit(
        'ansaettelse-it',
        newHireAnswers({
          person,
          position: {
            position: 'Pædagog',
            agreement: 'paedagoger',
            startDate: addDays(todayInDenmark(), 30),
          },
          documents: { education: [await upload()] },
        }),
      );
    const caseState = async (caseId: string) =>
      (
        await db().execute<{
          status: string;
          automation: string | null;
          reason: string | null;
          data: unknown;
        }>(sql`
        SELECT c.status, c.automation, c.automation_reason AS reason,
          (SELECT s.data FROM case_steps s WHERE s.case_id = c.id AND s.step_id = 'it') AS data
        FROM cases c WHERE c.id = ${caseId}`)
      ).rows[0]!;

    beforeAll(async () => {
      t = await createTestApp(target);
      leader = await t.login('demo-leder');
      employee = await t.login('demo-medarbejder');
      teacher = (
        await db().execute<{ personId: string; cpr: string; name: string }>(sql`
        SELECT p.id AS "personId", p.cpr, p.first_name || ' ' || p.last_name AS name
        FROM users u JOIN persons p ON p.id = u.person_id WHERE u.id = 'demo-medarbejder'`)
      ).rows[0]!;
      const named = (id: string, da: string) => ({ id, name: { da, en: da } });
      await serviceWith('ansaettelse', 'ansaettelse-it', [
        {
          ...named('it', 'It-konto'),
          kind: 'automated',
          action: 'identity.createAccount',
          next: [{ to: 'slut', on: 'done' }],
        },
        { ...named('slut', 'Oprettet'), kind: 'end', outcome: 'created', next: [] },
      ]);
      await serviceWith('fratraedelse', 'fratraedelse-it', [
        {
          ...named('it', 'Luk it-kontoen'),
          kind: 'automated',
          action: 'identity.disableAccount',
          next: [{ to: 'slut', on: 'done' }],
        },
        { ...named('slut', 'Registreret'), kind: 'end', outcome: 'registered', next: [] },
      ]);
    }, 120_000);
    afterAll(() => t.close());

    it("holds the demo municipality's staff with accounts and plausible roles from the role catalogue", async () => {
      const roles = await t.connectors.identity.listRoles(call('roles'));
      expect(roles).toContainEqual({
        roleId: '101',
        name: 'OPUS Løn - Leder',
        system: 'KMD OPUS Løn',
        description: expect.stringMatching(/^Demo-rolle/) as string,
      });
      const school = await unit('buf-001');
      const me = school.users.find((u) => u.name === teacher.name)!;
      expect(me).toMatchObject({
        userId: expect.stringMatching(/^[a-z]{4}\d{2}$/) as string,
        disabledFrom: null,
      });
      expect(me.roles.map((r) => r.roleName)).toEqual(
        expect.arrayContaining(['Aula - Medarbejder', 'OPUS Løn - Medarbejder']),
      );
      expect(me.roles[0]).toMatchObject({
        assignedThrough: 'direct',
        from: expect.any(String) as string,
        to: null,
      });
      // Only the school leader approves pay.
      const approvers = school.users.filter((u) => u.roles.some((r) => r.roleName === 'OPUS Løn - Leder'));
      expect(approvers).toHaveLength(1);
    });

    it('lists a unit although one of its many reads fails once, and fails it when the system stays down', async () => {
      const before = await unit('buf-001');
      await t.simulators.faults.plan({
        system: 'identity',
        operation: 'GetUserAssignments',
        fault: 'lost_answer',
        times: 1,
      });
      expect(await unit('buf-001')).toEqual(before);
      await t.simulators.faults.plan({
        system: 'identity',
        operation: 'GetUserAssignments',
        fault: 'unavailable',
        times: 500,
      });
      expect(await unit('buf-001').catch((e: unknown) => e)).toMatchObject({
        outcome: 'transient',
        code: 'http_503',
      });
      t.simulators.faults.clear();
    });

    it('creates one account per call key: a retry finds the account its first attempt made', async () => {
      const input = {
        cpr: '001105-4217',
        firstName: 'Oliver Bach',
        lastName: 'Sørensen',
        unitId: 'buf-001',
        position: 'Pædagog',
        activeFrom: addDays(todayInDenmark(), 14),
      };
      const first = await t.connectors.identity.createAccount(input, call('step-9001'));
      expect(first).toEqual({ userId: expect.stringMatching(/^olso\d{2}$/) as string, created: true });
      const again = await t.connectors.identity.createAccount(input, call('step-9001'));
      expect(again).toEqual({ userId: first.userId, created: false });
      expect(accountsOf(input.cpr)).toHaveLength(1);
      expect(accountsOf(input.cpr)[0]).toMatchObject({
        department: 'buf-001',
        accountActivation: input.activeFrom,
        accountExpires: null,
        info: 'step-9001',
      });
    });

    it('creates the account once when AD did the work but its answer was lost', async () => {
      const input = {
        cpr: '000306-4326',
        firstName: 'Amira',
        lastName: 'Haddad',
        unitId: 'suf-001',
        position: null,
        activeFrom: todayInDenmark(),
      };
      await t.simulators.faults.plan({
        system: 'identity',
        operation: 'CreateAccount',
        fault: 'lost_answer',
        times: 1,
      });
      const lost = await t.connectors.identity
        .createAccount(input, call('step-9002'))
        .catch((e: unknown) => e);
      expect(lost).toMatchObject({ outcome: 'transient' });
      expect(accountsOf(input.cpr)).toHaveLength(1); // AD made it
      const retried = await t.connectors.identity.createAccount(input, call('step-9002'));
      expect(retried.created).toBe(false);
      expect(accountsOf(input.cpr)).toHaveLength(1);
    });

    it("refuses a second active account for a person in AD's own words", async () => {
      const refused = await t.connectors.identity
        .createAccount(
          {
            cpr: teacher.cpr,
            firstName: 'Igen',
            lastName: 'Ansat',
            unitId: 'buf-001',
            position: 'Lærer',
            activeFrom: todayInDenmark(),
          },
          call('step-9003'),
        )
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({
        outcome: 'refused',
        code: 'konto_findes',
        systemText: expect.stringMatching(
          /^Personen har allerede en aktiv konto \([a-z]{4}\d{2}\)/,
        ) as string,
      });
      const unknownUnit = await t.connectors.identity
        .createAccount(
          {
            cpr: '000604-4118',
            firstName: 'A',
            lastName: 'B',
            unitId: 'nowhere',
            position: null,
            activeFrom: todayInDenmark(),
          },
          call('step-9004'),
        )
        .catch((e: unknown) => e);
      expect(unknownUnit).toMatchObject({
        outcome: 'refused',
        systemText: 'Afdelingen "nowhere" findes ikke i AD.',
      });
    });

    it('assigns a dated role once however often it is retried, after a timeout too, and removes it', async () => {
      const { userId } = await t.connectors.identity.createAccount(
        {
          cpr: '000105-4535',
          firstName: 'Emil',
          lastName: 'Vestergaard Holm',
          unitId: 'okf-ks-hr',
          position: 'HR-konsulent',
          activeFrom: '2026-03-01',
        },
        call('step-9005'),
      );
      const role = { userId, roleId: '132', from: '2026-03-01', to: '2026-08-31' };
      await t.simulators.faults.plan({
        system: 'identity',
        operation: 'AssignUserRole',
        fault: 'timeout',
        times: 1,
      });
      expect(
        await t.connectors.identity.assignRole(role, call('step-9006')).catch((e: unknown) => e),
      ).toMatchObject({
        outcome: 'timeout',
      });
      await t.simulators.faults.plan({
        system: 'identity',
        operation: 'AssignUserRole',
        fault: 'lost_answer',
        times: 1,
      });
      await t.connectors.identity.assignRole(role, call('step-9006')).catch(() => undefined);
      await t.connectors.identity.assignRole(role, call('step-9006'));
      const held = (await unit('okf-ks-hr')).users.find((u) => u.userId === userId)!.roles;
      expect(held).toEqual([
        {
          roleId: '132',
          roleName: 'SBSYS - Personalesager (HR)',
          system: 'SBSYS',
          from: '2026-03-01',
          to: '2026-08-31',
          assignedThrough: 'direct',
        },
      ]);
      await t.connectors.identity.removeRole({ userId, roleId: '132' }, call('review-1'));
      await t.connectors.identity.removeRole({ userId, roleId: '132' }, call('review-1'));
      expect((await unit('okf-ks-hr')).users.find((u) => u.userId === userId)!.roles).toEqual([]);
      const unknownRole = await t.connectors.identity
        .assignRole({ ...role, roleId: '999' }, call('step-9007'))
        .catch((e: unknown) => e);
      expect(unknownRole).toMatchObject({
        outcome: 'refused',
        code: 'user_role_not_found',
        systemText: 'User Role not found.',
      });
      const unknownUser = await t.connectors.identity
        .removeRole({ userId: 'zzzz99', roleId: '132' }, call('review-2'))
        .catch((e: unknown) => e);
      expect(unknownUser).toMatchObject({
        outcome: 'refused',
        code: 'user_not_found',
        systemText: 'User not found.',
      });
    });

    it('disables an account from a date, and finds it by the CPR number', async () => {
      const [account] = await t.connectors.identity.findAccounts({ cpr: '001105-4217' }, call('find'));
      const from = addDays(todayInDenmark(), 40);
      expect(
        await t.connectors.identity.disableAccount({ userId: account!.userId, from }, call('step-9008')),
      ).toEqual({
        userId: account!.userId,
        disabledFrom: from,
      });
      expect(await t.connectors.identity.findAccounts({ cpr: '0011054217' }, call('find'))).toEqual([
        expect.objectContaining({ userId: account!.userId, disabledFrom: from, unitId: 'buf-001' }),
      ]);
    });

    it("creates a new hire's account from the case's answers, once, even when AD's answer is lost", async () => {
      await t.simulators.faults.plan({
        system: 'identity',
        operation: 'CreateAccount',
        fault: 'lost_answer',
        times: 1,
      });
      const caseId = await hire({ firstName: 'Mathilde Krogh', lastName: 'Nielsen', cpr: '000604-4118' });
      await t.runJobs(); // starts the process; the create's answer is lost, so the step's job fails
      expect(accountsOf('000604-4118')).toHaveLength(1);
      expect((await caseState(caseId)).status).not.toBe('resolved');
      await db().execute(sql`UPDATE jobs SET run_at = now() WHERE case_id = ${caseId} AND done_at IS NULL`);
      await t.runJobs();
      const state = await caseState(caseId);
      expect(state).toMatchObject({ status: 'resolved', automation: 'full' });
      expect(state.data).toMatchObject({
        sent: true,
        identity: { userId: accountsOf('000604-4118')[0]!.sAMAccountName, created: false, roles: [] },
      });
      expect(accountsOf('000604-4118')).toHaveLength(1);
    });

    it("gives a new hire the roles from the answers for her start date, until a fixed term's last day, on every retry once", async () => {
      const send = automatedAction('identity.createAccount')!.connector!.send;
      const payload = {
        cpr: '000907-4424',
        firstName: 'Sara Lund',
        lastName: 'Kristiansen',
        unitId: 'suf-001',
        position: 'Social- og sundhedshjælper',
        activeFrom: '2026-04-01',
        roles: [
          { roleId: '111', from: '2026-04-01', to: '2026-09-30' },
          { roleId: '142', from: '2026-04-01', to: '2026-09-30' },
        ],
      };
      const first = await send(t.connectors, payload, call('step-9010'), { db: t.database.db });
      const again = await send(t.connectors, payload, call('step-9010'), { db: t.database.db });
      expect(again).toEqual({ ...first, created: false });
      const held = (await unit('suf-001')).users.find((u) => u.userId === first.userId)!.roles;
      expect(held.map((r) => [r.roleName, r.from, r.to])).toEqual([
        ['KMD Nexus - Bruger', '2026-04-01', '2026-09-30'],
        ['Microsoft 365 - F3-licens', '2026-04-01', '2026-09-30'],
      ]);
    });

    it("hands the case to a person with AD's words when it refuses the account", async () => {
      // The hire is someone the municipality already employs: AD has an active account for her.
      const caseId = await hire({ firstName: 'Igen', lastName: 'Ansat', cpr: teacher.cpr });
      await t.runJobs();
      const state = await caseState(caseId);
      expect(state.status).toBe('submitted');
      expect(state.automation).toBe('failed');
      expect(state.reason).toMatch(/^Identitetsstyring afviste: Personen har allerede en aktiv konto/);
      expect(await t.connectors.identity.findAccounts({ cpr: teacher.cpr }, call('find'))).toHaveLength(1);
    });

    it('closes the accounts of a leaver from the day after her last day', async () => {
      const lastDay = addDays(todayInDenmark(), 3);
      const caseId = await submit('fratraedelse-it', {
        termination: {
          person: teacher.personId,
          type: 'retirement',
          terms: 'funktionaer',
          noticeDate: todayInDenmark(),
          lastDay,
        },
      });
      await t.runJobs();
      expect(await caseState(caseId)).toMatchObject({ status: 'resolved' });
      const [account] = accountsOf(teacher.cpr);
      expect(account!.accountExpires).toBe(addDays(lastDay, 1));
      expect((await caseState(caseId)).data).toMatchObject({
        identity: {
          disabledFrom: addDays(lastDay, 1),
          disabled: [account!.sAMAccountName],
          alreadyClosed: [],
        },
      });
    });

    it("lets a leader read who has which role in her own unit, and nobody else's", async () => {
      const ask = (client: TestClient, unitId: string) =>
        t.as(client, {
          method: 'POST',
          url: '/api/v1/lookups',
          payload: { name: 'identity.roleAssignments', input: { unitId } },
        });
      const asked = await ask(leader, 'buf-001');
      expect(asked.statusCode).toBe(202);
      await t.runJobs();
      const read = await t.as(leader, {
        method: 'GET',
        url: `/api/v1/lookups/${asked.json<{ id: string }>().id}`,
      });
      const state = read.json<TLookupState>();
      expect(state.status).toBe('done');
      const answer = state.result as TIdentityRoleAssignmentsAnswer;
      expect(answer.unitId).toBe('buf-001');
      expect(answer.users.length).toBeGreaterThan(3);
      expect(JSON.stringify(answer)).not.toMatch(/\d{10}|\d{6}-\d{4}/);
      expect((await ask(leader, 'suf-001')).statusCode).toBe(404);
      expect((await ask(employee, 'buf-001')).statusCode).toBe(403);
      const [audit] = (
        await db().execute<{ details: { what: string } }>(
          sql`SELECT details FROM audit_log WHERE action = 'connector.lookup' AND actor_user_id = 'demo-leder' ORDER BY seq DESC LIMIT 1`,
        )
      ).rows;
      expect(audit!.details.what).toMatch(/^Identitetsstyring: brugere og systemroller i /);
    });

    it("removes the roles a review marked from a unit, once, passing over lines that are not the unit's or already gone", async () => {
      const send = automatedAction('identity.removeRoles')!.connector!.send;
      const school = await unit('buf-001');
      const [first, second] = school.users.filter((u) => u.roles.length >= 2);
      const line = (u: (typeof school.users)[number], r: (typeof u.roles)[number]) => ({
        userId: u.userId,
        roleId: r.roleId,
        name: u.name,
        roleName: r.roleName,
        system: r.system,
      });
      const elsewhere = (await unit('suf-001')).users.find((u) => u.roles.length > 0)!;
      const payload = {
        unitId: 'buf-001',
        lines: [
          line(first!, first!.roles[0]!),
          line(second!, second!.roles[1]!),
          // Someone in another unit, and a role nobody has: named in the answer, left alone.
          line(elsewhere, elsewhere.roles[0]!),
          { ...line(first!, first!.roles[0]!), roleId: '999' },
        ],
      };
      await t.simulators.faults.plan({
        system: 'identity',
        operation: 'DeassignUserRole',
        fault: 'lost_answer',
        times: 1,
      });
      const lost = await send(t.connectors, payload, call('step-9020'), { db: t.database.db }).catch(
        (e: unknown) => e,
      );
      expect(lost).toMatchObject({ outcome: 'transient' });
      const retried = await send(t.connectors, payload, call('step-9020'), { db: t.database.db });
      // The first removal happened before its answer was lost: the retry finds it gone and goes on.
      expect(retried).toEqual({
        unitId: 'buf-001',
        removed: [`${second!.userId}/${second!.roles[1]!.roleId}`],
        notHeld: [
          `${first!.userId}/${first!.roles[0]!.roleId}`,
          `${elsewhere.userId}/${elsewhere.roles[0]!.roleId}`,
          `${first!.userId}/999`,
        ],
      });
      const after = await unit('buf-001');
      const rolesOf = (userId: string) =>
        after.users.find((u) => u.userId === userId)!.roles.map((r) => r.roleId);
      expect(rolesOf(first!.userId)).toEqual(first!.roles.slice(1).map((r) => r.roleId));
      expect(rolesOf(second!.userId)).toEqual(second!.roles.filter((_, i) => i !== 1).map((r) => r.roleId));
      expect((await unit('suf-001')).users.find((u) => u.userId === elsewhere.userId)!.roles).toEqual(
        elsewhere.roles,
      );
      const again = await send(t.connectors, payload, call('step-9020'), { db: t.database.db });
      expect(again).toMatchObject({ removed: [] });
    });

    it('reads nothing and removes nothing when the review keeps every role', async () => {
      const send = automatedAction('identity.removeRoles')!.connector!.send;
      await t.simulators.faults.plan({
        system: 'identity',
        operation: 'FindAccounts',
        fault: 'unavailable',
        times: 5,
      });
      expect(
        await send(t.connectors, { unitId: 'buf-001', lines: [] }, call('step-9021'), { db: t.database.db }),
      ).toEqual({ unitId: 'buf-001', removed: [], notHeld: [] });
      t.simulators.faults.clear();
    });
  },
);
