import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { type Actor } from '../access/Actor';
import { programmeVisible } from './benefitAccess';

/** Programmes the actor may see, with how many projects each has. */
export async function listProgrammes(deps: { db: Db }, actor: Actor) {
  const { rows } = await deps.db.execute(sql`
    SELECT programmes.id, programmes.name, programmes.description, programmes.status, u.display_name AS "ownerName",
      (SELECT count(*)::int FROM projects p WHERE p.programme_id = programmes.id) AS "projectCount"
    FROM programmes JOIN users u ON u.id = programmes.owner_user_id
    WHERE ${programmeVisible(actor)} ORDER BY programmes.created_at`);
  return rows;
}
