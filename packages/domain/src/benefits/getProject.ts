import { eq } from 'drizzle-orm';
import { programmes, type Db } from '@indgang/db';
import { isReadOnly, mayChange, type Actor } from '../access/Actor';
import { projectFor } from './benefitAccess';
import { benefitOwner, owner, p, projectColumns } from './benefitRows';

/** One project with its programme, and what the actor may do with it. */
export async function getProject(deps: { db: Db }, actor: Actor, projectId: string) {
  await projectFor(deps.db, actor, projectId, 'read');
  const [project] = await deps.db
    .select({ programmeId: p.programmeId, programmeName: programmes.name, ...projectColumns })
    .from(p)
    .innerJoin(programmes, eq(programmes.id, p.programmeId))
    .innerJoin(owner, eq(owner.id, p.ownerUserId))
    .innerJoin(benefitOwner, eq(benefitOwner.id, p.benefitOwnerUserId))
    .where(eq(p.id, projectId));
  const { id, ...rest } = project!;
  const canManage = mayChange(actor, 'benefits.manage');
  return {
    id,
    ...rest,
    canManage,
    canRecord: canManage || (rest.benefitOwnerUserId === actor.userId && !isReadOnly(actor)),
  };
}
