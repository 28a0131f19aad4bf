import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp } from '../testing/createTestApp';

const ROBOT = fileURLToPath(new URL('../../../../examples/robot/robot.js', import.meta.url));
const targets = await testDatabaseTargets();
const TOPIC = 'boerneattest.bestil';

/** Runs examples/robot/robot.js until its topic is empty; answers its log lines. */
function runRobot(url: string, token: string): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ROBOT], {
      env: {
        PATH: process.env.PATH,
        INDGANG_URL: url,
        INDGANG_ROBOT_TOKEN: token,
        ROBOT_TOPIC: TOPIC,
        ROBOT_BATCH: '3',
        ROBOT_LEASE_SECONDS: '10',
        ROBOT_WORK_MS: '1800',
        ROBOT_EXIT_WHEN_EMPTY: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(
            out
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line) as Record<string, unknown>),
          )
        : reject(new Error(`robot exited ${code}: ${err}${out}`)),
    );
  });
}

describe.each(targets)('the example robot on $name', (target) => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp(target);
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t?.close());

  it('works its topic end to end, two at once, each item done exactly once', async () => {
    const admin = await t.login('demo-admin');
    const tokens: string[] = [];
    for (const name of ['Eksempelrobot A', 'Eksempelrobot B']) {
      const created = await t.as(admin, {
        method: 'POST',
        url: '/api/v1/robots',
        payload: { name, topics: [TOPIC] },
      });
      expect(created.statusCode, created.body).toBe(201);
      tokens.push(created.json().token);
    }
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) {
      const id = randomUUID();
      ids.push(id);
      await t.database.pool.query(
        `INSERT INTO work_items (id, topic, payload, status) VALUES ($1, $2, $3, 'waiting')`,
        [id, TOPIC, JSON.stringify({ name: `Ansat ${i}`, startDate: '2027-01-01', remarks: i === 4 })],
      );
    }
    const logs = await Promise.all(tokens.map((token) => runRobot(url, token)));
    const { rows } = await t.database.pool.query<{
      id: string;
      status: string;
      output: { orderReference?: string };
    }>(`SELECT id, status, output FROM work_items WHERE topic = $1`, [TOPIC]);
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      if (row.id === ids[4]) expect(row.status).toBe('business_error');
      else {
        expect(row.status).toBe('done');
        expect(row.output.orderReference).toMatch(/^BA-\d{8}-[0-9A-F]{8}$/);
      }
    }
    // Exactly once: each item finished by one robot, once, and the robots' own counts agree.
    const { rows: finished } = await t.database.pool.query<{ entity_id: string; n: number }>(
      `SELECT entity_id, count(*)::int AS n FROM audit_log
       WHERE action IN ('robot.complete', 'robot.business_error') GROUP BY entity_id`,
    );
    expect(finished.map((f) => f.n)).toEqual(Array(9).fill(1));
    const tallies = logs.map((lines) => lines.find((l) => l.event === 'finished')!);
    expect(tallies.reduce((sum, tally) => sum + Number(tally.done), 0)).toBe(8);
    expect(tallies.reduce((sum, tally) => sum + Number(tally.businessErrors), 0)).toBe(1);
    // A batch of three 1.8 s orders outlasts half a 10 s lease: the robots extended it.
    expect(tallies.reduce((sum, tally) => sum + Number(tally.extended), 0)).toBeGreaterThan(0);
  });
});
