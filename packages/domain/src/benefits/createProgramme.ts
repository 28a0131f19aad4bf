import type { TProgrammeBody } from '@indgang/schemas';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { type Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';

export async function createProgramme(
  deps: { db: Db },
  actor: Actor,
  input: TProgrammeBody,
): Promise<{ id: string }> {
  requirePermission(actor, 'benefits.manage');
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.execute(
      sql`INSERT INTO programmes (id, name, description, owner_user_id, status) VALUES (${id}, ${input.name}, ${input.description}, ${actor.userId}, ${input.status})`,
    );
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'programme.create',
      entityType: 'programme',
      entityId: id,
      details: { name: input.name },
    });
  });
  return { id };
}
