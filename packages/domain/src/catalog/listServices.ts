import { sql } from 'drizzle-orm';
import { audienceMatches, type Persona, type TServiceDefinition } from '@indgang/schemas';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { unitInScope } from '../access/unitScopeSql';
import { latestServices } from './latestServices';
import { personaFor } from './personaFor';

export interface ServiceCard {
  id: string;
  version: number;
  name: TServiceDefinition['name'];
  category: string;
  summary: TServiceDefinition['summary'];
  usedInMyUnits: number;
}

/**
 * The services this user may request, found by Danish full-text search (inflections match) when
 * `query` is given, with how often each was used in the user's units over the last year.
 */
export async function listServices(
  deps: { db: Db },
  actor: Actor,
  query?: string,
): Promise<{ persona: Persona; services: ServiceCard[] }> {
  const persona = await personaFor({ db: deps.db }, actor);
  let allowed = (await latestServices(deps.db)).filter((s) => audienceMatches(s.audience, persona));
  if (query && query.trim()) {
    const { rows } = await deps.db.execute<{ id: string }>(sql`
      SELECT id FROM services
      WHERE active AND to_tsvector('danish', coalesce(definition->'name'->>'da', definition->>'name') || ' ' || coalesce(definition->'summary'->>'da', definition->>'summary') || ' ' || (definition->'keywords')::text || ' ' || (definition->>'category'))
        @@ plainto_tsquery('danish', ${query.trim()})`);
    const hits = new Set(rows.map((r) => r.id));
    allowed = allowed.filter((s) => hits.has(s.id));
  }
  const { rows: usage } = await deps.db.execute<{ serviceId: string; n: number }>(sql`
    SELECT c.service_id AS "serviceId", count(*)::int AS n FROM cases c JOIN org_units u ON u.id = c.unit_id
    WHERE c.submitted_at > now() - interval '365 days' AND ${actor.unitScope === 'all' ? sql`false` : unitInScope(actor, sql.raw('u.path'))}
    GROUP BY c.service_id`);
  const used = new Map(usage.map((r) => [r.serviceId, r.n]));
  return {
    persona,
    services: allowed.map((s) => ({
      id: s.id,
      version: s.version,
      name: s.name,
      category: s.category,
      summary: s.summary,
      usedInMyUnits: used.get(s.id) ?? 0,
    })),
  };
}
