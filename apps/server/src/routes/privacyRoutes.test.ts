import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { runHousekeeping, runRetention } from '@indgang/domain';
import { newHireAnswers } from '../testing/newHireAnswers';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** The clock the retention run is moved to. */
const NOW = new Date('2026-02-01T03:00:00+01:00');

describe.each(targets)('data-protection life cycle on $name', (target) => {
  let t: TestApp;
  let employee: TestClient;
  let leader: TestClient;
  let admin: TestClient;
  const q = async (text: string, values: unknown[] = []) => (await t.database.pool.query(text, values)).rows;
  const personOf = async (userId: string) =>
    (await q('SELECT person_id FROM users WHERE id = $1', [userId]))[0].person_id as string;
  const upload = async (client: TestClient) =>
    (
      await t.as(client, {
        method: 'POST',
        url: '/api/v1/attachments?fileName=kvittering.pdf',
        headers: { 'content-type': 'application/pdf' },
        payload: PDF,
      })
    ).json().id as string;
  const submit = async (client: TestClient, serviceId: string, answers: object) => {
    const response = await t.as(client, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { serviceId, answers },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  /** Resolves a case on a given day (with a message on its timeline), as if handled then. */
  const resolvedOn = async (caseId: string, day: string) => {
    await q(`UPDATE cases SET status = 'resolved', resolved_at = $2, outcome = 'Udbetalt' WHERE id = $1`, [
      caseId,
      `${day}T12:00:00+01:00`,
    ]);
    await q(
      `INSERT INTO case_events (case_id, actor_user_id, type, internal, body) VALUES ($1, 'demo-sagsbehandler-loen', 'resolved', false, 'Beløbet kommer med lønnen.')`,
      [caseId],
    );
  };
  const mileage = (purpose: string) => ({
    trips: [{ date: '2019-11-04', from: 'Skolen', to: `Rådhuset, ${purpose}`, km: '7', purpose }],
  });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(target);
    employee = await t.login('demo-medarbejder');
    leader = await t.login('demo-leder');
    admin = await t.login('demo-admin');
    // Mileage: kept 6 years from resolution.
    ids.expired = await submit(employee, 'koerselsgodtgoerelse', mileage('Udløbet'));
    await t.as(employee, {
      method: 'POST',
      url: `/api/v1/cases/${ids.expired}/messages`,
      payload: { body: 'Kvittering vedlagt', attachmentIds: [await upload(employee)] },
    });
    await resolvedOn(ids.expired, '2020-01-10');
    ids.notYet = await submit(employee, 'koerselsgodtgoerelse', mileage('Ikke endnu'));
    await resolvedOn(ids.notYet, '2020-03-10');
    ids.open = await submit(employee, 'koerselsgodtgoerelse', mileage('Åben'));
    ids.held = await submit(employee, 'koerselsgodtgoerelse', mileage('Tilbageholdt'));
    await resolvedOn(ids.held, '2019-12-01');
    // Pay changes: kept 5 years from the end of the employment of the person they are about.
    const leaver = (
      await q(
        `SELECT e.person_id FROM employments e WHERE e.unit_id = 'buf-001' AND e.person_id NOT IN (SELECT person_id FROM users WHERE person_id IS NOT NULL) LIMIT 1`,
      )
    )[0].person_id as string;
    ids.leaver = await submit(leader, 'loen-aendring', {
      change: { person: leaver, kind: 'hours', effectiveDate: '2020-01-01', newHours: 30 },
    });
    await resolvedOn(ids.leaver, '2020-01-05');
    // Resolved long after the employment ended: counted from the resolution.
    ids.lateResolved = await submit(leader, 'loen-aendring', {
      change: { person: leaver, kind: 'hours', effectiveDate: '2020-03-01', newHours: 32 },
    });
    await resolvedOn(ids.lateResolved, '2025-12-01');
    await q(`UPDATE employments SET end_date = '2020-06-30' WHERE person_id = $1`, [leaver]);
    ids.stayer = await submit(leader, 'loen-aendring', {
      change: {
        person: await personOf('demo-medarbejder'),
        kind: 'hours',
        effectiveDate: '2020-02-01',
        newHours: 30,
      },
    });
    await resolvedOn(ids.stayer, '2020-01-05');
    // A hire about someone still employed (found by the CPR number the form gave): kept.
    const [{ cpr: employeeCpr }] = await q(
      "SELECT p.cpr FROM persons p JOIN users u ON u.person_id = p.id WHERE u.id = 'demo-medarbejder'",
    );
    ids.hire = await submit(
      leader,
      'ansaettelse',
      newHireAnswers({
        person: { firstName: 'Gammel', lastName: 'Ansættelse', cpr: employeeCpr },
        position: { startDate: '2019-08-01' },
        documents: { education: [await upload(leader)] },
      }),
    );
    await resolvedOn(ids.hire, '2019-07-01');
    // Criminal-record orders: deleted 6 months after resolution.
    ids.certificate = await submit(leader, 'straffe-boerneattest', {
      order: {
        who: 'employee',
        person: await personOf('demo-medarbejder'),
        kind: 'criminal',
        reason: 'Nyansættelse',
      },
    });
    await resolvedOn(ids.certificate, '2025-06-01');
  });
  afterAll(() => t.close());

  it('puts a case under a legal hold, audited, and refuses a hold without a reason', async () => {
    const refused = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/privacy/legal-holds',
      payload: { caseId: ids.held, reason: ' ' },
    });
    expect(refused.statusCode).toBe(400);
    const placed = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/privacy/legal-holds',
      payload: { caseId: ids.held, reason: 'Klagesag i Ankestyrelsen' },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(
      (
        await t.as(leader, {
          method: 'POST',
          url: '/api/v1/privacy/legal-holds',
          payload: { caseId: ids.held, reason: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const holds = (await t.as(admin, { method: 'GET', url: '/api/v1/privacy/legal-holds' })).json();
    expect(holds).toEqual([
      expect.objectContaining({
        caseId: ids.held,
        reason: 'Klagesag i Ankestyrelsen',
        setBy: expect.any(String),
      }),
    ]);
  });

  it('deletes or anonymises exactly what has expired when the clock is moved, and audits each case', async () => {
    const before = Number((await q('SELECT count(*) AS n FROM cases'))[0].n);
    const outcomes = await runRetention({ db: t.database.db }, NOW);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { serviceId: 'koerselsgodtgoerelse', action: 'anonymise', cases: 1 },
        { serviceId: 'loen-aendring', action: 'anonymise', cases: 1 },
        { serviceId: 'straffe-boerneattest', action: 'delete', cases: 1 },
      ]),
    );
    expect(outcomes).toHaveLength(3);
    const state = async (id: string) =>
      (
        await q(
          `SELECT answers, anonymised_at, subject_person_id, outcome,
      (SELECT count(*)::int FROM attachments a WHERE a.case_id = c.id) AS files,
      (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id AND e.body IS NOT NULL) AS bodies FROM cases c WHERE id = $1`,
          [id],
        )
      )[0];
    for (const gone of ['expired', 'leaver']) {
      expect(await state(ids[gone]!), gone).toMatchObject({
        answers: {},
        subject_person_id: null,
        outcome: null,
        files: 0,
        bodies: 0,
        anonymised_at: expect.anything(),
      });
    }
    expect(
      (await q('SELECT submitted_by_user_id FROM cases WHERE id = $1', [ids.expired]))[0]
        .submitted_by_user_id,
    ).toBe('system-anonymised');
    for (const kept of ['notYet', 'open', 'held', 'stayer', 'lateResolved', 'hire']) {
      const row = await state(ids[kept]!);
      expect(row.anonymised_at, kept).toBeNull();
      expect(Object.keys(row.answers).length, kept).toBeGreaterThan(0);
    }
    expect(await state(ids.certificate!)).toBeUndefined();
    expect(Number((await q('SELECT count(*) AS n FROM cases'))[0].n)).toBe(before - 1);
    const audit = await q(
      `SELECT action, entity_id FROM audit_log WHERE action LIKE 'retention.%' ORDER BY seq`,
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'retention.anonymise', entity_id: ids.expired },
        { action: 'retention.anonymise', entity_id: ids.leaver },
        { action: 'retention.delete', entity_id: ids.certificate },
      ]),
    );
    // A second run the same night finds nothing more.
    expect(await runRetention({ db: t.database.db }, NOW)).toEqual([]);
  });

  it('lets a released hold take its course at the next run', async () => {
    const [hold] = (await t.as(admin, { method: 'GET', url: '/api/v1/privacy/legal-holds' })).json();
    expect(
      (await t.as(admin, { method: 'DELETE', url: `/api/v1/privacy/legal-holds/${hold.id}` })).statusCode,
    ).toBe(200);
    expect(await runRetention({ db: t.database.db }, NOW)).toEqual([
      { serviceId: 'koerselsgodtgoerelse', action: 'anonymise', cases: 1 },
    ]);
  });

  it('deletes unattached uploads after a day, old drafts, expired sessions and old idempotency keys', async () => {
    const old = await upload(employee);
    const fresh = await upload(employee);
    const inDraft = await upload(employee);
    await t.as(employee, {
      method: 'PUT',
      url: '/api/v1/catalog/services/koerselsgodtgoerelse/draft',
      payload: { answers: { trips: [], receipt: [inDraft] } },
    });
    await q(`UPDATE attachments SET created_at = $2::timestamptz - interval '25 hours' WHERE id = $1`, [
      inDraft,
      NOW.toISOString(),
    ]);
    await q(`UPDATE attachments SET created_at = $2::timestamptz - interval '25 hours' WHERE id = $1`, [
      old,
      NOW.toISOString(),
    ]);
    await q(`UPDATE attachments SET created_at = $2::timestamptz - interval '2 hours' WHERE id = $1`, [
      fresh,
      NOW.toISOString(),
    ]);
    await t.as(employee, {
      method: 'PUT',
      url: '/api/v1/catalog/services/udlaeg/draft',
      payload: { answers: { receipts: [] } },
    });
    await q(
      `UPDATE drafts SET updated_at = $1::timestamptz - interval '91 days' WHERE service_id = 'udlaeg'`,
      [NOW.toISOString()],
    );
    await q(
      `UPDATE sessions SET expires_at = $1::timestamptz - interval '1 minute' WHERE user_id = 'demo-leder'`,
      [NOW.toISOString()],
    );
    await q(
      `INSERT INTO idempotency_keys (user_id, key, route, request_hash, status, response, created_at) VALUES ('demo-leder', 'gammel', 'POST /x', 'h', 201, '{}', $1::timestamptz - interval '25 hours')`,
      [NOW.toISOString()],
    );
    const done = await runHousekeeping({ db: t.database.db }, NOW);
    expect(done).toMatchObject({ drafts: 1, idempotencyKeys: 1 });
    expect(done.uploads).toBeGreaterThanOrEqual(1);
    expect(done.sessions).toBeGreaterThanOrEqual(1);
    expect(
      (await q('SELECT id FROM attachments WHERE id = ANY($1) ORDER BY created_at', [[old, fresh, inDraft]]))
        .map((r) => r.id)
        .sort(),
    ).toEqual([fresh, inDraft].sort());
    expect((await t.as(leader, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('exports everything about a person as JSON and PDF for the administrator only, and audits it', async () => {
    const person = await personOf('demo-medarbejder');
    // A dismissal being prepared is counted, not shown; a leader's draft holds no answers about others.
    leader = await t.login('demo-leder'); // housekeeping above ended the earlier session
    const dismissal = await submit(leader, 'fratraedelse', {
      termination: {
        person,
        type: 'dismissal',
        grounds: 'Samarbejdsvanskeligheder',
        terms: 'funktionaer',
        noticeDate: '2027-02-26',
        lastDay: '2027-06-30',
      },
    });
    await t.as(employee, {
      method: 'PUT',
      url: '/api/v1/catalog/services/udlaeg/draft',
      payload: { answers: { receipts: [{ description: 'Taxa med kollega Hansen' }] } },
    });
    // Someone reads her record: the export says who and when.
    expect((await t.as(admin, { method: 'GET', url: `/api/v1/org/persons/${person}` })).statusCode).toBe(200);
    expect(
      (await t.as(employee, { method: 'GET', url: `/api/v1/privacy/persons/${person}/export` })).statusCode,
    ).toBe(403);
    const json = await t.as(admin, { method: 'GET', url: `/api/v1/privacy/persons/${person}/export` });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain(`indsigt-${person}.json`);
    const data = json.json();
    expect(data.person).toMatchObject({ id: person, cpr: expect.stringMatching(/^\d{6}-?\d{4}$/) });
    expect(data.employments.length).toBeGreaterThan(0);
    expect(data.casesAbout.map((c: { number: string }) => c.number).length).toBeGreaterThan(0);
    expect(data.casesAbout.find((c: { answers: object }) => Object.keys(c.answers).length > 0)).toBeDefined();
    expect(data.casesAbout.map((c: { number: string }) => c.number)).not.toContain(
      (await q('SELECT number FROM cases WHERE id = $1', [dismissal]))[0].number,
    );
    expect(data.withheldCases).toBe(1);
    expect(data.drafts).toEqual(
      expect.arrayContaining([{ serviceId: 'udlaeg', updatedAt: expect.any(String) }]),
    );
    expect(data.drafts.every((d: object) => !('answers' in d))).toBe(true);
    expect(data.readsOfPersonalData).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'person.read', by: 'Systemadministrator' })]),
    );
    const pdf = await t.as(admin, { method: 'GET', url: `/api/v1/privacy/persons/${person}/export.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await q(
      `SELECT actor_user_id, details->>'format' AS format FROM audit_log WHERE action = 'person.export' AND subject_person_id = $1 ORDER BY seq`,
      [person],
    );
    expect(audit).toEqual([
      { actor_user_id: 'demo-admin', format: 'json' },
      { actor_user_id: 'demo-admin', format: 'pdf' },
    ]);
  });
});
