import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TDecisionTableList } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { requireDecisionTableRead } from './decisionTableAccess';
import { storedRevision } from './storedRevisions';

/** Every stored decision table: its name, newest revision, versions with their effective dates, decisions made. */
export async function listDecisionTables(deps: { db: Db }, actor: Actor): Promise<TDecisionTableList> {
  requireDecisionTableRead(actor);
  const { rows } = await deps.db.execute<{
    id: string;
    revision: number;
    created_at: string | Date;
    decisions: string | number;
  }>(sql`
    SELECT DISTINCT ON (t.id) t.id, t.revision, t.created_at,
      (SELECT count(*) FROM case_decisions d WHERE d.table_id = t.id) AS decisions
    FROM decision_tables t ORDER BY t.id, t.revision DESC`);
  const tables = [];
  for (const row of rows) {
    const { tables: parsed } = await storedRevision(deps.db, row.id, row.revision);
    tables.push({
      id: row.id,
      name: parsed.name,
      description: parsed.description,
      revision: row.revision,
      revisedAt: new Date(row.created_at).toISOString(),
      versions: parsed.versions.map((v) => ({
        decisionId: v.decisionId,
        version: v.version,
        effectiveFrom: v.effectiveFrom,
        effectiveTo: v.effectiveTo,
      })),
      decisions: Number(row.decisions),
    });
  }
  return { tables: tables.sort((a, b) => a.name.localeCompare(b.name, 'da')) };
}
