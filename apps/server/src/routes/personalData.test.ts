import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { composeCaseMail } from '@indgang/domain';
import { newHireAnswers } from '../testing/newHireAnswers';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const CPR = '000190-0042';

describe.each(targets)('personal data in scope on $name', (target) => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  const as = (who: string) => clients[who]!;
  const get = (who: string, url: string) => t.as(as(who), { method: 'GET', url });
  const post = (who: string, url: string, payload: object = {}) =>
    t.as(as(who), { method: 'POST', url, payload });
  const upload = async (who: string, fileName = 'samtykke.pdf') =>
    (
      await t.as(as(who), {
        method: 'POST',
        url: `/api/v1/attachments?fileName=${fileName}`,
        headers: { 'content-type': 'application/pdf' },
        payload: PDF,
      })
    ).json().id as string;
  const audits = async (action: string, entityId: string) =>
    (
      await t.database.pool.query(
        'SELECT actor_user_id, details FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY seq',
        [action, entityId],
      )
    ).rows;
  let hireId = '';

  beforeAll(async () => {
    t = await createTestApp(target);
    for (const who of [
      'demo-leder',
      'demo-stedfortraeder',
      'demo-medarbejder',
      'demo-sagsbehandler-loen',
      'demo-sagsbehandler-hr',
      'demo-teamleder',
      'demo-procesejer',
      'demo-revisor',
      'demo-leder-pleje',
    ])
      clients[who] = await t.login(who);
    const hire = newHireAnswers({
      person: { cpr: CPR },
      position: { startDate: '2027-08-01' },
      certificates: { worksWithChildren: 'yes', youngestChildAge: '6' },
      documents: { education: [await upload('demo-leder', 'eksamen.pdf')] },
    });
    const created = await post('demo-leder', '/api/v1/cases', { serviceId: 'ansaettelse', answers: hire });
    expect(created.statusCode, created.body).toBe(201);
    hireId = created.json().id;
  });
  afterAll(() => t.close());

  describe('cases kept from the person they are about', () => {
    const employeePerson = async () =>
      (await t.database.pool.query("SELECT person_id FROM users WHERE id = 'demo-medarbejder'")).rows[0]
        .person_id as string;
    const sees = async (caseId: string) => {
      const mine = (await get('demo-medarbejder', '/api/v1/cases?view=mine')).json().items as Array<{
        id: string;
      }>;
      const one = await get('demo-medarbejder', `/api/v1/cases/${caseId}`);
      return { listed: mine.some((c) => c.id === caseId), status: one.statusCode };
    };

    it('hides a dismissal from the employee until the caseworker marks the hearing, then shows it', async () => {
      const dismissal = await post('demo-leder', '/api/v1/cases', {
        serviceId: 'fratraedelse',
        answers: {
          termination: {
            person: await employeePerson(),
            type: 'dismissal',
            grounds: 'Gentagne udeblivelser trods advarsel',
            terms: 'funktionaer',
            noticeDate: '2026-12-15',
            lastDay: '2027-03-31',
          },
        },
      });
      expect(dismissal.statusCode, dismissal.body).toBe(201);
      const { id } = dismissal.json();
      expect(await sees(id)).toEqual({ listed: false, status: 404 });
      const work = (await get('demo-sagsbehandler-hr', `/api/v1/backoffice/cases/${id}`)).json();
      expect(work).toMatchObject({ hiddenFromSubjectUntil: 'hearing', stagesReached: [] });
      const marked = await post('demo-sagsbehandler-hr', `/api/v1/backoffice/cases/${id}/stages`, {
        stage: 'hearing',
        expectedVersion: work.version,
      });
      expect(marked.statusCode, marked.body).toBe(200);
      expect(await sees(id)).toEqual({ listed: true, status: 200 });
      const timeline = (await get('demo-medarbejder', `/api/v1/cases/${id}`)).json().timeline as Array<{
        type: string;
      }>;
      expect(timeline.map((e) => e.type)).toContain('stage');
      expect(
        (
          await post('demo-sagsbehandler-hr', `/api/v1/backoffice/cases/${id}/stages`, {
            stage: 'hearing',
            expectedVersion: marked.json().version,
          })
        ).statusCode,
      ).toBe(409);
      expect(
        (
          await post('demo-sagsbehandler-hr', `/api/v1/backoffice/cases/${id}/stages`, {
            stage: 'nope',
            expectedVersion: marked.json().version,
          })
        ).statusCode,
      ).toBe(400);
    });

    it('keeps a dismissal from the caseworker it is about, in the queue and the case view', async () => {
      const dismissal = await post('demo-leder', '/api/v1/cases', {
        serviceId: 'fratraedelse',
        answers: {
          termination: {
            person: await employeePerson(),
            type: 'dismissal',
            grounds: 'Gentagne udeblivelser trods advarsel',
            terms: 'funktionaer',
            noticeDate: '2026-12-15',
            lastDay: '2027-04-30',
          },
        },
      });
      const { id } = dismissal.json();
      // The scene: the case is about the HR caseworker herself.
      await t.database.pool.query(
        "UPDATE cases SET subject_person_id = (SELECT person_id FROM users WHERE id = 'demo-sagsbehandler-hr') WHERE id = $1",
        [id],
      );
      const queue = (
        await get('demo-sagsbehandler-hr', '/api/v1/backoffice/queue?teamId=okf-ks-hr')
      ).json() as Array<{ id: string }>;
      expect(queue.map((c) => c.id)).not.toContain(id);
      expect((await get('demo-sagsbehandler-hr', `/api/v1/backoffice/cases/${id}`)).statusCode).toBe(404);
      expect(
        (
          await post('demo-sagsbehandler-hr', `/api/v1/backoffice/cases/${id}/notes`, {
            body: 'Min egen sag',
          })
        ).statusCode,
      ).toBe(404);
      expect((await get('demo-sagsbehandler-loen', `/api/v1/backoffice/cases/${id}`)).statusCode).toBe(200);
    });

    it('does not tell the employee of a hidden dismissal through the duplicate warning', async () => {
      const person = (
        await t.database.pool.query("SELECT person_id FROM users WHERE id = 'demo-stedfortraeder'")
      ).rows[0].person_id;
      const lastDay = '2027-05-31';
      expect(
        (
          await post('demo-leder', '/api/v1/cases', {
            serviceId: 'fratraedelse',
            answers: {
              termination: {
                person,
                type: 'dismissal',
                grounds: 'Gentagne udeblivelser trods advarsel',
                terms: 'funktionaer',
                noticeDate: '2026-12-15',
                lastDay,
              },
            },
          })
        ).statusCode,
      ).toBe(201);
      const letter = await upload('demo-stedfortraeder', 'opsigelse.pdf');
      const own = await post('demo-stedfortraeder', '/api/v1/cases', {
        serviceId: 'fratraedelse',
        answers: {
          termination: {
            person,
            type: 'resignation',
            terms: 'funktionaer',
            noticeDate: '2027-04-15',
            lastDay,
            resignationLetter: [letter],
          },
        },
      });
      expect(own.statusCode, own.body).toBe(201);
    });

    it('shows a resignation to the employee at once', async () => {
      const letter = await upload('demo-leder', 'opsigelse.pdf');
      const resignation = await post('demo-leder', '/api/v1/cases', {
        serviceId: 'fratraedelse',
        answers: {
          termination: {
            person: await employeePerson(),
            type: 'resignation',
            terms: 'funktionaer',
            noticeDate: '2027-05-20',
            lastDay: '2027-06-30',
            resignationLetter: [letter],
          },
        },
      });
      expect(resignation.statusCode, resignation.body).toBe(201);
      expect(await sees(resignation.json().id)).toEqual({ listed: true, status: 200 });
    });

    it('hides a summary dismissal from the employee until the hearing, as a dismissal', async () => {
      const summary = await post('demo-leder', '/api/v1/cases', {
        serviceId: 'fratraedelse',
        answers: {
          termination: {
            person: await employeePerson(),
            type: 'summary_dismissal',
            grounds: 'Tyveri fra arbejdspladsen',
            lastDay: '2027-07-02',
          },
        },
      });
      expect(summary.statusCode, summary.body).toBe(201);
      const { id, teamId } = summary.json();
      expect(teamId).toBe('okf-ks-hr');
      expect(await sees(id)).toEqual({ listed: false, status: 404 });
      const work = (await get('demo-sagsbehandler-hr', `/api/v1/backoffice/cases/${id}`)).json();
      expect(work).toMatchObject({ hiddenFromSubjectUntil: 'hearing' });
      await post('demo-sagsbehandler-hr', `/api/v1/backoffice/cases/${id}/stages`, {
        stage: 'hearing',
        expectedVersion: work.version,
      });
      expect(await sees(id)).toEqual({ listed: true, status: 200 });
    });
  });

  describe('units and people named in answers', () => {
    const change = async (newUnit: string) =>
      post('demo-leder', '/api/v1/cases', {
        serviceId: 'loen-aendring',
        answers: {
          change: {
            person: (await t.database.pool.query("SELECT person_id FROM users WHERE id = 'demo-medarbejder'"))
              .rows[0].person_id,
            kind: 'transfer',
            effectiveDate: '2027-01-01',
            newUnit,
          },
        },
      });

    it("refuse a new unit that does not exist or lies outside the leader's reach, naming the field", async () => {
      for (const unit of ['findes-ikke', 'suf-001']) {
        const refused = await change(unit);
        expect(refused.statusCode, unit).toBe(400);
        expect(refused.json().error).toMatchObject({
          code: 'reference_out_of_reach',
          fields: [{ path: 'change.newUnit' }],
        });
      }
      expect((await change('buf-001')).statusCode).toBe(201);
    });

    it("refuse a substitute who works outside the leader's units", async () => {
      const outside = (
        await t.database.pool.query(
          "SELECT e.person_id FROM employments e JOIN org_units u ON u.id = e.unit_id WHERE u.path LIKE '/ek/suf/%' LIMIT 1",
        )
      ).rows[0].person_id;
      const refused = await post('demo-leder', '/api/v1/cases', {
        serviceId: 'vikartimer',
        answers: { who: { person: outside }, shifts: [{ date: '2026-11-02', start: '08:00', end: '12:00' }] },
      });
      expect(refused.statusCode).toBe(404);
    });
  });

  describe('the case search', () => {
    const search = async (q: string) =>
      (
        (await get('demo-leder', `/api/v1/cases?view=mine&q=${encodeURIComponent(q)}`)).json() as {
          total: number;
        }
      ).total;

    it('takes % and _ literally and matches only what the list shows', async () => {
      const all = await search('IND-');
      expect(all).toBeGreaterThan(0);
      expect(await search('%')).toBe(0);
      expect(await search('_')).toBe(0);
      // "da" is a key in the JSON of every service name, not text anyone sees.
      expect(await search('"da"')).toBe(0);
      expect(await search('Ny Lærer')).toBe(1);
      expect(await search('Ansættelse')).toBeGreaterThan(0);
    });
  });

  describe('CPR numbers in case answers', () => {
    it('are masked for the submitting leader, the deputy, the team lead and the process owner', async () => {
      for (const [who, url] of [
        ['demo-leder', `/api/v1/cases/${hireId}`],
        ['demo-stedfortraeder', `/api/v1/cases/${hireId}`],
        ['demo-teamleder', `/api/v1/backoffice/cases/${hireId}`],
        ['demo-procesejer', `/api/v1/backoffice/cases/${hireId}`],
      ] as const) {
        const response = await get(who, url);
        expect(response.statusCode, who).toBe(200);
        expect(response.body, who).not.toContain(CPR);
        expect(response.json().answers.person.cpr, who).toBe('000190-XXXX');
        expect(response.json().masked, who).toEqual(['person.cpr']);
      }
      expect((await get('demo-teamleder', `/api/v1/backoffice/cases/${hireId}`)).json().canReveal).toBe(
        false,
      );
    });

    it('are masked for the caseworker too, until she asks to see them, which is audited as a CPR read', async () => {
      const view = await get('demo-sagsbehandler-loen', `/api/v1/backoffice/cases/${hireId}`);
      expect(view.body).not.toContain(CPR);
      expect(view.json().canReveal).toBe(true);
      expect(await audits('case.read_cpr', hireId)).toEqual([]);
      const revealed = await post('demo-sagsbehandler-loen', `/api/v1/backoffice/cases/${hireId}/reveal`);
      expect(revealed.statusCode).toBe(200);
      expect(revealed.json()).toEqual({ values: { 'person.cpr': CPR } });
      expect(await audits('case.read_cpr', hireId)).toEqual([
        { actor_user_id: 'demo-sagsbehandler-loen', details: { fields: ['person.cpr'] } },
      ]);
    });

    it('cannot be guessed through the duplicate warning by someone who sees the case masked', async () => {
      const answers = newHireAnswers({
        person: { cpr: CPR },
        position: { startDate: '2027-08-01' },
        certificates: { worksWithChildren: 'yes', youngestChildAge: '6' },
        documents: { education: [await upload('demo-stedfortraeder', 'eksamen.pdf')] },
      });
      // The deputy sees the leader's hire with the CPR number masked; the right number is no duplicate to her.
      expect(
        (await post('demo-stedfortraeder', '/api/v1/cases', { serviceId: 'ansaettelse', answers }))
          .statusCode,
      ).toBe(201);
      // The leader who typed it gets the warning.
      const own = { ...answers, documents: { education: [await upload('demo-leder', 'eksamen.pdf')] } };
      expect(
        (await post('demo-leder', '/api/v1/cases', { serviceId: 'ansaettelse', answers: own })).json().error
          .code,
      ).toBe('duplicate_case');
    });

    it('cannot be revealed by those without the CPR permission', async () => {
      for (const who of ['demo-teamleder', 'demo-procesejer', 'demo-leder', 'demo-stedfortraeder']) {
        expect((await post(who, `/api/v1/backoffice/cases/${hireId}/reveal`)).statusCode, who).toBe(403);
      }
      expect((await audits('case.read_cpr', hireId)).length).toBe(1);
    });
  });
});

