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
  // As saveBenefitTree wrote them after checkBenefitTree.
  const {
    rows: [row],
  } = await deps.db.execute<{ nodes: BenefitTree['nodes']; links: BenefitTree['links']; version: number }>(
    sql`SELECT nodes, links, version FROM benefit_trees WHERE project_id = ${projectId}`,
  );
  return { ...(row ?? { nodes: [], links: [], version: 0 }), projectName: project.name };
}
