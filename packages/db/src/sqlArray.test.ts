import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNamedFailure } from './databaseErrors';
import { sqlArray } from './sqlArray';
import { testDatabaseTargets, type TestDatabase } from './testing/testDatabaseTargets';

const targets = await testDatabaseTargets();

describe.each(targets)('array parameters and named failures on $name', (target) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await target.create();
  });
  afterAll(() => t.drop());

  it('passes an array as one parameter, with quotes, commas, braces and backslashes intact', async () => {
    const values = ['a,b', '"quoted"', '{brace}', 'back\\slash', 'NULL', 'æøå'];
    const { rows } = await t.database.db.execute<{ value: string; n: number }>(
      sql`SELECT value, (SELECT count(*)::int FROM unnest(${sqlArray(values)}::text[])) AS n
          FROM unnest(${sqlArray(values)}::text[]) AS value`,
    );
    expect(rows.map((r) => r.value)).toEqual(values);
    expect(rows[0]!.n).toBe(values.length);
    const numbers = await t.database.db.execute<{ total: string }>(
      sql`SELECT sum(x)::text AS total FROM unnest(${sqlArray([1, 2, 40])}::bigint[]) AS x`,
    );
    expect(numbers.rows[0]!.total).toBe('43');
    const none = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM unnest(${sqlArray([])}::text[])`,
    );
    expect(none.rows[0]!.n).toBe(0);
  });

  it('recognises a failure raised inside a statement by its SQLSTATE and name, not its text', async () => {
    const failure = await t.database.db
      .execute(sql`SELECT indgang_fail('attachment_taken')`)
      .then(() => null)
      .catch((error: unknown) => error);
    expect(isNamedFailure(failure, 'attachment_taken')).toBe(true);
    expect(isNamedFailure(failure, 'something_else')).toBe(false);
    expect(isNamedFailure(new Error('indgang:attachment_taken'), 'attachment_taken')).toBe(false);
  });

  it('recognises a unique violation by its constraint name', async () => {
    await t.database.db.execute(sql`CREATE TABLE named (k text CONSTRAINT named_k_uq UNIQUE)`);
    await t.database.db.execute(sql`INSERT INTO named VALUES ('x')`);
    const failure = await t.database.db
      .execute(sql`INSERT INTO named VALUES ('x')`)
      .then(() => null)
      .catch((error: unknown) => error);
    expect(isNamedFailure(failure, 'named_k_uq')).toBe(true);
  });
});
