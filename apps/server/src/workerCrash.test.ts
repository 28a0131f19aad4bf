import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets, type TestDatabase } from '@indgang/db';
import { completeStep, todayInDenmark, WorkCalendar, type CalendarConfig } from '@indgang/domain';
import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from './testing/createTestApp';
import { newHireAnswers } from './testing/newHireAnswers';

const WORKER = fileURLToPath(new URL('./testing/sideEffectWorker.ts', import.meta.url));
const JOBS = 40;

const targets = await testDatabaseTargets();
const postgres = targets.find((t) => t.name === 'postgres');
// Asked for PostgreSQL but cannot reach it: fail, rather than pass without having run.
if (!postgres && process.env.TEST_DATABASE_URL)
  throw new Error(`TEST_DATABASE_URL is set but PostgreSQL does not answer there`);

/** What reached the outside world: each call and mail with the key a repeat would carry again. */
interface Arrival {
  what: 'payroll' | 'mail';
  key: string;
}

describe.skipIf(!postgres)('a worker killed with SIGKILL in the middle of a batch (PostgreSQL)', () => {
  let t: TestDatabase;
  let receiver: Server;
  let receiverUrl: string;
  let dataDir: string;
  const arrivals: Arrival[] = [];
  const children: ChildProcess[] = [];
  const q = <R>(text: string, values: unknown[] = []) =>
    t.database.pool.query(text, values).then((r) => r.rows as R[]);

  function startWorker(url = t.url!, env: Record<string, string> = {}) {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: {
        ...process.env,
        ...env,
        DATABASE_URL: url,
        INDGANG_DATA_DIR: dataDir,
        INDGANG_JOB_LEASE_SECONDS: '2',
        INDGANG_JOB_POLL_MS: '200',
        INDGANG_WORKER_CONCURRENCY: '2',
        LOG_LEVEL: 'warn',
        RECEIVER_URL: receiverUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += String(c)));
    child.stderr!.on('data', (c) => (output += String(c)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    children.push(child);
    return { child, exited, output: () => output };
  }
  const done = async () =>
    (
      await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM jobs WHERE kind = 'test.automatedStep' AND done_at IS NOT NULL`,
      )
    )[0]!.n;

  beforeAll(async () => {
    t = await postgres!.create();
    dataDir = await mkdtemp(join(tmpdir(), 'indgang-crash-'));
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (c) => (body += String(c)));
      request.on('end', () => {
        if (request.url === '/payroll')
          arrivals.push({ what: 'payroll', key: String(request.headers['idempotency-key']) });
        else arrivals.push({ what: 'mail', key: (JSON.parse(body) as { messageId: string }).messageId });
        response.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address();
    receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await q(
      `INSERT INTO org_units (id, path, kind, name, administration_id) VALUES ('buf', '/buf/', 'administration', 'BUF', 'buf')`,
    );
    await q(`INSERT INTO users (id, display_name) VALUES ('leder', 'Leder')`);
    await q(`
      INSERT INTO cases (id, number, service_id, service_version, unit_id, submitted_by_user_id, status, team_id, answers, submitted_at, due_date, automation)
      SELECT 'case-' || n, 'K-' || n, 'km', 1, 'buf', 'leder', 'automated', 'team', '{}', now(), '2026-12-31', 'automated'
      FROM generate_series(1, ${JOBS}) n`);
    await q(`
      INSERT INTO jobs (kind, payload, case_id)
      SELECT 'test.automatedStep', jsonb_build_object('caseId', 'case-' || n, 'step', n), 'case-' || n FROM generate_series(1, ${JOBS}) n`);
  }, 60_000);

  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await new Promise((resolve) => receiver?.close(resolve));
    await t?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('completes every job after a restart, and no side effect happens twice', async () => {
    const first = startWorker();
    // Kill it once some jobs are done and others are claimed or running.
    const until = Date.now() + 60_000;
    while ((await done()) < 6) {
      if (first.child.exitCode !== null) throw new Error(`the worker exited:\n${first.output()}`);
      if (Date.now() > until) throw new Error(`no job done within a minute:\n${first.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.child.kill('SIGKILL');
    await first.exited;
    const doneAtKill = await done();
    expect(doneAtKill).toBeLessThan(JOBS);
    const [held] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE done_at IS NULL AND locked_until > now() AND kind = 'test.automatedStep'`,
    );
    // The killed worker held a batch: jobs claimed but never finished.
    expect(held!.n).toBeGreaterThan(0);

    const second = startWorker();
    const deadline = Date.now() + 90_000;
    while ((await done()) < JOBS) {
      if (second.child.exitCode !== null) throw new Error(`the new worker exited:\n${second.output()}`);
      if (Date.now() > deadline) throw new Error(`only ${await done()} of ${JOBS} done:\n${second.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // Every job done once; none dead.
    const jobs = await q<{ done: number; dead: number; retried: number }>(`
      SELECT count(*) FILTER (WHERE done_at IS NOT NULL)::int AS done, count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead,
             count(*) FILTER (WHERE attempts > 1)::int AS retried
      FROM jobs WHERE kind = 'test.automatedStep'`);
    expect(jobs[0]).toMatchObject({ done: JOBS, dead: 0 });
    // A jobs that was running when the worker died ran again, and so did the batch it held.
    expect(jobs[0]!.retried).toBeGreaterThan(0);

    // The timeline: exactly one entry per case, written with the job's completion.
    const steps = await q<{ case_id: string; n: number }>(
      `SELECT case_id, count(*)::int AS n FROM case_events WHERE type = 'step' GROUP BY case_id`,
    );
    expect(steps).toHaveLength(JOBS);
    expect(steps.every((s) => s.n === 1)).toBe(true);

    // The outside world: every job's call and mail arrived, and any repeat carried the same key
    // as its first (a re-run of the job that was running), so the receiver applied it once.
    for (const what of ['payroll', 'mail'] as const) {
      const keys = arrivals.filter((a) => a.what === what).map((a) => a.key);
      const distinct = new Set(keys);
      expect(distinct.size, what).toBe(JOBS);
      // At most the jobs that were running at the kill (two loops) were sent again.
      expect(keys.length - distinct.size, what).toBeLessThanOrEqual(2);
    }
    const jobIds = await q<{ id: string }>(`SELECT id::text FROM jobs WHERE kind = 'test.automatedStep'`);
    expect(new Set(arrivals.filter((a) => a.what === 'payroll').map((a) => a.key))).toEqual(
      new Set(jobIds.map((j) => `job-${j.id}`)),
    );
  }, 180_000);

  it('completes real automated process steps after a kill: each step once in the timeline, each mail once by its Message-ID', async () => {
    const app: TestApp = await createTestApp(postgres!);
    try {
      const employee = await app.login('demo-medarbejder');
      const calendar = new WorkCalendar(
        JSON.parse(
          readFileSync(new URL('../../../catalog/calendar.json', import.meta.url), 'utf8'),
        ) as CalendarConfig,
      );
      const CLAIMS = 30;
      const ids: string[] = [];
      for (let i = 0; i < CLAIMS; i += 1) {
        const created = await app.as(employee, {
          method: 'POST',
          url: '/api/v1/cases',
          payload: {
            serviceId: 'koerselsgodtgoerelse',
            answers: {
              trips: [
                { date: todayInDenmark(), from: 'Skolen', to: 'Rådhuset', km: `${10 + i}`, purpose: 'Møde' },
              ],
            },
            confirmNotDuplicate: true,
          },
        });
        expect(created.statusCode, created.body).toBe(201);
        ids.push(created.json<{ id: string }>().id);
      }
      await app.runJobs(); // the receipts and the process starts: each claim waits for the leader
      const db = app.database.db;
      const approvals = await db.execute<{ id: number }>(sql`
        SELECT id FROM case_steps WHERE step_id = 'leder' AND status = 'active' AND case_id = ANY(${`{${ids.join(',')}}`}::text[])`);
      expect(approvals.rows).toHaveLength(CLAIMS);
      // The leader approves them all; the automated steps (rate, payroll, resolution, mail) are jobs now.
      for (const a of approvals.rows)
        await db.transaction((tx) =>
          completeStep(
            tx,
            { calendar },
            { caseStepId: Number(a.id), result: 'approved', by: { userId: 'demo-leder' } },
          ),
        );
      const open = async () =>
        (
          await app.database.pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM jobs WHERE done_at IS NULL AND dead_at IS NULL AND recurring IS NULL`,
          )
        ).rows[0]!.n;
      const doneSteps = async () =>
        (
          await app.database.pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM jobs WHERE kind = 'process.step' AND done_at IS NOT NULL`,
          )
        ).rows[0]!.n;
      arrivals.length = 0;
      // The workers call the test's simulated systems (payroll holds the demo people), not their own.
      const simulated = { INDGANG_SIMULATOR_URL: app.simulators.url };
      const first = startWorker(app.url!, simulated);
      const until = Date.now() + 60_000;
      while ((await doneSteps()) < 5) {
        if (first.child.exitCode !== null) throw new Error(`the worker exited:\n${first.output()}`);
        if (Date.now() > until) throw new Error(`no step done within a minute:\n${first.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.child.kill('SIGKILL');
      await first.exited;
      expect(await open()).toBeGreaterThan(0);

      const second = startWorker(app.url!, simulated);
      const deadline = Date.now() + 90_000;
      while ((await open()) > 0) {
        if (second.child.exitCode !== null) throw new Error(`the new worker exited:\n${second.output()}`);
        if (Date.now() > deadline) throw new Error(`${await open()} jobs left:\n${second.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      const cases = await app.database.pool.query<{ status: string; automation: string }>(
        `SELECT status, automation FROM cases WHERE id = ANY($1)`,
        [ids],
      );
      expect(cases.rows.every((c) => c.status === 'resolved' && c.automation === 'full')).toBe(true);
      expect(await app.database.pool.query(`SELECT 1 FROM jobs WHERE dead_at IS NOT NULL`)).toMatchObject({
        rowCount: 0,
      });
      // Each step once in each case's timeline, and one resolution.
      const events = await app.database.pool.query<{ case_id: string; steps: string[]; resolved: number }>(
        `SELECT case_id, array_agg(data->>'stepId' ORDER BY id) FILTER (WHERE type = 'step') AS steps,
                count(*) FILTER (WHERE type = 'resolved')::int AS resolved
         FROM case_events WHERE case_id = ANY($1) GROUP BY case_id`,
        [ids],
      );
      expect(events.rows).toHaveLength(CLAIMS);
      for (const e of events.rows) {
        expect(e.steps).toEqual(['leder', 'regel60', 'takst', 'loen']);
        expect(e.resolved).toBe(1);
      }
      // One resolution mail per claim; a repeat (a job that was running at the kill) has its first's Message-ID.
      const mails = arrivals.filter((a) => a.what === 'mail').map((a) => a.key);
      expect(new Set(mails).size).toBe(CLAIMS);
      expect(mails.length - new Set(mails).size).toBeLessThanOrEqual(2);
    } finally {
      await app.close();
    }
  }, 240_000);

  it('sets up new hires once after a kill in the middle: one employment, one account, one letter, each document filed once', async () => {
    const app: TestApp = await createTestApp(postgres!);
    try {
      const leader = await app.login('demo-leder');
      const HIRES = 8;
      const cprs = Array.from({ length: HIRES }, (_, i) => `000192-${5100 + i}`);
      const ids: string[] = [];
      for (const [i, cpr] of cprs.entries()) {
        const diploma = await app.as(leader, {
          method: 'POST',
          url: '/api/v1/attachments?fileName=eksamensbevis.pdf',
          headers: { 'content-type': 'application/pdf' },
          payload: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
        });
        const created = await app.as(leader, {
          method: 'POST',
          url: '/api/v1/cases',
          payload: {
            serviceId: 'ansaettelse',
            answers: newHireAnswers({
              person: { cpr, firstName: 'Ny', lastName: `Kollega ${i + 1}` },
              itRoles: [{ role: '121' }],
              documents: { education: [diploma.json<{ id: string }>().id] },
            }),
            confirmNotDuplicate: true,
          },
        });
        expect(created.statusCode, created.body).toBe(201);
        ids.push(created.json<{ id: string }>().id);
      }
      const doneSteps = async () =>
        (
          await app.database.pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM jobs WHERE kind = 'process.step' AND done_at IS NOT NULL`,
          )
        ).rows[0]!.n;
      const unresolved = async () =>
        (
          await app.database.pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status <> 'resolved'`,
            [ids],
          )
        ).rows[0]!.n;
      const simulated = { INDGANG_SIMULATOR_URL: app.simulators.url };
      const first = startWorker(app.url!, simulated);
      const until = Date.now() + 60_000;
      while ((await doneSteps()) < 12) {
        if (first.child.exitCode !== null) throw new Error(`the worker exited:\n${first.output()}`);
        if (Date.now() > until) throw new Error(`no step done within a minute:\n${first.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.child.kill('SIGKILL');
      await first.exited;
      expect(await unresolved()).toBeGreaterThan(0);

      const second = startWorker(app.url!, simulated);
      const deadline = Date.now() + 120_000;
      while ((await unresolved()) > 0) {
        if (second.child.exitCode !== null) throw new Error(`the new worker exited:\n${second.output()}`);
        if (Date.now() > deadline) throw new Error(`${await unresolved()} hires left:\n${second.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      const cases = await app.database.pool.query<{ number: string; automation: string }>(
        `SELECT number, automation FROM cases WHERE id = ANY($1)`,
        [ids],
      );
      expect(cases.rows.every((c) => c.automation === 'full')).toBe(true);
      const store = (system: string) => app.simulators.stores.get(system)!;
      for (const cpr of cprs) {
        const digits = cpr.replace('-', '');
        expect(
          store('payroll')
            .list<{ cpr: string }>('employments')
            .filter((e) => e.cpr === digits),
          cpr,
        ).toHaveLength(1);
        expect(
          store('digitalPost')
            .list<{ recipient: string }>('messages')
            .filter((m) => m.recipient === digits),
          cpr,
        ).toHaveLength(1);
        const users = (store('identity').snapshot().users ?? []) as Array<{ extensionAttribute1?: string }>;
        expect(
          users.filter((u) => u.extensionAttribute1 === digits),
          cpr,
        ).toHaveLength(1);
      }
      for (const { number } of cases.rows) {
        const filed = store('esdh').find<{ FileName: string; metadata: Record<string, string> }>(
          'documents',
          (d) => d.metadata.ows_Indgangssag === number,
        );
        expect(filed.map((d) => d.metadata.ows_Dokumentart).sort(), number).toEqual([
          'Bilag',
          'Brev',
          'Kvittering',
        ]);
      }
      // The people are registered in Indgang once each, employed at the school from their first day.
      const people = await app.database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM persons p JOIN employments e ON e.person_id = p.id
         WHERE replace(p.cpr, '-', '') = ANY($1)`,
        [cprs.map((c) => c.replace('-', ''))],
      );
      expect(people.rows[0]!.n).toBe(HIRES);
    } finally {
      await app.close();
    }
  }, 300_000);
});

describe.skipIf(!!postgres)('a worker killed with SIGKILL (needs PostgreSQL)', () => {
  it.skip('is skipped: the embedded database is one process and cannot be shared with a separate worker process; set TEST_DATABASE_URL', () =>
    undefined);
});
