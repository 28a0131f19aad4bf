import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const mileage = (purpose: string) => ({
  serviceId: 'koerselsgodtgoerelse',
  // Each purpose is its own trip (another destination), so the duplicate check lets them through.
  answers: {
    trips: [{ date: '2026-11-02', from: 'Skolen', to: `Rådhuset, ${purpose}`, km: '12,5', purpose }],
  },
});

describe.each(targets)('Idempotency-Key on $name', (target) => {
  let t: TestApp;
  let employee: TestClient;
  let leader: TestClient;
  let caseworker: TestClient;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.database.pool.query(sql, params)).rows[0].n);
  const submit = (client: TestClient, key: string, body: object) =>
    t.as(client, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: body,
      headers: { 'idempotency-key': key },
    });

  beforeAll(async () => {
    t = await createTestApp(target);
    employee = await t.login('demo-medarbejder');
    leader = await t.login('demo-leder');
    caseworker = await t.login('demo-sagsbehandler-loen');
  });
  afterAll(() => t.close());

  it('stores a resubmitted case once and answers the repeat with the first result', async () => {
    const key = randomUUID();
    const before = await count('SELECT count(*) AS n FROM cases');
    const first = await submit(employee, key, mileage('Møde'));
    const again = await submit(employee, key, mileage('Møde'));
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('SELECT count(*) AS n FROM cases')).toBe(before + 1);
    expect(
      await count("SELECT count(*) AS n FROM audit_log WHERE action = 'case.submit' AND entity_id = $1", [
        first.json().id,
      ]),
    ).toBe(1);
  });

  it('stores one case when the same key arrives many times at once', async () => {
    const key = randomUUID();
    const before = await count('SELECT count(*) AS n FROM cases');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => submit(employee, key, mileage('Samtidig'))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await count('SELECT count(*) AS n FROM cases')).toBe(before + 1);
  });

  it('refuses a key reused for another request, and keeps keys apart per user', async () => {
    const key = randomUUID();
    expect((await submit(employee, key, mileage('Første'))).statusCode).toBe(201);
    const reused = await submit(employee, key, mileage('Anden'));
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
    expect(reused.json().error.message.da).toMatch(/Idempotency-Key/);
    const bad = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: mileage('x'),
      headers: { 'idempotency-key': 'mellem rum' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('idempotency_key_invalid');
  });

  it('does not remember a create that failed, so the corrected retry is stored', async () => {
    const key = randomUUID();
    const invalid = await submit(employee, key, {
      serviceId: 'koerselsgodtgoerelse',
      answers: { trips: [] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(await count('SELECT count(*) AS n FROM idempotency_keys WHERE key = $1', [key])).toBe(0);
  });

  it("writes a caseworker's note, a portal message and a delegation once per key", async () => {
    const created = await submit(employee, randomUUID(), mileage('Noter'));
    const caseId = created.json().id as string;
    const noteKey = randomUUID();
    for (let i = 0; i < 2; i += 1) {
      const note = await t.as(caseworker, {
        method: 'POST',
        url: `/api/v1/backoffice/cases/${caseId}/notes`,
        payload: { body: 'Ringet op' },
        headers: { 'idempotency-key': noteKey },
      });
      expect(note.statusCode).toBe(200);
    }
    expect(
      await count("SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND type = 'note'", [caseId]),
    ).toBe(1);
    const messageKey = randomUUID();
    for (let i = 0; i < 2; i += 1) {
      expect(
        (
          await t.as(employee, {
            method: 'POST',
            url: `/api/v1/cases/${caseId}/messages`,
            payload: { body: 'Kvittering følger', attachmentIds: [] },
            headers: { 'idempotency-key': messageKey },
          })
        ).statusCode,
      ).toBe(200);
    }
    expect(
      await count(
        "SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND type = 'message_from_submitter'",
        [caseId],
      ),
    ).toBe(1);
    const delegationKey = randomUUID();
    const delegation = {
      toPersonId: (
        await t.database.pool.query("SELECT person_id FROM users WHERE id = 'demo-stedfortraeder'")
      ).rows[0].person_id,
      unitId: 'buf-001',
      validFrom: '2026-12-01',
      validTo: '2026-12-24',
    };
    const ids = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await t.as(leader, {
        method: 'POST',
        url: '/api/v1/delegations',
        payload: delegation,
        headers: { 'idempotency-key': delegationKey },
      });
      expect(response.statusCode).toBe(201);
      ids.push(response.json().id);
    }
    expect(ids[0]).toBe(ids[1]);
    expect(await count('SELECT count(*) AS n FROM delegations WHERE id = $1', [ids[0]])).toBe(1);
  });
});