describe.each(targets)('delegations on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;
  let deputy: TestClient;
  const deputyPerson = async () =>
    (await t.database.pool.query("SELECT person_id FROM users WHERE id = 'demo-stedfortraeder'")).rows[0]
      .person_id as string;
  const me = async (client: TestClient) =>
    (await t.as(client, { method: 'GET', url: '/api/v1/me' })).json() as {
      delegatedUnitIds: string[];
      roles: string[];
    };
  const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp(target);
    leader = await t.login('demo-leder');
    deputy = await t.login('demo-stedfortraeder');
  });
  afterAll(() => t.close());

  it('end at most the configured number of months ahead (12 by default)', async () => {
    const person = await deputyPerson();
    const tooLong = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/delegations',
      payload: { toPersonId: person, unitId: 'buf-001', validFrom: addDays(1), validTo: addDays(400) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({
      code: 'delegation_too_long',
      fields: [{ path: 'validTo' }],
    });
    expect(tooLong.json().error.message.da).toMatch(/højst vare 12 måneder/);
    const ok = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/delegations',
      payload: { toPersonId: person, unitId: 'buf-001', validFrom: addDays(1), validTo: addDays(300) },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('leave the ex-deputy no access to cases she submitted for the leader once the delegation ends', async () => {
    expect((await me(deputy)).delegatedUnitIds).toEqual(['buf-001']);
    const employee = (
      await t.database.pool.query("SELECT person_id FROM users WHERE id = 'demo-medarbejder'")
    ).rows[0].person_id;
    const created = await t.as(deputy, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'vikartimer',
        answers: {
          who: { person: employee },
          shifts: [{ date: '2026-11-02', start: '08:00', end: '12:00', activity: 'Vikar i 4.b' }],
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id;
    expect((await t.as(deputy, { method: 'GET', url: `/api/v1/cases/${caseId}` })).statusCode).toBe(200);
    const deputyMail = (
      await t.database.pool.query("SELECT email FROM users WHERE id = 'demo-stedfortraeder'")
    ).rows[0].email;
    expect((await composeCaseMail({ db: t.database.db }, caseId, 'receipt', 'http://indgang.test'))?.to).toBe(
      deputyMail,
    );
    const delegations = (await t.as(leader, { method: 'GET', url: '/api/v1/delegations' })).json() as Array<{
      id: string;
      givenByMe: boolean;
      revoked: boolean;
    }>;
    for (const d of delegations.filter((x) => x.givenByMe && !x.revoked))
      expect((await t.as(leader, { method: 'DELETE', url: `/api/v1/delegations/${d.id}` })).statusCode).toBe(
        200,
      );
    expect((await me(deputy)).delegatedUnitIds).toEqual([]);
    expect((await t.as(deputy, { method: 'GET', url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
    expect(
      (
        (await t.as(deputy, { method: 'GET', url: '/api/v1/cases?view=mine' })).json().items as Array<{
          id: string;
        }>
      ).map((c) => c.id),
    ).not.toContain(caseId);
    // The leader the case was submitted for still follows it, and its mails now go to her.
    expect((await t.as(leader, { method: 'GET', url: `/api/v1/cases/${caseId}` })).statusCode).toBe(200);
    const leaderMail = (await t.database.pool.query("SELECT email FROM users WHERE id = 'demo-leder'"))
      .rows[0].email;
    expect((await composeCaseMail({ db: t.database.db }, caseId, 'message', 'http://indgang.test'))?.to).toBe(
      leaderMail,
    );
  });
});

describe.each(targets)('a delegation whose leader stops leading on $name', (target) => {
  it('gives no access from the day the leader no longer leads the unit', async () => {
    const t = await createTestApp(target);
    try {
      const deputy = await t.login('demo-stedfortraeder');
      expect((await t.as(deputy, { method: 'GET', url: '/api/v1/me' })).json().delegatedUnitIds).toEqual([
        'buf-001',
      ]);
      // An organisation change: demo-leder no longer leads buf-001.
      await t.database.pool.query(
        "DELETE FROM unit_managers WHERE unit_id = 'buf-001' AND person_id = (SELECT person_id FROM users WHERE id = 'demo-leder')",
      );
      await t.database.pool.query(
        "DELETE FROM role_assignments WHERE user_id = 'demo-leder' AND role = 'leader'",
      );
      expect((await t.as(deputy, { method: 'GET', url: '/api/v1/me' })).json().delegatedUnitIds).toEqual([]);
      expect((await t.as(deputy, { method: 'GET', url: '/api/v1/cases?view=units' })).json().total).toBe(0);
    } finally {
      await t.close();
    }
  });
});
