import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { testDatabaseTargets, type TestDatabase } from '@indgang/db';
import { WorkCalendar } from '../calendar/WorkCalendar';
import { connectorsOff } from '../connectors/connectorsOff';
import { appendCaseEvent } from '../cases/appendCaseEvent';
import { defineJobKind, type JobServices } from './defineJobKind';
import { enqueueJob } from './enqueueJob';
import { nextRunAt, scheduleRecurringJobs } from './recurringJobs';
import { runJobs } from './runJobs';

const targets = await testDatabaseTargets();

describe('the next run of a recurring job', () => {
  it('counts minutes from the last run', () => {
    expect(nextRunAt({ everyMinutes: 15 }, new Date('2026-05-01T10:00:00Z')).toISOString()).toBe(
      '2026-05-01T10:15:00.000Z',
    );
  });
  it('is the next 02:00 in Denmark, winter and summer', () => {
    const at = (s: string) => nextRunAt({ dailyAt: '02:00' }, new Date(s)).toISOString();
    expect(at('2026-01-10T03:00:00Z')).toBe('2026-01-11T01:00:00.000Z');
    expect(at('2026-01-10T00:30:00Z')).toBe('2026-01-10T01:00:00.000Z');
    expect(at('2026-07-01T00:30:00Z')).toBe('2026-07-02T00:00:00.000Z');
    // 01:00 in Denmark on 2 July is still the evening of 1 July in UTC.
    expect(at('2026-07-01T23:00:00Z')).toBe('2026-07-02T00:00:00.000Z');
  });
});

