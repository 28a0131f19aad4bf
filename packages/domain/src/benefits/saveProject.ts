import type { TProjectBody } from '@indgang/schemas';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { type Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';
import { projectFor, requireUsers, staleEdit } from './benefitAccess';

/** Creates a project in a programme, or updates one (refused when someone changed it meanwhile). */
export async function saveProject(
  deps: { db: Db },
  actor: Actor,
  programmeId: string,
  input: TProjectBody,
  projectId?: string,
): Promise<{ id: string; version: number }> {
  requirePermission(actor, 'benefits.manage');
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`SELECT id FROM programmes WHERE id = ${programmeId}`);
    if (!rows[0]) throw notFound({ da: 'Programmet', en: 'The programme' });
    await requireUsers(tx, { ownerUserId: input.ownerUserId, benefitOwnerUserId: input.benefitOwnerUserId });
    const values = sql`${input.name}, ${input.description}, ${input.ownerUserId}, ${input.benefitOwnerUserId}, ${input.status}, ${input.riskLevel}, ${input.riskDescription}`;
    if (!projectId) {
      const id = randomUUID();
      await tx.execute(
        sql`INSERT INTO projects (id, programme_id, name, description, owner_user_id, benefit_owner_user_id, status, risk_level, risk_description) VALUES (${id}, ${programmeId}, ${values})`,
      );
      await appendAudit(tx, {
        actorUserId: actor.userId,
        action: 'project.create',
        entityType: 'project',
        entityId: id,
        details: { programmeId, name: input.name },
      });
      return { id, version: 1 };
    }
    const project = await projectFor(tx, actor, projectId, 'manage');
    if (project.programmeId !== programmeId) throw notFound({ da: 'Projektet', en: 'The project' });
    const updated = await tx.execute<{ version: number }>(sql`
      UPDATE projects SET (name, description, owner_user_id, benefit_owner_user_id, status, risk_level, risk_description) = (${values}), version = version + 1, updated_at = now()
      WHERE id = ${projectId} AND version = ${input.expectedVersion ?? project.version} RETURNING version`);
    if (!updated.rows[0]) throw staleEdit();
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'project.update',
      entityType: 'project',
      entityId: projectId,
      details: { status: input.status, riskLevel: input.riskLevel },
    });
    return { id: projectId, version: updated.rows[0].version };
  });
}
