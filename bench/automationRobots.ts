// Robot work items per second through the HTTP pull API on PostgreSQL: a few robots at once, each
// fetching and locking a batch, completing every item, and fetching again until the topic is
// empty. Each completion is its own transaction (lock, finish, audit). Exported for
// `npm run bench -- automation`; alone: `npx tsx bench/automationRobots.ts` prints one line of
// key=value figures. Settings: BENCH_ROBOT_ITEMS (4000), BENCH_ROBOTS (6), BENCH_ROBOT_BATCH (20),
// BENCH_DATABASE_URL (the local postgres).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPostgresDatabase } from '@indgang/db';
import { loadConfig, startPlatform } from '@indgang/server';

export interface RobotBenchOptions {
  items?: number;
  robots?: number;
  batch?: number;
  adminUrl?: string;
}

export interface RobotBenchResult {
  robot_items_per_s: number;
  robot_items: number;
  robots: number;
  robot_batch: number;
}

const TOPIC = 'bench.robot';

async function post(url: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(answer)}`);
  return { response, answer };
}

/** Creates robot credentials the way an administrator does: through the API, after a demo login. */
async function createRobots(base: string, count: number): Promise<string[]> {
  const login = await post(`${base}/auth/demo-login`, { 'x-csrf-token': 'bench' }, { userId: 'demo-admin' });
  const cookie = login.response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const { answer } = await post(
      `${base}/api/v1/robots`,
      { cookie, 'x-csrf-token': me.csrfToken },
      { name: `Bench-robot ${i + 1}`, topics: [TOPIC] },
    );
    tokens.push(answer.token as string);
  }
  return tokens;
}

/** One robot: fetch-and-lock a batch, complete each item, until nothing is left. */
async function runRobot(base: string, token: string, batch: number): Promise<number> {
  const auth = { authorization: `Bearer ${token}` };
  let completed = 0;
  for (;;) {
    const { answer } = await post(`${base}/api/robot/v1/work-items/fetch-and-lock`, auth, {
      topic: TOPIC,
      maxItems: batch,
      leaseSeconds: 300,
    });
    const items = answer.items as Array<{ id: string }>;
    if (items.length === 0) return completed;
    for (const item of items) {
      await post(`${base}/api/robot/v1/work-items/${item.id}/complete`, auth, {
        output: { orderReference: `BA-${item.id.slice(0, 8)}` },
      });
      completed++;
    }
  }
}

export async function measureRobotItems(options: RobotBenchOptions = {}): Promise<RobotBenchResult> {
  const items = options.items ?? Number(process.env.BENCH_ROBOT_ITEMS ?? 4000);
  const robots = options.robots ?? Number(process.env.BENCH_ROBOTS ?? 6);
  const batch = options.batch ?? Number(process.env.BENCH_ROBOT_BATCH ?? 20);
  const adminUrl =
    options.adminUrl ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dataDir = await mkdtemp(join(tmpdir(), 'indgang-bench-robots-'));
  const scratch = await createPostgresDatabase(adminUrl);
  const platform = await startPlatform(
    loadConfig({
      PORT: '0',
      INDGANG_DATA_DIR: dataDir,
      INDGANG_DEMO: 'true',
      INDGANG_DEMO_SCALE: '0.1',
      INDGANG_DEMO_HISTORY: 'false',
      LOG_LEVEL: 'error',
      DATABASE_URL: scratch.url,
      // Every robot of the bench calls from this machine: the per-robot limit must not be what is measured.
      RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
    }),
    { logger: false },
  );
  try {
    const tokens = await createRobots(platform.url, robots);
    const pool = platform.database.pool;
    await pool.query(
      `INSERT INTO work_items (id, topic, payload, status)
       SELECT gen_random_uuid()::text, $1, jsonb_build_object('name', 'Ansat ' || n, 'startDate', '2027-01-01'), 'waiting'
       FROM generate_series(1, $2::int) n`,
      [TOPIC, items],
    );
    await pool.query('VACUUM ANALYZE work_items');
    const started = performance.now();
    const counts = await Promise.all(tokens.map((token) => runRobot(platform.url, token, batch)));
    const seconds = (performance.now() - started) / 1000;
    const completed = counts.reduce((a, b) => a + b, 0);
    const { rows } = await pool.query<{ done: number; audited: number }>(
      `SELECT (SELECT count(*)::int FROM work_items WHERE topic = $1 AND status = 'done') AS done,
              (SELECT count(*)::int FROM audit_log WHERE action = 'robot.complete') AS audited`,
      [TOPIC],
    );
    if (completed !== items || rows[0]!.done !== items || rows[0]!.audited !== items)
      throw new Error(
        `expected ${items} items done once, got ${completed} completions, ${JSON.stringify(rows[0])}`,
      );
    return {
      robot_items_per_s: Math.round((completed / seconds) * 10) / 10,
      robot_items: items,
      robots,
      robot_batch: batch,
    };
  } finally {
    await platform.close();
    await scratch.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await measureRobotItems();
  console.log(
    Object.entries(result)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  );
}
