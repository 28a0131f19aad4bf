import { desc, eq, isNull, sql } from 'drizzle-orm';
import { cases, legalHolds, persons, users, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';

/** The legal holds in force, newest first, with what they cover in words. */
export async function listLegalHolds(deps: { db: Db }, actor: Actor) {
  requirePermission(actor, 'privacy.manage');
  const rows = await deps.db
    .select({
      id: legalHolds.id,
      caseId: legalHolds.caseId,
      caseNumber: cases.number,
      personId: legalHolds.personId,
      personName: sql<string | null>`${persons.firstName} || ' ' || ${persons.lastName}`,
      reason: legalHolds.reason,
      setAt: legalHolds.setAt,
      setBy: users.displayName,
    })
    .from(legalHolds)
    .innerJoin(users, eq(users.id, legalHolds.setByUserId))
    .leftJoin(cases, eq(cases.id, legalHolds.caseId))
    .leftJoin(persons, eq(persons.id, legalHolds.personId))
    .where(isNull(legalHolds.releasedAt))
    .orderBy(desc(legalHolds.setAt));
  return rows.map((r) => ({ ...r, setAt: r.setAt.toISOString() }));
}
