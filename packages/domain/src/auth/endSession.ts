import { hashToken } from './createSession';
import { eq } from 'drizzle-orm';
import { sessions, type Db } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { appendAudit } from '../audit/appendAudit';

export async function endSession(deps: { db: Db }, token: string): Promise<void> {
  await deps.db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .delete(sessions)
      .where(eq(sessions.tokenHash, hashToken(token)))
      .returning();
    if (row)
      await appendAudit(tx, {
        actorUserId: row.userId,
        action: 'session.logout',
        entityType: 'user',
        entityId: row.userId,
      });
  });
}
