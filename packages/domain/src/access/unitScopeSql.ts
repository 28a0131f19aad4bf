import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { sqlArray } from '@indgang/db';
import type { Actor } from './Actor';

/** A SQL condition that keeps only units inside the actor's scope (by materialised path). */
export function unitInScope(actor: Actor, pathColumn: AnyColumn | SQL): SQL {
  if (actor.unitScope === 'all') return sql`true`;
  if (actor.unitScope.length === 0) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM unnest(${sqlArray(actor.unitScope)}::text[]) AS scope(prefix) WHERE starts_with(${pathColumn}, scope.prefix))`;
}
