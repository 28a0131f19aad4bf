import { and, eq } from 'drizzle-orm';
import { drafts, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';

export async function getDraft(deps: { db: Db }, actor: Actor, serviceId: string) {
  const [row] = await deps.db
    .select()
    .from(drafts)
    .where(and(eq(drafts.userId, actor.userId), eq(drafts.serviceId, serviceId)));
  return row
    ? { answers: row.answers, savedAt: row.updatedAt.toISOString(), serviceVersion: row.serviceVersion }
    : null;
}
