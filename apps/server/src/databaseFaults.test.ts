import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets, type TestDatabase } from '@indgang/db';
import { httpLogin, startServerProcess, type HttpClient, type ServerProcess } from './testing/serverProcess';

const postgres = (await testDatabaseTargets()).find((t) => t.name === 'postgres');
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVER_ENV = { INDGANG_DEMO: 'true', INDGANG_DEMO_SCALE: '0.05' };
const MILEAGE = JSON.stringify({
  serviceId: 'koerselsgodtgoerelse',
  answers: { trips: [{ date: '2026-11-02', from: 'Skolen', to: 'Rådhuset', km: '12,5', purpose: 'Møde' }] },
});

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const terminateBackends = (database: string) =>
  admin(
    async (c) =>
      (
        await c.query(
          'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [database],
        )
      ).rows[0].n as number,
  );

describe.skipIf(!postgres)('database faults (PostgreSQL)', () => {
  let scratch: TestDatabase;
  let server: ServerProcess;
  let employee: HttpClient;
  let dbName: string;

  beforeAll(async () => {
    scratch = await postgres!.create();
    dbName = new URL(scratch.url!).pathname.slice(1);
    server = await startServerProcess({ ...SERVER_ENV, DATABASE_URL: scratch.url! });
    await server.healthy();
    employee = await httpLogin(server.url, 'demo-medarbejder');
  });
  afterAll(async () => {
    await server?.kill();
    await scratch?.drop();
  });

  it('survives terminated connections under load, answers 503 (never 500) meanwhile, and serves again', async () => {
    const headers = {
      cookie: employee.cookie,
      'content-type': 'application/json',
      'x-csrf-token': employee.csrf,
    };
    const created = await fetch(`${server.url}/api/v1/cases`, { method: 'POST', headers, body: MILEAGE });
    expect(created.status).toBe(201);
    const caseId = ((await created.json()) as { id: string }).id;
    const statuses: Record<string, number> = {};
    let stop = false;
    // Reads that run as transactions (a checked-out connection between queries) and one-statement writes.
    const worker = async (i: number) => {
      while (!stop) {
        const response = await (
          i % 2 === 0
            ? fetch(`${server.url}/api/v1/cases/${caseId}`, { headers })
            : fetch(`${server.url}/api/v1/cases`, { method: 'POST', headers, body: MILEAGE })
        ).catch(() => null);
        const key = response ? String(response.status) : 'refused';
        statuses[key] = (statuses[key] ?? 0) + 1;
        await response?.arrayBuffer();
      }
    };
    const load = Promise.all(Array.from({ length: 12 }, (_, i) => worker(i)));
    await new Promise((resolve) => setTimeout(resolve, 800));
    let terminated = 0;
    for (let round = 0; round < 4; round += 1) {
      terminated += await terminateBackends(dbName);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    stop = true;
    await load;
    expect(terminated).toBeGreaterThan(0);
    expect(server.child.exitCode).toBeNull();
    expect(statuses.refused ?? 0).toBe(0);
    expect(statuses['500'] ?? 0).toBe(0);
    // After the faults every request succeeds again.
    for (let i = 0; i < 20; i += 1)
      expect((await fetch(`${server.url}/api/v1/cases/${caseId}`, { headers })).status).toBe(200);
    expect(server.output()).toContain('database connection lost');
    // The log names the failed statement, never its parameters.
    expect(server.output()).not.toContain('params:');
  });

  it('answers /health 503 while the database refuses connections, and 200 as soon as it answers again', async () => {
    await admin((c) => c.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`));
    try {
      await terminateBackends(dbName);
      const down = await fetch(`${server.url}/health`);
      expect(down.status).toBe(503);
      const api = await fetch(`${server.url}/api/v1/cases?view=mine`, {
        headers: { cookie: employee.cookie },
      });
      expect(api.status).toBe(503);
      const { error } = (await api.json()) as { error: { message: { da: string; en: string } } };
      expect(error.message.da).toMatch(/databasen/);
      expect(error.message.en).toMatch(/database/);
    } finally {
      await admin((c) => c.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`));
    }
    await server.healthy(10_000);
    expect(server.child.exitCode).toBeNull();
  });
});

describe.skipIf(!postgres)('start-up without a database (PostgreSQL)', () => {
  it('says in one line what is wrong, answers /health 503 with the reason, and starts once the database exists', async () => {
    const name = `indgang_late_${Date.now()}`;
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const server = await startServerProcess({
      ...SERVER_ENV,
      DATABASE_URL: url.href,
      DATABASE_WAIT_SECONDS: '120',
    });
    try {
      // The server listens at once and says "starting" until its first try at the database fails.
      let health: { status: number; reason: string } | null = null;
      for (let i = 0; i < 200 && (!health || health.reason === 'starting'); i += 1) {
        const answer = await fetch(`${server.url}/health`).catch(() => null);
        health = answer && {
          status: answer.status,
          reason: ((await answer.json()) as { reason: string }).reason,
        };
        if (!health || health.reason === 'starting') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(health!.status).toBe(503);
      expect(health!.reason).toBe(`database "${name}" does not exist at 127.0.0.1:5432`);
      expect(server.output()).toMatch(new RegExp(`database not ready: database .+${name}.+ does not exist`));
      expect(server.output()).not.toMatch(/\n\s+at /);
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      await server.healthy();
    } finally {
      await server.kill();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });

  it('gives up after DATABASE_WAIT_SECONDS with one line and exit code 1', async () => {
    const server = await startServerProcess({
      ...SERVER_ENV,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/indgang',
      DATABASE_WAIT_SECONDS: '2',
    });
    expect(await server.exited).toBe(1);
    const lastLine = server.output().trim().split('\n').at(-1);
    expect(lastLine).toMatch(
      /^Indgang cannot start: the database cannot be used: nothing answers at 127\.0\.0\.1:1/,
    );
    expect(server.output()).not.toMatch(/\n\s+at /);
  });
});
