import { sql } from 'drizzle-orm';
import type { Persona } from '@indgang/schemas';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';

/**
 * The persona the portal adapts to: roles, the administration the user works in, experience
 * (fewer than three cases submitted: new) and frequency (ten or more in 90 days: frequent).
 */
export async function personaFor(db: Pick<Db, 'execute'>, actor: Actor): Promise<Persona> {
  const units = [...actor.ledUnitIds, ...actor.delegatedUnitIds];
  const { rows } = await db.execute(sql`
    SELECT
      (SELECT a.code FROM org_units u JOIN org_units a ON a.id = u.administration_id
        WHERE u.id = ANY(${`{${units.join(',')}}`}::text[])
           OR u.id IN (SELECT unit_id FROM employments WHERE person_id = ${actor.personId ?? ''} AND (end_date IS NULL OR end_date >= current_date))
        ORDER BY u.path LIMIT 1) AS administration,
      (SELECT count(*)::int FROM cases WHERE submitted_by_user_id = ${actor.userId}) AS total,
      (SELECT count(*)::int FROM cases WHERE submitted_by_user_id = ${actor.userId} AND submitted_at > now() - interval '90 days') AS recent`);
  const row = rows[0] as { administration: string | null; total: number; recent: number };
  return {
    roles: [...actor.roles],
    administration: row.administration,
    experience: row.total < 3 ? 'new' : 'experienced',
    frequency: row.recent >= 10 ? 'frequent' : 'rare',
  };
}
