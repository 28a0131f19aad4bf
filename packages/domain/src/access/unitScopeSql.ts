import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Actor } from './Actor';

/** A SQL condition that keeps only units inside the actor's scope (by materialised path). */
export function unitInScope(actor: Actor, pathColumn: AnyColumn | SQL): SQL {
  if (actor.unitScope === 'all') return sql`true`;
  if (actor.unitScope.length === 0) return sql`false`;
  const prefixes = `{${actor.unitScope.map((p) => `"${p.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return sql`EXISTS (SELECT 1 FROM unnest(${prefixes}::text[]) AS scope(prefix) WHERE starts_with(${pathColumn}, scope.prefix))`;
}
