import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import type { TConnectorsOverview } from '@indgang/schemas';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();

describe.each(targets)("the operations page for the municipality's systems on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let caseworker: TestClient;
  const q = <R>(text: string, values: unknown[] = []) =>
    t.database.pool.query(text, values).then((r) => r.rows as R[]);

  beforeAll(async () => {
    t = await createTestApp(target);
    admin = await t.login('demo-admin');
    caseworker = await t.login('demo-sagsbehandler-loen');
    await q(`INSERT INTO connector_calls (connector, operation, call_key, outcome, duration_ms, at) VALUES
      ('payroll', 'payAllowance', 'step-1', 'ok', 120, now() - interval '2 hours'),
      ('payroll', 'changeEmployment', 'step-2', 'refused', 80, now() - interval '1 hour'),
      ('payroll', 'payAllowance', 'step-3', 'ok', 95, now() - interval '3 hours')`);
    await q(`UPDATE connector_calls SET error_code = 'ugyldig_dato', error_text = 'Ændringsdato ligger før ansættelsesdato'
      WHERE call_key = 'step-2'`);
    await q(`INSERT INTO jobs (kind, payload, connector, attempts, max_attempts, dead_at, last_error)
      VALUES ('connector.lookup', '{"lookupId":"${randomUUID()}"}', 'payroll', 3, 3, now(), 'Error: timeout')`);
    await q(`INSERT INTO jobs (kind, payload, connector, attempts, max_attempts, run_at, last_error)
      VALUES ('connector.lookup', '{"lookupId":"${randomUUID()}"}', 'payroll', 1, 3, now() + interval '1 hour', 'Error: 503')`);
  }, 120_000);
  afterAll(() => t.close());

  it("shows each system's mode, last success, last error in the system's words, and its queue", async () => {
    const response = await t.as(admin, { method: 'GET', url: '/api/v1/connectors' });
    expect(response.statusCode).toBe(200);
    const { connectors } = response.json<TConnectorsOverview>();
    expect(connectors.map((c) => c.name)).toEqual([
      'payroll',
      'esdh',
      'cpr',
      'digitalPost',
      'identity',
      'mail',
    ]);
    const payroll = connectors.find((c) => c.name === 'payroll')!;
    const [latestOk] = await q<{ at: Date }>(
      `SELECT max(at) AS at FROM connector_calls WHERE connector = 'payroll' AND outcome = 'ok'`,
    );
    expect(payroll).toMatchObject({
      title: { da: expect.any(String), en: expect.any(String) },
      lastSuccessAt: latestOk!.at.toISOString(),
      lastError: {
        operation: 'changeEmployment',
        outcome: 'refused',
        text: 'Ændringsdato ligger før ansættelsesdato',
      },
      callsLastDay: 3,
      failedLastDay: 1,
      queue: { waiting: 0, failing: 1, dead: 1 },
    });
    expect(connectors.find((c) => c.name === 'esdh')).toMatchObject({
      lastSuccessAt: null,
      lastError: null,
      queue: { waiting: 0, failing: 0, dead: 0 },
    });
  });

  it('is for those who manage jobs only', async () => {
    expect((await t.as(caseworker, { method: 'GET', url: '/api/v1/connectors' })).statusCode).toBe(403);
    const retry = await t.as(caseworker, { method: 'POST', url: '/api/v1/connectors/payroll/retry' });
    expect(retry.statusCode).toBe(403);
  });

  it("retries every failed and given-up job of a system at once, audited, and leaves other systems' alone", async () => {
    const unknown = await t.as(admin, { method: 'POST', url: '/api/v1/connectors/oracle/retry' });
    expect(unknown.statusCode).toBe(400);
    const response = await t.as(admin, { method: 'POST', url: '/api/v1/connectors/payroll/retry' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ retried: 2 });
    // Both are due now (the worker may already have run them: their lookups are gone, so they end).
    const jobs = await q<{ deadAt: Date | null; due: boolean }>(
      `SELECT dead_at AS "deadAt", run_at <= now() AS due FROM jobs WHERE connector = 'payroll' ORDER BY id`,
    );
    expect(jobs).toEqual([
      { deadAt: null, due: true },
      { deadAt: null, due: true },
    ]);
    const [audit] = await q<{ details: unknown }>(
      `SELECT details FROM audit_log WHERE action = 'connector.retry' AND entity_id = 'payroll'`,
    );
    expect(audit!.details).toEqual({ jobs: 2 });
    const again = await t.as(admin, { method: 'POST', url: '/api/v1/connectors/esdh/retry' });
    expect(again.json()).toEqual({ retried: 0 });
  });

  it('refuses a lookup it does not know, or one without input, in both languages', async () => {
    const unknown = await t.as(caseworker, {
      method: 'POST',
      url: '/api/v1/lookups',
      payload: { name: 'cpr.everything', input: {} },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatchObject({ da: expect.any(String), en: expect.any(String) });
    const noInput = await t.as(caseworker, {
      method: 'POST',
      url: '/api/v1/lookups',
      payload: { name: 'cpr.person' },
    });
    expect(noInput.statusCode).toBe(400);
  });

  it("answers 404 for a lookup that is not the asker's, and 400 for an id that is no lookup id", async () => {
    const [user] = await q<{ id: string }>(`SELECT id FROM users WHERE id = 'demo-admin'`);
    const id = randomUUID();
    await q(
      `INSERT INTO connector_lookups (id, user_id, operation, input, status, result) VALUES ($1, $2, 'cpr.person', '{}', 'done', '{"name":"x"}')`,
      [id, user!.id],
    );
    const other = await t.as(caseworker, { method: 'GET', url: `/api/v1/lookups/${id}` });
    expect(other.statusCode).toBe(404);
    const own = await t.as(admin, { method: 'GET', url: `/api/v1/lookups/${id}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({
      id,
      name: 'cpr.person',
      status: 'done',
      result: { name: 'x' },
      error: null,
    });
    const bad = await t.as(admin, { method: 'GET', url: '/api/v1/lookups/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    await q(`UPDATE connector_lookups SET created_at = now() - interval '16 minutes' WHERE id = $1`, [id]);
    expect((await t.as(admin, { method: 'GET', url: `/api/v1/lookups/${id}` })).statusCode).toBe(404);
  });
});
