import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import type { TJobsOverview } from '@indgang/schemas';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();

describe.each(targets)('the operations page for jobs on $name', (target) => {
  let t: TestApp;
  let admin: TestClient;
  let caseworker: TestClient;
  let caseId: string;
  let caseNumber: string;
  let dead: string;
  let failing: string;
  const q = <R>(text: string, values: unknown[] = []) =>
    t.database.pool.query(text, values).then((r) => r.rows as R[]);

  beforeAll(async () => {
    t = await createTestApp(target);
    admin = await t.login('demo-admin');
    caseworker = await t.login('demo-sagsbehandler-loen');
    const [c] = await q<{ id: string; number: string }>(
      `INSERT INTO cases (id, number, service_id, service_version, unit_id, submitted_by_user_id, status, team_id, answers, submitted_at, due_date)
       SELECT 'job-case', 'S-2026-99999', 'km', 1, (SELECT id FROM org_units LIMIT 1), 'demo-admin', 'submitted', 'team', '{}', now(), '2026-12-31'
       RETURNING id, number`,
    );
    caseId = c!.id;
    caseNumber = c!.number;
    dead = (
      await q<{ id: string }>(
        `INSERT INTO jobs (kind, payload, case_id, attempts, max_attempts, dead_at, last_error)
       VALUES ('mail.case', '{"caseId":"job-case","kind":"message"}', 'job-case', 5, 5, now(), 'Error: SMTP 554 mailbox unavailable') RETURNING id::text`,
      )
    )[0]!.id;
    failing = (
      await q<{ id: string }>(
        `INSERT INTO jobs (kind, payload, attempts, run_at, last_error)
       VALUES ('mail.case', '{"caseId":"job-case","kind":"receipt"}', 2, now() + interval '1 hour', 'Error: timed out') RETURNING id::text`,
      )
    )[0]!.id;
  }, 120_000);
  afterAll(() => t.close());

  const overview = async () => {
    const response = await t.as(admin, { method: 'GET', url: '/api/v1/jobs' });
    expect(response.statusCode).toBe(200);
    return response.json<TJobsOverview>();
  };

  it('shows dead and failing jobs with their case, error and attempts, counts by kind, and the schedules', async () => {
    const view = await overview();
    const deadJob = view.problems.find((p) => p.id === dead)!;
    expect(deadJob).toMatchObject({
      state: 'dead',
      title: { da: 'Mail til ansøgeren', en: 'Mail to the applicant' },
      caseId,
      caseNumber,
      error: 'Error: SMTP 554 mailbox unavailable',
      attempts: 5,
      maxAttempts: 5,
    });
    expect(view.problems.find((p) => p.id === failing)).toMatchObject({ state: 'failing', attempts: 2 });
    expect(view.counts.find((c) => c.kind === 'mail.case')).toMatchObject({ dead: 1, failing: 1 });
    expect(view.recurring.map((r) => r.name)).toEqual(['housekeeping', 'escalation', 'retention']);
  });

  it('lets only an administrator see or change jobs', async () => {
    expect((await t.as(caseworker, { method: 'GET', url: '/api/v1/jobs' })).statusCode).toBe(403);
    const refused = await t.as(caseworker, { method: 'POST', url: `/api/v1/jobs/${dead}/retry` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatchObject({ da: expect.any(String), en: expect.any(String) });
    expect((await t.as(caseworker, { method: 'POST', url: `/api/v1/jobs/${dead}/discard` })).statusCode).toBe(
      403,
    );
    expect(
      (await q<{ dead: boolean }>(`SELECT dead_at IS NOT NULL AS dead FROM jobs WHERE id = $1`, [dead]))[0]!
        .dead,
    ).toBe(true);
  });

  it('answers 404 for no such job, whatever the id looks like', async () => {
    for (const id of ['999999', 'not-a-number', '1e9', '-1']) {
      const response = await t.as(admin, { method: 'POST', url: `/api/v1/jobs/${id}/retry` });
      expect(response.statusCode, id).toBe(404);
    }
  });

  it('discards a dead job (kept as history, audited), and refuses to discard one that is not dead', async () => {
    const notDead = await t.as(admin, { method: 'POST', url: `/api/v1/jobs/${failing}/discard` });
    expect(notDead.statusCode).toBe(409);
    expect(notDead.json().error.message.en).toContain('Only a job that was given up');
    const [extra] = await q<{ id: string }>(
      `INSERT INTO jobs (kind, payload, attempts, max_attempts, dead_at, last_error)
       VALUES ('mail.case', '{"caseId":"job-case","kind":"resolved"}', 5, 5, now(), 'Error: gone') RETURNING id::text`,
    );
    const discarded = await t.as(admin, { method: 'POST', url: `/api/v1/jobs/${extra!.id}/discard` });
    expect(discarded.statusCode).toBe(200);
    expect((await overview()).problems.some((p) => p.id === extra!.id)).toBe(false);
    expect(
      await q(`SELECT 1 FROM jobs WHERE id = $1 AND discarded_at IS NOT NULL`, [extra!.id]),
    ).toHaveLength(1);
    expect((await overview()).counts.find((c) => c.kind === 'mail.case')!.discarded).toBe(1);
    const audit = await q<{ actor_user_id: string }>(
      `SELECT actor_user_id FROM audit_log WHERE action = 'job.discard' AND entity_id = $1`,
      [extra!.id],
    );
    expect(audit).toEqual([{ actor_user_id: 'demo-admin' }]);
    const again = await t.as(admin, { method: 'POST', url: `/api/v1/jobs/${extra!.id}/retry` });
    expect(again.statusCode).toBe(409);
  });

  it('retries a dead job with all its attempts, and a failing one at once; the worker then runs them', async () => {
    expect((await t.as(admin, { method: 'POST', url: `/api/v1/jobs/${dead}/retry` })).statusCode).toBe(200);
    expect((await t.as(admin, { method: 'POST', url: `/api/v1/jobs/${failing}/retry` })).statusCode).toBe(
      200,
    );
    const rows = await q<{ id: string; attempts: number; dead: boolean; due: boolean }>(
      `SELECT id::text, attempts, dead_at IS NOT NULL AS dead, run_at <= now() AS due FROM jobs WHERE id IN ($1, $2) ORDER BY id`,
      [dead, failing],
    );
    expect(rows).toEqual([
      { id: dead, attempts: 0, dead: false, due: true },
      { id: failing, attempts: 2, dead: false, due: true },
    ]);
    expect(
      await q(`SELECT 1 FROM audit_log WHERE action = 'job.retry' AND entity_id IN ($1, $2)`, [
        dead,
        failing,
      ]),
    ).toHaveLength(2);
    expect(await t.runJobs()).toBeGreaterThanOrEqual(2);
    const view = await overview();
    expect(view.problems.some((p) => p.id === dead || p.id === failing)).toBe(false);
  });

  it('is in the API reference', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/jobs', '/api/v1/jobs/{id}/retry', '/api/v1/jobs/{id}/discard']),
    );
  });
});
