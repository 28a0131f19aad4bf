import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { type BenefitTree } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { projectFor } from './benefitAccess';

export async function getBenefitTree(
  deps: { db: Db },
  actor: Actor,
  projectId: string,
): Promise<BenefitTree & { version: number; projectName: string }> {
  const project = await projectFor(deps.db, actor, projectId, 'read');
  const { rows } = await deps.db.execute(
    sql`SELECT nodes, links, version FROM benefit_trees WHERE project_id = ${projectId}`,
  );
  const row = rows[0] as (BenefitTree & { version: number }) | undefined;
  return { ...(row ?? { nodes: [], links: [], version: 0 }), projectName: project.name };
}
