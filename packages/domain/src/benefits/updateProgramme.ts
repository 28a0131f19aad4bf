import type { TProgrammeBody } from '@indgang/schemas';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { type Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';
import { staleEdit } from './benefitAccess';

/** Changes a programme's name, purpose or status; refused when someone changed it meanwhile. */
export async function updateProgramme(
  deps: { db: Db },
  actor: Actor,
  programmeId: string,
  input: TProgrammeBody & { expectedVersion?: number },
): Promise<{ version: number }> {
  requirePermission(actor, 'benefits.manage');
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ version: number }>(sql`
      UPDATE programmes SET name = ${input.name}, description = ${input.description}, status = ${input.status}, version = version + 1, updated_at = now()
      WHERE id = ${programmeId} ${input.expectedVersion ? sql`AND version = ${input.expectedVersion}` : sql``} RETURNING version`);
    if (!rows[0]) {
      if (!(await tx.execute(sql`SELECT 1 FROM programmes WHERE id = ${programmeId}`)).rows[0])
        throw notFound({ da: 'Programmet', en: 'The programme' });
      throw staleEdit();
    }
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'programme.update',
      entityType: 'programme',
      entityId: programmeId,
      details: { name: input.name, status: input.status },
    });
    return { version: rows[0].version };
  });
}
