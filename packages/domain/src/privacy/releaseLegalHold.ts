import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';

/** Releases a legal hold: from the next retention run, what it covered follows its service's rule again. */
export async function releaseLegalHold(deps: { db: Db }, actor: Actor, holdId: string): Promise<void> {
  requirePermission(actor, 'privacy.manage');
  await deps.db.transaction(async (tx) => {
    const { rows } =
      await tx.execute(sql`UPDATE legal_holds SET released_at = now(), released_by_user_id = ${actor.userId}
      WHERE id = ${holdId} AND released_at IS NULL RETURNING case_id, person_id`);
    if (!rows[0]) throw notFound({ da: 'Tilbageholdelsen', en: 'The legal hold' });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'legal_hold.release',
      entityType: rows[0].case_id ? 'case' : 'person',
      entityId: (rows[0].case_id ?? rows[0].person_id) as string,
      details: { holdId },
    });
  });
}