describe.each(targets)('the job engine on $name', (target) => {
  let t: TestDatabase;
  const q = <R = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    t.database.pool.query(text, values).then((r) => r.rows as R[]);
  const logged: string[] = [];
  let services: JobServices;
  let gate: { open: () => void; wait: Promise<void> };
  const newGate = () => {
    let open = () => undefined as void;
    const wait = new Promise<void>((resolve) => {
      open = resolve;
    });
    return { open, wait };
  };
  const calls: Array<{ kind: string; id: string; attempt: number }> = [];
  let deadCalls = 0;

  const kinds = [
    defineJobKind({
      name: 'test.slow',
      payload: z.object({}),
      timeoutMs: 100,
      backoffSeconds: () => 3600,
      async run(_s, _p, ctx) {
        calls.push({ kind: 'test.slow', id: ctx.jobId, attempt: ctx.attempt });
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
      },
    }),
    defineJobKind({
      name: 'test.failing',
      title: { da: 'Lønindberetningen', en: 'The payroll report' },
      payload: z.object({ n: z.number() }),
      backoffSeconds: () => 3600,
      async run(_s, _p, ctx) {
        calls.push({ kind: 'test.failing', id: ctx.jobId, attempt: ctx.attempt });
        throw new Error('the payroll system answered 503');
      },
      async onDead() {
        deadCalls += 1;
      },
    }),
    defineJobKind({
      name: 'test.note',
      payload: z.object({ caseId: z.string(), text: z.string(), fail: z.boolean().optional() }),
      backoffSeconds: () => 3600,
      async run(_s, payload, ctx) {
        calls.push({ kind: 'test.note', id: ctx.jobId, attempt: ctx.attempt });
        if (payload.text === 'wait') await gate.wait;
        await ctx.transaction(async (tx) => {
          await appendCaseEvent(tx, {
            caseId: payload.caseId,
            actorUserId: null,
            type: 'note',
            body: payload.text,
          });
          if (payload.fail) throw new Error('failed after writing');
        });
      },
    }),
    defineJobKind({
      name: 'test.long',
      payload: z.object({ ms: z.number() }),
      async run(_s, payload, ctx) {
        calls.push({ kind: 'test.long', id: ctx.jobId, attempt: ctx.attempt });
        await new Promise((resolve) => setTimeout(resolve, payload.ms));
      },
    }),
    defineJobKind({
      name: 'test.record',
      payload: z.object({}),
      async run(s, _p, ctx) {
        await s.db.execute(sql`INSERT INTO test_job_runs (job_id) VALUES (${ctx.jobId})`);
      },
    }),
  ];
  const run = (options: Parameters<typeof runJobs>[1] = {}) =>
    runJobs(services, { extraKinds: kinds, ...options });
  const insertJob = async (kind: string, payload: object, extra: Record<string, unknown> = {}) => {
    const columns = ['kind', 'payload', ...Object.keys(extra)];
    const values = [kind, JSON.stringify(payload), ...Object.values(extra)];
    const [row] = await q<{ id: string }>(
      `INSERT INTO jobs (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id::text`,
      values,
    );
    return row!.id;
  };
  const job = async (id: string) =>
    (
      await q<{
        attempts: number;
        done: boolean;
        dead: boolean;
        last_error: string | null;
        locked_by: string | null;
      }>(
        `SELECT attempts, done_at IS NOT NULL AS done, dead_at IS NOT NULL AS dead, last_error, locked_by FROM jobs WHERE id = $1`,
        [id],
      )
    )[0]!;

  beforeAll(async () => {
    t = await target.create();
    await q(
      `INSERT INTO org_units (id, path, kind, name, administration_id) VALUES ('buf', '/buf/', 'administration', 'BUF', 'buf')`,
    );
    await q(`INSERT INTO users (id, display_name) VALUES ('leder', 'Leder')`);
    for (const id of ['c1', 'c2', 'c3'])
      await q(
        `INSERT INTO cases (id, number, service_id, service_version, unit_id, submitted_by_user_id, status, team_id, answers, submitted_at, due_date, automation)
         VALUES ($1, $1, 'km', 1, 'buf', 'leder', 'automated', 'team', '{}', now(), '2026-12-31', 'automated')`,
        [id],
      );
    await q(
      `CREATE TABLE test_job_runs (job_id bigint NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    services = {
      db: t.database.db,
      calendar: new WorkCalendar({ holidays: [] } as never),
      mailer: { send: async () => undefined },
      connectors: connectorsOff(),
      publicUrl: 'http://indgang.test',
      log: (msg) => void logged.push(msg),
    };
  }, 60_000);
  afterAll(() => t.drop());
  beforeEach(async () => {
    calls.length = 0;
    await q(`DELETE FROM jobs`);
    gate = newGate();
  });

  it('aborts an attempt that takes longer than its kind allows and counts it as failed', async () => {
    const id = await insertJob('test.slow', {});
    expect(await run({ workerId: 'w1' })).toBe(1);
    const row = await job(id);
    expect(row).toMatchObject({ attempts: 1, done: false, dead: false, locked_by: 'w1' });
    expect(row.last_error).toContain('timed out after 0.1 s');
  });

  it('marks a job dead after its last attempt and hands its case to a person in plain words', async () => {
    const id = await insertJob('test.failing', { n: 1 }, { max_attempts: 2, case_id: 'c1' });
    await run();
    expect(await job(id)).toMatchObject({ attempts: 1, dead: false });
    expect(await run()).toBe(0); // waiting out its back-off
    await q(`UPDATE jobs SET run_at = now()`);
    await run();
    expect(await job(id)).toMatchObject({ attempts: 2, dead: true, done: false });
    expect(deadCalls).toBe(1);
    const [c] = await q<{ status: string; automation: string; automation_reason: string }>(
      `SELECT status, automation, automation_reason FROM cases WHERE id = 'c1'`,
    );
    expect(c).toEqual({
      status: 'submitted',
      automation: 'failed',
      automation_reason: 'Lønindberetningen lykkedes ikke efter 2 forsøg: the payroll system answered 503',
    });
    const events = await q<{ body: string }>(
      `SELECT body FROM case_events WHERE case_id = 'c1' AND type = 'automation'`,
    );
    expect(events).toHaveLength(1);
    // A dead job is not run again.
    expect(await run()).toBe(0);
  });

  it('marks each job of a batch done as it finishes, with what its transaction wrote', async () => {
    const first = await insertJob('test.note', { caseId: 'c2', text: 'one' });
    const second = await insertJob('test.note', { caseId: 'c2', text: 'wait' });
    const third = await insertJob('test.note', { caseId: 'c2', text: 'three' });
    const round = run({ batchSize: 10 });
    await expect.poll(() => calls.length).toBe(2);
    // While the second runs, the first is done (a crash now would re-run only the second).
    expect((await job(first)).done).toBe(true);
    expect((await job(second)).done).toBe(false);
    expect((await job(third)).done).toBe(false);
    gate.open();
    expect(await round).toBe(3);
    expect((await job(third)).done).toBe(true);
    const notes = await q<{ body: string }>(
      `SELECT body FROM case_events WHERE case_id = 'c2' AND type = 'note' ORDER BY id`,
    );
    expect(notes.map((n) => n.body)).toEqual(['one', 'wait', 'three']);
  });

  it('keeps nothing of a transaction that failed', async () => {
    const id = await insertJob('test.note', { caseId: 'c3', text: 'never', fail: true });
    await run();
    expect(await job(id)).toMatchObject({ done: false, attempts: 1 });
    expect(await q(`SELECT 1 FROM case_events WHERE case_id = 'c3' AND body = 'never'`)).toHaveLength(0);
  });

  it('keeps the lease of a long job, so no other worker takes it', async () => {
    const id = await insertJob('test.long', { ms: 2500 });
    const long = run({ workerId: 'long', leaseSeconds: 1 });
    await expect.poll(() => calls.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await run({ workerId: 'other', leaseSeconds: 1 })).toBe(0);
    expect(await long).toBe(1);
    expect(await job(id)).toMatchObject({ done: true, attempts: 1, locked_by: 'long' });
  });

  it('writes a job once however often it is enqueued with the same idempotency key', async () => {
    const write = () =>
      t.database.db.transaction((tx) =>
        enqueueJob(
          tx,
          'mail.case',
          { caseId: 'c1', kind: 'message' },
          { idempotencyKey: 'step-7-payroll', caseId: 'c1' },
        ),
      );
    expect(await write()).toBe(true);
    expect(await write()).toBe(false);
    const rows = await q(`SELECT case_id FROM jobs WHERE idempotency_key = 'step-7-payroll'`);
    expect(rows).toEqual([{ case_id: 'c1' }]);
  });

  it('runs a scheduled job only when it is due', async () => {
    const later = new Date(Date.now() + 3_600_000);
    await t.database.db.transaction((tx) =>
      enqueueJob(tx, 'mail.case', { caseId: 'c1', kind: 'message' }, { runAt: later }),
    );
    expect(await run()).toBe(0);
  });

  it('keeps one pending run per recurring job across restarts, and writes the next when one finishes', async () => {
    await scheduleRecurringJobs(t.database.db);
    await scheduleRecurringJobs(t.database.db); // a restart, or a second worker starting
    const pending = () =>
      q<{ recurring: string; run_at: Date }>(
        `SELECT recurring, run_at FROM jobs WHERE recurring IS NOT NULL AND done_at IS NULL ORDER BY recurring`,
      );
    expect((await pending()).map((r) => r.recurring)).toEqual(['escalation', 'housekeeping', 'retention']);
    await q(`UPDATE jobs SET run_at = now() WHERE recurring = 'housekeeping'`);
    expect(await run()).toBe(1);
    const after = await pending();
    expect(after.map((r) => r.recurring)).toEqual(['escalation', 'housekeeping', 'retention']);
    const next = after[1]!.run_at.getTime() - Date.now();
    expect(next).toBeGreaterThan(59 * 60_000);
    expect(next).toBeLessThanOrEqual(60 * 60_000);
    expect(
      await q(`SELECT 1 FROM jobs WHERE recurring = 'housekeeping' AND done_at IS NOT NULL`),
    ).toHaveLength(1);
    await scheduleRecurringJobs(t.database.db);
    expect(await pending()).toHaveLength(3);
  });

  it('never runs a job twice when two workers share the table', async () => {
    await q(`TRUNCATE test_job_runs`);
    await q(`INSERT INTO jobs (kind, payload) SELECT 'test.record', '{}' FROM generate_series(1, 200)`);
    const [a, b] = await Promise.all([
      run({ workerId: 'a', batchSize: 5 }),
      run({ workerId: 'b', batchSize: 5 }),
    ]);
    expect(a + b).toBe(200);
    const [counts] = await q<{ runs: number; jobs: number }>(
      `SELECT count(*)::int AS runs, count(DISTINCT job_id)::int AS jobs FROM test_job_runs`,
    );
    expect(counts).toEqual({ runs: 200, jobs: 200 });
    if (target.name === 'postgres') {
      // On PostgreSQL both really ran at once; the embedded database has one connection.
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
    }
  });
});
