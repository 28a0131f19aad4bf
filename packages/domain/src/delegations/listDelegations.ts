import { desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { delegations, orgUnits, persons, users, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';

/** Delegations the actor gave or received. */
export async function listDelegations(deps: { db: Db }, actor: Actor) {
  const from = alias(users, 'from_user');
  const given = eq(delegations.fromUserId, actor.userId);
  const rows = await deps.db
    .select({
      d: delegations,
      fromName: from.displayName,
      toFirst: persons.firstName,
      toLast: persons.lastName,
      unitName: orgUnits.name,
    })
    .from(delegations)
    .innerJoin(from, eq(from.id, delegations.fromUserId))
    .innerJoin(persons, eq(persons.id, delegations.toPersonId))
    .innerJoin(orgUnits, eq(orgUnits.id, delegations.unitId))
    .where(actor.personId ? or(given, eq(delegations.toPersonId, actor.personId)) : given)
    .orderBy(desc(delegations.validFrom));
  return rows.map(({ d, fromName, toFirst, toLast, unitName }) => ({
    id: d.id,
    fromUserId: d.fromUserId,
    fromName,
    toPersonId: d.toPersonId,
    toName: `${toFirst} ${toLast}`,
    unitId: d.unitId,
    unitName,
    validFrom: d.validFrom,
    validTo: d.validTo,
    revoked: d.revokedAt !== null,
    givenByMe: d.fromUserId === actor.userId,
  }));
}
