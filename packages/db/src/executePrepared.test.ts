import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePrepared } from './executePrepared';
import { testDatabaseTargets, type TestDatabase } from './testing/testDatabaseTargets';

const targets = await testDatabaseTargets();

describe.each(targets)('executePrepared on $name', (target) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await target.create();
  });
  afterAll(() => t.drop());

  const query = (n: number) =>
    sql`SELECT ${n}::int + 1 AS next, current_setting('server_version_num') <> '' AS ok`;

  it('answers like an ordinary query, with different values for the same template', async () => {
    const first = await executePrepared<{ next: number }>(t.database.db, query(1));
    const second = await executePrepared<{ next: number }>(t.database.db, query(41));
    expect([first.rows[0]!.next, second.rows[0]!.next]).toEqual([2, 42]);
    expect(
      (
        await t.database.pool.query(
          "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'indgang_%'",
        )
      ).rows[0].n,
    ).toBeGreaterThan(0);
  });

  it('keeps working when the connection that prepared it was replaced', async () => {
    await executePrepared(t.database.db, query(1));
    const client = await t.database.pool.connect();
    client.release(true); // destroyed: the next query opens a new connection
    const again = await executePrepared<{ next: number }>(t.database.db, query(6));
    expect(again.rows[0]!.next).toBe(7);
  });

  it('runs as a plain query inside a transaction', async () => {
    const rows = await t.database.db.transaction(
      async (tx) => (await executePrepared<{ next: number }>(tx, query(2))).rows,
    );
    expect(rows[0]!.next).toBe(3);
  });
});
