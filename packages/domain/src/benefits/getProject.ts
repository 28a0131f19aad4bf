import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { isReadOnly, mayChange, type Actor } from '../access/Actor';
import { projectFor } from './benefitAccess';

/** One project with its programme, and what the actor may do with it. */
export async function getProject(deps: { db: Db }, actor: Actor, projectId: string) {
  await projectFor(deps.db, actor, projectId, 'read');
  const { rows } = await deps.db.execute(sql`
    SELECT p.id, p.programme_id AS "programmeId", g.name AS "programmeName", p.name, p.description, p.status, p.risk_level AS "riskLevel", p.risk_description AS "riskDescription", p.version,
      p.owner_user_id AS "ownerUserId", o.display_name AS "ownerName", p.benefit_owner_user_id AS "benefitOwnerUserId", b.display_name AS "benefitOwnerName"
    FROM projects p JOIN programmes g ON g.id = p.programme_id JOIN users o ON o.id = p.owner_user_id JOIN users b ON b.id = p.benefit_owner_user_id WHERE p.id = ${projectId}`);
  const project = rows[0]!;
  const canManage = mayChange(actor, 'benefits.manage');
  return {
    ...project,
    canManage,
    canRecord: canManage || (project.benefitOwnerUserId === actor.userId && !isReadOnly(actor)),
  };
}
