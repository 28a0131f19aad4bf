import { and, asc, ilike, or, sql } from 'drizzle-orm';
import { persons, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { personVisible } from './personVisibility';
import { containsPattern } from '../search/containsPattern';

export interface PersonHit {
  id: string;
  name: string;
  employeeNumber: string | null;
}

/** Finds people in the actor's scope by name or employee number (at most `limit`). */
export async function searchPersons(
  deps: { db: Db },
  actor: Actor,
  query: string,
  today: string,
  limit = 25,
): Promise<PersonHit[]> {
  requirePermission(actor, 'org.read');
  const q = query.trim();
  const pattern = containsPattern(q);
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: persons.id,
        firstName: persons.firstName,
        lastName: persons.lastName,
        employeeNumber: persons.employeeNumber,
      })
      .from(persons)
      .where(
        and(
          personVisible(actor, today),
          or(
            ilike(sql`${persons.firstName} || ' ' || ${persons.lastName}`, pattern),
            ilike(persons.employeeNumber, pattern),
          ),
        ),
      )
      .orderBy(asc(persons.lastName), asc(persons.firstName))
      .limit(limit);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'person.search',
      entityType: 'person',
      details: { query: q, hits: rows.length },
    });
    return rows.map((r) => ({
      id: r.id,
      name: `${r.firstName} ${r.lastName}`,
      employeeNumber: r.employeeNumber,
    }));
  });
}
