import { and, eq, isNull, sql } from 'drizzle-orm';
import { legalHolds, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';

/** Releases a legal hold: from the next retention run, what it covered follows its service's rule again. */
export async function releaseLegalHold(deps: { db: Db }, actor: Actor, holdId: string): Promise<void> {
  requirePermission(actor, 'privacy.manage');
  await deps.db.transaction(async (tx) => {
    const [hold] = await tx
      .update(legalHolds)
      .set({ releasedAt: sql`now()`, releasedByUserId: actor.userId })
      .where(and(eq(legalHolds.id, holdId), isNull(legalHolds.releasedAt)))
      .returning({ caseId: legalHolds.caseId, personId: legalHolds.personId });
    if (!hold) throw notFound({ da: 'Tilbageholdelsen', en: 'The legal hold' });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'legal_hold.release',
      entityType: hold.caseId ? 'case' : 'person',
      // placeLegalHold sets one of the two.
      entityId: hold.caseId ?? hold.personId,
      details: { holdId },
    });
  });
}
