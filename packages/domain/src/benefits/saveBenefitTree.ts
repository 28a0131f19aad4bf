import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { checkBenefitTree } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { invalidInput } from '../errors/DomainError';
import { projectFor, staleEdit } from './benefitAccess';

export async function saveBenefitTree(
  deps: { db: Db },
  actor: Actor,
  projectId: string,
  input: { nodes: unknown; links: unknown; expectedVersion?: number },
): Promise<{ version: number }> {
  const checked = checkBenefitTree(input);
  if (!checked.value) throw invalidInput('benefit_tree_invalid', checked.issues);
  const tree = checked.value;
  return deps.db.transaction(async (tx) => {
    await projectFor(tx, actor, projectId, 'manage');
    const { rows } = await tx.execute<{ version: number }>(sql`
      INSERT INTO benefit_trees (project_id, nodes, links, updated_by_user_id) VALUES (${projectId}, ${JSON.stringify(tree.nodes)}::jsonb, ${JSON.stringify(tree.links)}::jsonb, ${actor.userId})
      ON CONFLICT (project_id) DO UPDATE SET nodes = excluded.nodes, links = excluded.links, updated_by_user_id = excluded.updated_by_user_id, updated_at = now(), version = benefit_trees.version + 1
      WHERE ${input.expectedVersion === undefined ? sql`true` : sql`benefit_trees.version = ${input.expectedVersion}`}
      RETURNING version`);
    const version = rows[0]?.version;
    if (version === undefined) throw staleEdit();
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'benefit_tree.save',
      entityType: 'project',
      entityId: projectId,
      details: { version, nodes: tree.nodes.length, links: tree.links.length },
    });
    return { version };
  });
}
