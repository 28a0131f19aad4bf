import { eq, or, sql, type SQL } from 'drizzle-orm';
import { persons } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { unitInScope } from '../access/unitScopeSql';

/** A person is visible to the actor if it is the actor, or has a current affiliation in the actor's scope. */
export function personVisible(actor: Actor, today: string): SQL {
  const self = actor.personId ? eq(persons.id, actor.personId) : sql`false`;
  if (actor.unitScope === 'all') return sql`true`;
  return or(
    self,
    sql`EXISTS (SELECT 1 FROM employments e JOIN org_units u ON u.id = e.unit_id
    WHERE e.person_id = persons.id AND (e.end_date IS NULL OR e.end_date >= ${today}) AND ${unitInScope(actor, sql.raw('u.path'))})`,
  ) as SQL;
}
