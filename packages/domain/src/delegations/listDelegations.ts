import { desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { delegations, orgUnits, users, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';

/** Delegations the actor gave or received. */
export async function listDelegations(deps: { db: Db }, actor: Actor) {
  const from = alias(users, 'from_user');
  const to = alias(users, 'to_user');
  const rows = await deps.db.select({ d: delegations, fromName: from.displayName, toName: to.displayName, unitName: orgUnits.name })
    .from(delegations)
    .innerJoin(from, eq(from.id, delegations.fromUserId))
    .innerJoin(to, eq(to.id, delegations.toUserId))
    .innerJoin(orgUnits, eq(orgUnits.id, delegations.unitId))
    .where(or(eq(delegations.fromUserId, actor.userId), eq(delegations.toUserId, actor.userId)))
    .orderBy(desc(delegations.validFrom));
  return rows.map(({ d, fromName, toName, unitName }) => ({
    id: d.id, fromUserId: d.fromUserId, fromName, toUserId: d.toUserId, toName, unitId: d.unitId, unitName,
    validFrom: d.validFrom, validTo: d.validTo, revoked: d.revokedAt !== null,
  }));
}
