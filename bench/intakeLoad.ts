// Load generator for bench/intake.ts, run in its own process: raw single-row insert transactions
// against the platform's database, the same insert behind a bare HTTP route, then submissions
// through the platform's HTTP intake.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const url = process.env.BENCH_URL!;
const bareUrl = process.env.BENCH_BARE_URL!;
const dbConfig = JSON.parse(process.env.BENCH_DB!) as pg.PoolConfig;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const label = process.env.BENCH_LABEL ?? 'postgres';

async function closedLoop(workers: number, durationMs: number, op: () => Promise<void>): Promise<number> {
  let done = 0;
  const end = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        await op();
        done += 1;
      }
    }),
  );
  return done / (durationMs / 1000);
}

async function openLoop(
  ratePerSecond: number,
  durationMs: number,
  op: () => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  const interval = 1000 / ratePerSecond;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i * interval < durationMs; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      op().then(() => {
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(pending);
  return latencies.sort((a, b) => a - b);
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

const login = await fetch(`${url}/auth/demo-login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' },
  body: JSON.stringify({ userId: 'demo-medarbejder' }),
});
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const { csrfToken } = await (await fetch(`${url}/api/v1/me`, { headers: { cookie } })).json();
const body = JSON.stringify({
  serviceId: 'koerselsgodtgoerelse',
  answers: {
    trips: [{ date: '2026-11-02', from: 'Skolen', to: 'Rådhuset', km: '12,5', purpose: 'Møde om skoleplan' }],
  },
  // The same trip every time: confirmed as a new case, or the duplicate check refuses it from the second on.
  confirmNotDuplicate: true,
});
// Every submission carries its own Idempotency-Key, as the web app sends one per form submission.
const keys = process.env.BENCH_IDEMPOTENCY !== 'false';
const submit = async () => {
  const response = await fetch(`${url}/api/v1/cases`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': 'application/json',
      'x-csrf-token': csrfToken,
      ...(keys ? { 'idempotency-key': randomUUID() } : {}),
    },
    body,
  });
  if (response.status !== 201)
    throw new Error(`intake answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
};

const bareRaw = async () => {
  const response = await fetch(`${bareUrl}/raw`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (response.status !== 200) throw new Error(`bare route answered ${response.status}`);
  await response.arrayBuffer();
};

const pool = new pg.Pool(dbConfig);
const raw = async () => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO bench_raw (payload) VALUES ($1)', [body]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
};

await closedLoop(4, 1000, submit); // warm-up
await closedLoop(4, 1000, raw);
const rawRate = await closedLoop(concurrency, seconds * 1000, raw);
await pool.end();
await closedLoop(4, 1000, bareRaw);
const bareRate = await closedLoop(concurrency, seconds * 1000, bareRaw);
const intakeRate = await closedLoop(concurrency, seconds * 1000, submit);
const latencies = await openLoop(intakeRate / 2, seconds * 1000, submit);
// The bare route at the same rate: the latency tail the machine itself adds.
const bareLatencies = await openLoop(intakeRate / 2, seconds * 1000, bareRaw);
const ratio = intakeRate / rawRate;
console.log(
  `database: ${label}; concurrency ${concurrency}; ${seconds} s per phase; load from a separate process; idempotency keys ${keys ? 'on' : 'off'}`,
);
console.log(`raw single-row insert transactions: ${rawRate.toFixed(0)}/s`);
console.log(
  `the same insert behind a bare HTTP route: ${bareRate.toFixed(0)}/s (ratio ${(bareRate / rawRate).toFixed(2)}, the most any HTTP intake can reach here)`,
);
console.log(`whole intake path: ${intakeRate.toFixed(0)} submissions/s (ratio ${ratio.toFixed(2)})`);
console.log(
  `at ${(intakeRate / 2).toFixed(0)}/s: p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p90 ${quantile(latencies, 0.9).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms, max ${quantile(latencies, 1).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms; bare route at the same rate: p50 ${quantile(bareLatencies, 0.5).toFixed(1)} ms, p99 ${quantile(bareLatencies, 0.99).toFixed(1)} ms`,
);
console.log(
  `db=${label} idempotency_keys=${keys ? 'on' : 'off'} intake_to_bare=${(intakeRate / bareRate).toFixed(2)} intake_per_s=${intakeRate.toFixed(0)} raw_insert_per_s=${rawRate.toFixed(0)} bare_http_insert_per_s=${bareRate.toFixed(0)} bare_ratio=${(bareRate / rawRate).toFixed(2)} ratio=${ratio.toFixed(2)} half_load_per_s=${(intakeRate / 2).toFixed(0)} p50_ms=${quantile(latencies, 0.5).toFixed(1)} p99_ms=${quantile(latencies, 0.99).toFixed(1)} bare_p50_ms=${quantile(bareLatencies, 0.5).toFixed(1)} bare_p99_ms=${quantile(bareLatencies, 0.99).toFixed(1)}`,
);
