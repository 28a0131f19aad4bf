import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { fromDatabase, statementName } from './databaseErrors';

const dialect = new PgDialect();
const names = new Map<string, string>();

/**
 * Runs a hot query as a named prepared statement: each connection parses it once and PostgreSQL
 * may keep a generic plan, instead of parsing and planning the text on every request. The name is
 * the hash of the SQL text, so one template is one statement whatever its parameter values. Inside
 * a transaction (no pool at hand) the query runs as usual.
 */
export async function executePrepared<Row = Record<string, unknown>>(
  db: { execute(query: SQL): Promise<{ rows: unknown[] }>; $client?: unknown },
  query: SQL,
): Promise<{ rows: Row[] }> {
  const client = db.$client as pg.Pool | undefined;
  if (!client || typeof client.query !== 'function') return (await db.execute(query)) as { rows: Row[] };
  const { sql: text, params } = dialect.sqlToQuery(query);
  let name = names.get(text);
  if (!name) {
    name = statementName(text);
    names.set(text, name);
  }
  const result = await client.query({ name, text, values: params as unknown[] }).catch((error: unknown) => {
    throw fromDatabase(error, text);
  });
  return { rows: result.rows as Row[] };
}
