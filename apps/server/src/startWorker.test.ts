import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, testDatabaseTargets, type Database, type TestDatabase } from '@indgang/db';
import { connectorsOff, WorkCalendar } from '@indgang/domain';
import { loadConfig } from './config';
import { createLogger } from './createLogger';
import { notifyWorkers, startWorker, type Worker } from './startWorker';

const postgres = (await testDatabaseTargets()).find((t) => t.name === 'postgres');

describe.skipIf(!postgres)('a worker of its own on PostgreSQL', () => {
  let t: TestDatabase;
  let server: Database;
  let worker: Worker;
  let dataDir: string;
  const log = createLogger({ level: 'silent' });

  beforeAll(async () => {
    t = await postgres!.create();
    dataDir = await mkdtemp(join(tmpdir(), 'indgang-worker-'));
    // It polls only once a minute, so a job done at once was woken by NOTIFY.
    const config = loadConfig({
      DATABASE_URL: t.url!,
      INDGANG_DATA_DIR: dataDir,
      INDGANG_JOB_POLL_MS: '60000',
    });
    worker = await startWorker(t.database, config, new WorkCalendar({ holidays: [] } as never), log, {
      publicUrl: 'http://indgang.test',
      mailer: { send: async () => undefined },
      connectors: connectorsOff(),
    });
    // The server's own connection to the same database, as with INDGANG_WORKER=false.
    server = await openDatabase({ url: t.url! });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await server?.close();
    await t?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes the recurring runs at start and is woken by a server that wrote a job', async () => {
    const { rows: recurring } = await t.database.pool.query(
      `SELECT recurring FROM jobs WHERE recurring IS NOT NULL AND done_at IS NULL ORDER BY recurring`,
    );
    expect(recurring.map((r: { recurring: string }) => r.recurring)).toEqual([
      'escalation',
      'housekeeping',
      'retention',
    ]);
    // Let the worker's first round (at start) pass, so only a wake can run the next job soon.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { rows } = await server.pool.query(
      `INSERT INTO jobs (kind, payload) VALUES ('mail.case', '{"caseId":"none","kind":"message"}') RETURNING id`,
    );
    await notifyWorkers(server, log)();
    await expect
      .poll(
        async () =>
          (
            await t.database.pool.query(`SELECT done_at IS NOT NULL AS done FROM jobs WHERE id = $1`, [
              rows[0].id,
            ])
          ).rows[0].done,
        { timeout: 5000, interval: 100 },
      )
      .toBe(true);
  });
});
