// Reliability under faults, on PostgreSQL: concurrent submissions, each with its own
// Idempotency-Key and retried with that key until acknowledged, while (1) the server is killed with
// SIGKILL and started again, and (2) the server's database connections are terminated. Then it
// counts what was acknowledged against what is stored: nothing may be lost or stored twice, and the
// audit chain must verify against its signed anchors.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresDatabase } from '@indgang/db';
import { checkAuditTrail } from '@indgang/domain';
import { loadConfig } from '@indgang/server';
import {
  freePort,
  httpLogin,
  startServerProcess,
  type HttpClient,
  type ServerProcess,
} from '@indgang/server/testing';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const workers = Number(process.env.BENCH_CONCURRENCY ?? 12);
const phaseMs = Number(process.env.BENCH_PHASE_SECONDS ?? 4) * 1000;
/** BENCH_IDEMPOTENCY=false retries without a key, to show what the key prevents. */
const keys = process.env.BENCH_IDEMPOTENCY !== 'false';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const scratch = await createPostgresDatabase(adminUrl);
const dbName = new URL(scratch.url!).pathname.slice(1);
const dataDir = await mkdtemp(join(tmpdir(), 'indgang-faults-'));
const port = String(await freePort());
const env = {
  DATABASE_URL: scratch.url!,
  INDGANG_DATA_DIR: dataDir,
  INDGANG_DEMO: 'true',
  INDGANG_DEMO_SCALE: '0.05',
  PORT: port,
  LOG_LEVEL: 'error',
  AUDIT_ANCHOR_INTERVAL_SECONDS: '1',
};

let server: ServerProcess = await startServerProcess(env);
await server.healthy();
const url = server.url;
const client: HttpClient = await httpLogin(url, 'demo-medarbejder');

/** What happened to every submission, and when the service was back after each fault. */
const acknowledged = new Map<string, string>();
const sent = new Set<string>();
let failedAttempts = 0;
/** Retries answered with the first result (the first attempt was stored, its answer lost). */
let replayed = 0;
let recoveredAt: number | null = null;
let errorsAfterRecovery = 0;
let stop = false;

async function submitUntilAcknowledged(marker: string): Promise<void> {
  const key = randomUUID();
  const body = JSON.stringify({
    serviceId: 'koerselsgodtgoerelse',
    answers: { trips: [{ date: '2026-11-02', from: 'Skolen', to: 'Rådhuset', km: '4', purpose: marker }] },
  });
  sent.add(marker);
  for (;;) {
    const response = await fetch(`${url}/api/v1/cases`, {
      method: 'POST',
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrf,
        'content-type': 'application/json',
        ...(keys ? { 'idempotency-key': key } : {}),
      },
      body,
    }).catch(() => null);
    if (response?.status === 201) {
      if (response.headers.get('idempotent-replayed') === 'true') replayed += 1;
      acknowledged.set(marker, ((await response.json()) as { id: string }).id);
      return;
    }
    await response?.arrayBuffer();
    failedAttempts += 1;
    if (recoveredAt !== null) errorsAfterRecovery += 1;
    if (response && response.status < 500) throw new Error(`refused with ${response.status}`);
    await sleep(100);
  }
}

const load = Promise.all(
  Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; !stop; i += 1) await submitUntilAcknowledged(`faults-${w}-${i}`);
  }),
);

/** Waits until a submission is acknowledged after `since`, and returns how long that took. */
async function recovery(since: number): Promise<number> {
  const before = acknowledged.size;
  while (acknowledged.size === before) await sleep(20);
  recoveredAt = Date.now();
  return (recoveredAt - since) / 1000;
}

await sleep(phaseMs);
// Fault 1: the server process is killed mid-flight and started again on the same port.
recoveredAt = null;
const killedAt = Date.now();
await server.kill('SIGKILL');
server = await startServerProcess(env);
const killRecovery = await recovery(killedAt);
await sleep(phaseMs);
// Fault 2: every connection the server holds to PostgreSQL is terminated, twice.
recoveredAt = null;
const terminatedAt = Date.now();
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
let terminated = 0;
for (let round = 0; round < 2; round += 1) {
  terminated += (
    await admin.query(
      'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [dbName],
    )
  ).rows[0].n as number;
  await sleep(200);
}
await admin.end();
const terminateRecovery = await recovery(terminatedAt);
await sleep(phaseMs);
stop = true;
await load;
await server.kill('SIGTERM'); // a clean stop seals and anchors the chain

const { rows } = await scratch.database.pool.query(
  `SELECT answers->'trips'->0->>'purpose' AS marker, count(*)::int AS n FROM cases WHERE answers->'trips'->0->>'purpose' LIKE 'faults-%' GROUP BY 1`,
);
const storedByMarker = new Map(rows.map((r) => [r.marker as string, r.n as number]));
const stored = [...storedByMarker.values()].reduce((a, n) => a + n, 0);
const lost = [...acknowledged.keys()].filter((m) => !storedByMarker.has(m)).length;
const duplicated = [...storedByMarker.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
const config = loadConfig({ ...process.env, ...env });
const audit = await checkAuditTrail({ db: scratch.database.db, anchors: config.audit }, null);

console.log(
  `submissions sent ${sent.size}, acknowledged ${acknowledged.size}, stored ${stored}; failed attempts retried ${failedAttempts}, of which answered from the first attempt ${replayed}; connections terminated ${terminated}`,
);
console.log(
  `after SIGKILL the service answered again in ${killRecovery.toFixed(2)} s; after terminated connections in ${terminateRecovery.toFixed(2)} s`,
);
console.log(
  `audit chain: ${audit.ok ? 'intact' : `broken (${audit.reason})`}, ${audit.entries} entries, ${audit.anchors?.checked ?? 0} signed anchors`,
);
console.log(
  `idempotency_keys=${keys ? 'on' : 'off'} acknowledged=${acknowledged.size} stored=${stored} lost=${lost} duplicated=${duplicated} replayed=${replayed} errors_after_recovery=${errorsAfterRecovery} recovery_s=${killRecovery.toFixed(2)} db_recovery_s=${terminateRecovery.toFixed(2)} audit_verify=${audit.ok ? 'intact' : 'broken'}`,
);
await scratch.drop();
await rm(dataDir, { recursive: true, force: true });
if (lost > 0 || (keys && duplicated > 0) || !audit.ok) process.exitCode = 1;
