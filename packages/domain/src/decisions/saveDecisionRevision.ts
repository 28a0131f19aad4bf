import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TDecisionRevisionSaved } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { decisionError } from './decisionError';
import { parseDecisionTables } from './parseDecisionTables';

/**
 * Saves a DMN file as the next revision of a table. The file is read whole first and refused with
 * what is wrong by rule and column (parseDecisionTables); it must be the same table (its id). The
 * same file as the newest revision saves nothing, so a retry saves once. Audited.
 */
export async function saveDecisionRevision(
  deps: { db: Db },
  actor: Actor,
  tableId: string,
  xml: string,
): Promise<TDecisionRevisionSaved> {
  requirePermission(actor, 'catalog.manage');
  const { rows } = await deps.db.execute<{ revision: number; xml: string }>(
    sql`SELECT revision, xml FROM decision_tables WHERE id = ${tableId} ORDER BY revision DESC LIMIT 1`,
  );
  const latest = rows[0];
  if (!latest)
    throw decisionError(
      'decision_table_missing',
      {
        da: `Beslutningstabellen "${tableId}" findes ikke.`,
        en: `The decision table "${tableId}" does not exist.`,
      },
      'not_found',
    );
  const tables = await parseDecisionTables(xml);
  if (tables.key !== tableId)
    throw decisionError('decision_key', {
      da: `Filen er tabellen "${tables.key}", ikke "${tableId}" (definitions-id).`,
      en: `The file is the table "${tables.key}", not "${tableId}" (the definitions id).`,
    });
  if (latest.xml === xml) return { id: tableId, revision: latest.revision, changed: false };
  const revision = latest.revision + 1;
  return deps.db.transaction(async (tx) => {
    const { rows: inserted } = await tx.execute<{ revision: number }>(sql`
      INSERT INTO decision_tables (id, revision, xml, created_by_user_id)
      VALUES (${tableId}, ${revision}, ${xml}, ${actor.userId})
      ON CONFLICT DO NOTHING RETURNING revision`);
    if (inserted.length === 0)
      throw decisionError(
        'decision_revision_stale',
        {
          da: `Revision ${revision} er lige blevet gemt af en anden. Hent tabellen igen.`,
          en: `Revision ${revision} was just saved by someone else. Load the table again.`,
        },
        'conflict',
      );
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'decision_table.revise',
      entityType: 'decision_table',
      entityId: tableId,
      details: { revision, versions: tables.versions.map((v) => v.decisionId) },
    });
    return { id: tableId, revision, changed: true };
  });
}
