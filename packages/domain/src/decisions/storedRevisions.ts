import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { decisionError } from './decisionError';
import { parseDecisionTables } from './parseDecisionTables';
import type { DecisionTableVersions } from './types';

const parsed = new Map<string, Promise<DecisionTableVersions>>();

/** A stored revision of a table (the newest without `revision`), parsed once per process. */
export async function storedRevision(
  db: Pick<Db, 'execute'>,
  tableId: string,
  revision?: number,
): Promise<{ revision: number; xml: string; tables: DecisionTableVersions }> {
  const { rows } = await db.execute<{ revision: number; xml: string }>(
    revision === undefined
      ? sql`SELECT revision, xml FROM decision_tables WHERE id = ${tableId} ORDER BY revision DESC LIMIT 1`
      : sql`SELECT revision, xml FROM decision_tables WHERE id = ${tableId} AND revision = ${revision}`,
  );
  const row = rows[0];
  if (!row)
    throw decisionError(
      'decision_table_missing',
      {
        da: `Beslutningstabellen "${tableId}"${revision ? ` i revision ${revision}` : ''} findes ikke.`,
        en: `The decision table "${tableId}"${revision ? ` in revision ${revision}` : ''} does not exist.`,
      },
      'not_found',
    );
  const key = `${tableId}@${row.revision}`;
  let tables = parsed.get(key);
  if (!tables) {
    tables = parseDecisionTables(row.xml);
    parsed.set(key, tables);
    tables.catch(() => parsed.delete(key));
  }
  return { revision: row.revision, xml: row.xml, tables: await tables };
}
