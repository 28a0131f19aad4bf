import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { delegations, orgUnits, roleAssignments, unitManagers, users, type Db } from '@indgang/db';
import { DomainError } from '../errors/DomainError';
import type { Actor } from './Actor';
import { isOrgWide } from './Actor';
import { ROLES, type Role } from './roles';

/**
 * Builds the actor for a user: explicit role assignments, leadership from the organisation
 * ("manager of"), and delegations valid on `today` (YYYY-MM-DD).
 */
export async function loadActor(db: Pick<Db, 'select'>, userId: string, today: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new DomainError('unauthenticated', 'unknown_user', { da: 'Brugeren findes ikke.', en: 'Unknown user.' });

  const assignments = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));
  const roles = new Set<Role>(assignments.map((a) => a.role).filter((r): r is Role => (ROLES as readonly string[]).includes(r)));
  const led = new Set(assignments.filter((a) => a.role === 'leader' && a.unitId).map((a) => a.unitId as string));
  if (user.personId) {
    roles.add('employee');
    const managed = await db.select({ unitId: unitManagers.unitId }).from(unitManagers).where(eq(unitManagers.personId, user.personId));
    for (const m of managed) led.add(m.unitId);
  }
  if (led.size > 0) roles.add('leader');

  const delegated = user.personId ? await db.select({ unitId: delegations.unitId }).from(delegations).where(and(
    eq(delegations.toPersonId, user.personId), isNull(delegations.revokedAt),
    lte(delegations.validFrom, today), gte(delegations.validTo, today),
  )) : [];
  const delegatedUnitIds = [...new Set(delegated.map((d) => d.unitId))];
  if (delegatedUnitIds.length > 0) roles.add('deputy');

  const scopeIds = [...led, ...delegatedUnitIds];
  const paths = scopeIds.length === 0 ? [] : (await db.select({ path: orgUnits.path }).from(orgUnits).where(inArray(orgUnits.id, scopeIds))).map((u) => u.path);

  return {
    userId,
    personId: user.personId,
    displayName: user.displayName,
    roles,
    ledUnitIds: [...led],
    delegatedUnitIds,
    teamIds: [...new Set(assignments.map((a) => a.teamId).filter((t): t is string => !!t))],
    unitScope: isOrgWide(roles) ? 'all' : paths,
  };
}
