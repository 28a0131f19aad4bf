import { asc, eq, sql } from 'drizzle-orm';
import { programmes, users, type Db } from '@indgang/db';
import { type Actor } from '../access/Actor';
import { programmeVisible } from './benefitAccess';
import { programmeStatus } from './benefitRows';

/** Programmes the actor may see, with how many projects each has. */
export async function listProgrammes(deps: { db: Db }, actor: Actor) {
  return deps.db
    .select({
      id: programmes.id,
      name: programmes.name,
      description: programmes.description,
      status: programmeStatus,
      ownerName: users.displayName,
      projectCount: sql<number>`(SELECT count(*)::int FROM projects p WHERE p.programme_id = ${programmes.id})`,
    })
    .from(programmes)
    .innerJoin(users, eq(users.id, programmes.ownerUserId))
    .where(programmeVisible(actor))
    .orderBy(asc(programmes.createdAt));
}
