import { eq } from 'drizzle-orm';
import { users, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';

/** The language the user reads Indgang in; the change is audited like any change to a user. */
export async function setLocale(
  deps: { db: Db },
  actor: Actor,
  locale: 'da' | 'en',
): Promise<{ locale: 'da' | 'en' }> {
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ locale }).where(eq(users.id, actor.userId));
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'user.locale',
      entityType: 'user',
      entityId: actor.userId,
      details: { locale },
    });
  });
  return { locale };
}
