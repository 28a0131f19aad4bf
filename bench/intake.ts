// Submissions per second through the whole intake path (HTTP, session, validation, case, timeline,
// audit chain, mail job) against raw single-row insert transactions on the same database, in one
// run; then p50/p99 latency at half the measured maximum. It also measures the same raw insert
// behind a bare HTTP route, which is the most any HTTP intake can reach on the machine.
// PostgreSQL by default (BENCH_DATABASE_URL or the local postgres); `-- --embedded` for PGlite.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { createPostgresDatabase } from '@indgang/db';
import { loadConfig, startPlatform } from '@indgang/server';

const embedded = process.argv.includes('--embedded');
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const dataDir = await mkdtemp(join(tmpdir(), 'indgang-bench-'));
// A scratch database, migrated and dropped afterwards; the platform opens its own pool on it.
const scratch = embedded ? null : await createPostgresDatabase(adminUrl);
const databaseUrl = scratch?.url;

const platform = await startPlatform(
  loadConfig({
    PORT: '0',
    INDGANG_DATA_DIR: dataDir,
    INDGANG_DEMO: 'true',
    INDGANG_DEMO_SCALE: '0.1',
    LOG_LEVEL: 'error',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  }),
  { logger: false },
);
// The bare route: one raw single-row insert transaction per HTTP request, nothing else.
const barePool = new pg.Pool({ ...platform.database.connection, max: embedded ? 1 : concurrency });
await barePool.query(
  'CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())',
);
const bare = Fastify({ logger: false });
bare.post('/raw', async (request) => {
  const client = await barePool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO bench_raw (payload) VALUES ($1)', [JSON.stringify(request.body)]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return { ok: true };
});
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
try {
  // The load runs in its own process, as clients would, so the server's process does only server work.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./intakeLoad.ts', import.meta.url).pathname],
    {
      env: {
        ...process.env,
        BENCH_URL: platform.url,
        BENCH_BARE_URL: bareUrl,
        BENCH_DB: JSON.stringify({ ...platform.database.connection, max: embedded ? 1 : concurrency }),
        BENCH_SECONDS: String(seconds),
        BENCH_CONCURRENCY: String(concurrency),
        BENCH_LABEL: embedded ? 'embedded' : 'postgres',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) process.exitCode = code;
} finally {
  await bare.close();
  await barePool.end();
  await platform.close();
  await rm(dataDir, { recursive: true, force: true });
  await scratch?.drop();
}
