import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { type Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { containsPattern } from '../search/containsPattern';

/** Users to choose as owner or benefit owner, found by name. */
export async function searchPeople(deps: { db: Db }, actor: Actor, q: string) {
  requirePermission(actor, 'benefits.manage');
  const pattern = containsPattern(q);
  const { rows } = await deps.db.execute<{ id: string; displayName: string }>(
    sql`SELECT id, display_name AS "displayName" FROM users WHERE display_name ILIKE ${pattern} OR id ILIKE ${pattern} ORDER BY display_name LIMIT 20`,
  );
  return rows;
}
