import { and, asc, eq, sql } from 'drizzle-orm';
import { programmes, users, type Db } from '@indgang/db';
import { can, type Actor } from '../access/Actor';
import { notFound } from '../errors/DomainError';
import { programmeVisible } from './benefitAccess';
import { benefitOwner, owner, p, programmeStatus, projectColumns } from './benefitRows';

/** A programme with the projects the actor may see: all with a benefit role, else her own. */
export async function getProgramme(deps: { db: Db }, actor: Actor, programmeId: string) {
  const [programme] = await deps.db
    .select({
      id: programmes.id,
      name: programmes.name,
      description: programmes.description,
      status: programmeStatus,
      version: programmes.version,
      ownerUserId: programmes.ownerUserId,
      ownerName: users.displayName,
    })
    .from(programmes)
    .innerJoin(users, eq(users.id, programmes.ownerUserId))
    .where(and(eq(programmes.id, programmeId), programmeVisible(actor)));
  if (!programme) throw notFound({ da: 'Programmet', en: 'The programme' });
  const projects = await deps.db
    .select({
      ...projectColumns,
      kpiCount: sql<number>`(SELECT count(*)::int FROM kpis k WHERE k.project_id = ${p.id})`,
    })
    .from(p)
    .innerJoin(owner, eq(owner.id, p.ownerUserId))
    .innerJoin(benefitOwner, eq(benefitOwner.id, p.benefitOwnerUserId))
    .where(
      and(
        eq(p.programmeId, programmeId),
        can(actor, 'benefits.read')
          ? sql`true`
          : sql`(${p.ownerUserId} = ${actor.userId} OR ${p.benefitOwnerUserId} = ${actor.userId})`,
      ),
    )
    .orderBy(asc(p.createdAt));
  return { ...programme, projects };
}
