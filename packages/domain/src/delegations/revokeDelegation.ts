import { and, eq, isNull } from 'drizzle-orm';
import { delegations, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';

export async function revokeDelegation(deps: { db: Db }, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(delegations)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(delegations.id, id), eq(delegations.fromUserId, actor.userId), isNull(delegations.revokedAt)),
      )
      .returning();
    if (!row) throw notFound({ da: 'Delegeringen', en: 'The delegation' });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'delegation.revoke',
      entityType: 'delegation',
      entityId: id,
    });
  });
}
