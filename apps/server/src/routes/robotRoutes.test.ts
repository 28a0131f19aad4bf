import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const API = '/api/robot/v1';
const TOPIC = 'boerneattest.bestil';

describe.each(targets)('robots pull work on $name', (target) => {
  let t: TestApp;
  let admin: TestClient;
  let employee: TestClient;
  const q = async <R = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await t.database.pool.query(text, values)).rows as R[];

  const createRobot = async (name: string, topics = [TOPIC]) => {
    const response = await t.as(admin, { method: 'POST', url: '/api/v1/robots', payload: { name, topics } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; token: string };
  };
  const robot = (token: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `${API}${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload ? { payload } : {}),
    });
  const addItems = async (count: number, topic = TOPIC, caseId: string | null = null) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      ids.push(id);
      await q(
        `INSERT INTO work_items (id, topic, case_id, payload, status, created_at)
         VALUES ($1, $2, $3, $4, 'waiting', now() - interval '1 hour' + $5 * interval '1 millisecond')`,
        [id, topic, caseId, JSON.stringify({ name: `Person ${i}`, seq: i }), i],
      );
    }
    return ids;
  };
  const fetchLock = async (token: string, body: object) => {
    const response = await robot(token, 'POST', '/work-items/fetch-and-lock', body);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: Array<{ id: string; attempts: number; payload: object }> }).items;
  };
  const clearTopic = (topic = TOPIC) => q(`DELETE FROM work_items WHERE topic = $1`, [topic]);

  beforeAll(async () => {
    t = await createTestApp(target);
    admin = await t.login('demo-admin');
    employee = await t.login('demo-medarbejder');
  });
  afterAll(async () => t?.close());

  it('creates a credential shown once, keeps only its SHA-256, and audits without the secret', async () => {
    const created = await createRobot('Attest-robot 1');
    const [, secret] = created.token.split('.');
    expect(secret).toHaveLength(43);
    const [row] = await q<{ secret_hash: string }>(`SELECT secret_hash FROM robots WHERE id = $1`, [
      created.id,
    ]);
    expect(row!.secret_hash).toBe(createHash('sha256').update(secret!).digest('hex'));
    const audit = await q<{ details: string }>(`SELECT details::text FROM audit_log WHERE entity_id = $1`, [
      created.id,
    ]);
    expect(audit.length).toBeGreaterThan(0);
    for (const entry of audit) expect(entry.details).not.toContain(secret);
    // The same name again while the first is active: refused, bilingual.
    const again = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/robots',
      payload: { name: 'attest-robot 1', topics: [TOPIC] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('robot_name_taken');
    expect(again.json().error.message.da).toContain('findes allerede');
  });

  it('lets only administrators manage credentials; team leads read the overview', async () => {
    const denied = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/robots',
      payload: { name: 'Snigende robot', topics: [TOPIC] },
    });
    expect(denied.statusCode).toBe(403);
    expect((await t.as(employee, { method: 'GET', url: '/api/v1/robots' })).statusCode).toBe(403);
    const lead = await t.login('demo-teamleder');
    const overview = await t.as(lead, { method: 'GET', url: '/api/v1/robots' });
    expect(overview.statusCode).toBe(200);
    expect(overview.json().mayManage).toBe(false);
    expect((await t.as(admin, { method: 'GET', url: '/api/v1/robots' })).json().mayManage).toBe(true);
    const auditor = await t.login('demo-revisor');
    expect((await t.as(auditor, { method: 'GET', url: '/api/v1/robots' })).json().mayManage).toBe(false);
  });

  it('refuses a missing, malformed, wrong or revoked credential (401) and an unscoped topic (403)', async () => {
    const { id, token } = await createRobot('Attest-robot 2');
    expect((await robot(null, 'GET', '/me')).statusCode).toBe(401);
    expect((await robot('nonsense', 'GET', '/me')).statusCode).toBe(401);
    const wrong = `${id}.${'A'.repeat(43)}`;
    const refused = await robot(wrong, 'POST', '/work-items/fetch-and-lock', { topic: TOPIC });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message.en).toContain('credential');
    const me = await robot(token, 'GET', '/me');
    expect(me.json()).toMatchObject({ id, name: 'Attest-robot 2', topics: [TOPIC] });
    const unscoped = await robot(token, 'POST', '/work-items/fetch-and-lock', { topic: 'loen.indtast' });
    expect(unscoped.statusCode).toBe(403);
    expect(unscoped.json().error.code).toBe('robot_topic_forbidden');
    // No CSRF token, no session: the bearer credential is all a robot sends.
    expect((await robot(token, 'POST', '/work-items/fetch-and-lock', { topic: TOPIC })).statusCode).toBe(200);
    expect((await t.as(admin, { method: 'POST', url: `/api/v1/robots/${id}/revoke` })).statusCode).toBe(200);
    expect((await t.as(admin, { method: 'POST', url: `/api/v1/robots/${id}/revoke` })).statusCode).toBe(200);
    expect((await robot(token, 'GET', '/me')).statusCode).toBe(401);
    const audit = await q<{ action: string; details: { why?: string; by: string } }>(
      `SELECT action, details FROM audit_log WHERE entity_id = $1 AND action = 'robot.refused' ORDER BY seq`,
      [id],
    );
    expect(audit.map((a) => a.details.why)).toEqual(['wrong_secret', 'revoked']);
    expect(audit[0]!.details.by).toBe('robot:Attest-robot 2');
    const [contact] = await q<{ last_contact_at: Date | null }>(
      `SELECT last_contact_at FROM robots WHERE id = $1`,
      [id],
    );
    expect(contact!.last_contact_at).not.toBeNull();
  });

  it('answers bad input with 400, never 500', async () => {
    const { token } = await createRobot('Attest-robot 3');
    const bad: Array<[string, unknown]> = [
      ['/work-items/fetch-and-lock', { topic: TOPIC, maxItems: 0 }],
      ['/work-items/fetch-and-lock', { topic: 'Not A Topic' }],
      ['/work-items/fetch-and-lock', { topic: TOPIC, leaseSeconds: 1e9 }],
      ['/work-items/fetch-and-lock', [1, 2]],
      ['/work-items/abc/complete', { output: 'text' }],
      ['/work-items/abc/fail', { reason: '' }],
      ['/work-items/abc/fail', { reason: 'x', retry: 'never' }],
      ['/work-items/abc/extend-lease', { leaseSeconds: 'long' }],
      ['/work-items/abc/business-error', {}],
    ];
    for (const [url, payload] of bad) {
      const response = await t.app.inject({
        method: 'POST',
        url: `${API}${url}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
      expect(response.statusCode, `${url} ${response.body}`).toBe(400);
      expect(response.json().error.message.da).toBeTruthy();
    }
    const overlong = await robot(token, 'POST', `/work-items/${'x'.repeat(500)}/complete`, {});
    expect(overlong.statusCode).toBe(414);
    expect(overlong.json().error.message.da).toBeTruthy();
    const unknown = await robot(token, 'POST', `/work-items/${randomUUID()}/complete`, {});
    expect(unknown.statusCode).toBe(404);
  });

  it('completes an item once: completing twice is no error and changes nothing', async () => {
    await clearTopic();
    const { token } = await createRobot('Attest-robot 4');
    const [itemId] = await addItems(1);
    const [item] = await fetchLock(token, { topic: TOPIC, maxItems: 5 });
    expect(item).toMatchObject({ id: itemId, attempts: 1, payload: { name: 'Person 0', seq: 0 } });
    const first = await robot(token, 'POST', `/work-items/${itemId}/complete`, {
      output: { orderReference: 'A-1' },
    });
    expect(first.json()).toMatchObject({ outcome: 'done', replayed: false });
    const second = await robot(token, 'POST', `/work-items/${itemId}/complete`, {
      output: { orderReference: 'B-2' },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ outcome: 'done', replayed: true });
    const [row] = await q<{ status: string; output: object }>(
      `SELECT status, output FROM work_items WHERE id = $1`,
      [itemId],
    );
    expect(row).toEqual({ status: 'done', output: { orderReference: 'A-1' } });
    // The audit trail names the robot as the one who did it, and the item by its topic.
    const trail = await t.as(admin, { method: 'GET', url: '/api/v1/audit?action=robot.complete&limit=10' });
    expect(trail.statusCode, trail.body).toBe(200);
    expect(trail.json()).toContainEqual(
      expect.objectContaining({ entityId: itemId, actorName: 'robot:Attest-robot 4', entityLabel: TOPIC }),
    );
    const completes = await q(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'robot.complete'`, [
      itemId,
    ]);
    expect(completes).toHaveLength(1);
    // A done item is not offered again; a business error on it now is a conflict.
    expect(await fetchLock(token, { topic: TOPIC })).toEqual([]);
    const late = await robot(token, 'POST', `/work-items/${itemId}/business-error`, { reason: 'x' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('work_item_finished');
  });

  it('offers an item again when its lease passes; the first robot then gets 409', async () => {
    await clearTopic();
    const a = await createRobot('Attest-robot 5a');
    const b = await createRobot('Attest-robot 5b');
    const [itemId] = await addItems(1);
    expect((await fetchLock(a.token, { topic: TOPIC, leaseSeconds: 10 })).map((i) => i.id)).toEqual([itemId]);
    expect(await fetchLock(b.token, { topic: TOPIC })).toEqual([]);
    const extended = await robot(a.token, 'POST', `/work-items/${itemId}/extend-lease`, { leaseSeconds: 60 });
    expect(extended.statusCode).toBe(200);
    expect(Date.parse(extended.json().lockedUntil)).toBeGreaterThan(Date.now() + 50_000);
    // The lease passes (as if robot A had stalled).
    await q(`UPDATE work_items SET locked_until = now() - interval '1 second' WHERE id = $1`, [itemId]);
    const retaken = await fetchLock(b.token, { topic: TOPIC });
    expect(retaken.map((i) => [i.id, i.attempts])).toEqual([[itemId, 2]]);
    const late = await robot(a.token, 'POST', `/work-items/${itemId}/complete`, {
      output: { orderReference: 'A' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('work_item_locked_by_another');
    expect(late.json().error.message.da).toContain('anden robot');
    expect(
      (await robot(a.token, 'POST', `/work-items/${itemId}/extend-lease`, { leaseSeconds: 60 })).statusCode,
    ).toBe(409);
    expect(
      (
        await robot(b.token, 'POST', `/work-items/${itemId}/complete`, { output: { orderReference: 'B' } })
      ).json(),
    ).toMatchObject({ outcome: 'done', replayed: false });
    // After B finished it, A's completion is still refused: A's work never counts.
    expect((await robot(a.token, 'POST', `/work-items/${itemId}/complete`, {})).statusCode).toBe(409);
  });

  it('retries a failed item later, with back-off, and then offers it again', async () => {
    await clearTopic();
    const { token } = await createRobot('Attest-robot 6');
    const [itemId] = await addItems(1);
    await fetchLock(token, { topic: TOPIC });
    const failed = await robot(token, 'POST', `/work-items/${itemId}/fail`, {
      reason: 'Politiets system svarede ikke',
      retry: 'later',
    });
    expect(failed.json()).toMatchObject({ outcome: 'retry', replayed: false });
    const retryAt = Date.parse(failed.json().retryAt);
    expect(retryAt).toBeGreaterThan(Date.now() + 50_000);
    expect(retryAt).toBeLessThan(Date.now() + 70_000);
    // The same report again (a retry after a lost answer): nothing changes.
    const again = await robot(token, 'POST', `/work-items/${itemId}/fail`, {
      reason: 'Politiets system svarede ikke',
      retry: 'later',
    });
    expect(again.json()).toMatchObject({ outcome: 'retry', replayed: true, retryAt: failed.json().retryAt });
    expect(await fetchLock(token, { topic: TOPIC })).toEqual([]);
    await q(`UPDATE work_items SET retry_at = now() - interval '1 second' WHERE id = $1`, [itemId]);
    const offered = await fetchLock(token, { topic: TOPIC });
    expect(offered.map((i) => [i.id, i.attempts])).toEqual([[itemId, 2]]);
    // The second failure waits twice as long.
    const second = await robot(token, 'POST', `/work-items/${itemId}/fail`, { reason: 'Igen ingen svar' });
    expect(Date.parse(second.json().retryAt)).toBeGreaterThan(Date.now() + 110_000);
  });

  it('hands the case to a person when the robot fails it that way, and after the last attempt', async () => {
    await clearTopic();
    const { token } = await createRobot('Attest-robot 7');
    const submitted = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'koerselsgodtgoerelse',
        answers: {
          trips: [{ date: '2026-11-04', from: 'Skolen', to: 'Rådhuset', km: '7', purpose: 'Møde' }],
        },
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const caseId = submitted.json().id as string;
    const [itemId] = await addItems(1, TOPIC, caseId);
    await fetchLock(token, { topic: TOPIC });
    const failed = await robot(token, 'POST', `/work-items/${itemId}/fail`, {
      reason: 'Personen findes ikke i CPR',
      retry: 'person',
    });
    expect(failed.json()).toMatchObject({ outcome: 'failed', replayed: false });
    const [kase] = await q<{ automation: string; automation_reason: string; status: string }>(
      `SELECT automation, automation_reason, status FROM cases WHERE id = $1`,
      [caseId],
    );
    expect(kase).toMatchObject({ automation: 'failed', status: 'submitted' });
    expect(kase!.automation_reason).toContain('Personen findes ikke i CPR');
    expect(kase!.automation_reason).toContain('Attest-robot 7');
    const events = await q(`SELECT 1 FROM case_events WHERE case_id = $1 AND type = 'automation'`, [caseId]);
    expect(events).toHaveLength(1);
    const audit = await q<{ subject_person_id: string | null }>(
      `SELECT subject_person_id FROM audit_log WHERE entity_id = $1 AND action = 'robot.fail'`,
      [itemId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subject_person_id).not.toBeNull();
    // The fifth failure of an item to be retried goes to a person as well.
    const [tired] = await addItems(1);
    await q(`UPDATE work_items SET attempts = 4 WHERE id = $1`, [tired]);
    await fetchLock(token, { topic: TOPIC });
    const fifth = await robot(token, 'POST', `/work-items/${tired}/fail`, {
      reason: 'Timeout',
      retry: 'later',
    });
    expect(fifth.json()).toMatchObject({ outcome: 'failed' });
    const [row] = await q<{ status: string }>(`SELECT status FROM work_items WHERE id = $1`, [tired]);
    expect(row!.status).toBe('failed');
  });

  it('records a business error with its output', async () => {
    await clearTopic();
    const { token } = await createRobot('Attest-robot 8');
    const [itemId] = await addItems(1);
    await fetchLock(token, { topic: TOPIC });
    const reported = await robot(token, 'POST', `/work-items/${itemId}/business-error`, {
      reason: 'Børneattesten har anmærkninger',
      output: { certificateReference: 'BA-1' },
    });
    expect(reported.json()).toMatchObject({ outcome: 'business_error', replayed: false });
    const again = await robot(token, 'POST', `/work-items/${itemId}/business-error`, {
      reason: 'Børneattesten har anmærkninger',
    });
    expect(again.json()).toMatchObject({ outcome: 'business_error', replayed: true });
    const [row] = await q(`SELECT status, error, output FROM work_items WHERE id = $1`, [itemId]);
    expect(row).toEqual({
      status: 'business_error',
      error: 'Børneattesten har anmærkninger',
      output: { certificateReference: 'BA-1' },
    });
    const overview = await t.as(admin, { method: 'GET', url: '/api/v1/robots' });
    expect(overview.json().topics.find((c: { topic: string }) => c.topic === TOPIC)).toMatchObject({
      businessError: 1,
      done: 0,
    });
  });

  it('never gives two robots fetching at once the same item', async () => {
    await clearTopic();
    const robots = [
      await createRobot('Samtidig 1'),
      await createRobot('Samtidig 2'),
      await createRobot('Samtidig 3'),
    ];
    const ids = await addItems(60);
    const got: string[] = [];
    for (let round = 0; round < 4; round++) {
      const batches = await Promise.all(
        robots.flatMap((r) => [
          fetchLock(r.token, { topic: TOPIC, maxItems: 4 }),
          fetchLock(r.token, { topic: TOPIC, maxItems: 3 }),
        ]),
      );
      for (const batch of batches) got.push(...batch.map((i) => i.id));
    }
    expect(new Set(got).size).toBe(got.length);
    expect(got.length).toBe(60);
    expect(got.every((id) => ids.includes(id))).toBe(true);
    const [{ locked }] = (await q(
      `SELECT count(*)::int AS locked FROM work_items WHERE status = 'locked'`,
    )) as [{ locked: number }];
    expect(locked).toBe(60);
  });

  it('documents the robot API with its bearer scheme and examples', async () => {
    type Media = { example?: unknown; examples?: unknown; schema: { examples?: unknown[] } };
    type Operation = {
      security: unknown;
      responses: Record<string, { content: Record<string, Media> }>;
      requestBody?: { content: Record<string, Media> };
    };
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, Operation>>;
    }>();
    expect(doc.components.securitySchemes.robot).toMatchObject({ type: 'http', scheme: 'bearer' });
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith(API));
    expect(paths.length).toBe(6);
    for (const path of paths)
      for (const operation of Object.values(doc.paths[path]!)) {
        expect(operation.security).toEqual([{ robot: [] }]);
        const answer = operation.responses['200']!.content['application/json']!;
        // OpenAPI 3.1: the answer's schema carries JSON Schema `examples`.
        expect(answer.example ?? answer.schema.examples?.[0], `${path} answer example`).toBeTruthy();
        if (operation.requestBody) {
          const body = operation.requestBody.content['application/json']!;
          expect(body.example ?? body.examples, `${path} request example`).toBeTruthy();
        }
      }
  });
});
