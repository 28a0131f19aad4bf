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
  category: TServiceDefinition['category'];
  summary: TServiceDefinition['summary'];
  usedInMyUnits: number;
  usedByMe: number;
}

/** A service text in one language for full-text search: the Danish of any text, the English where given. */
const textSql = (key: 'name' | 'summary' | 'category', locale: 'da' | 'en') => {
  const k = sql.raw(`'${key}'`);
  return locale === 'da'
    ? sql`coalesce(definition->${k}->>'da', definition->>${k}, '')`
    : sql`coalesce(definition->${k}->>'en', '')`;
};

/**
 * The services this user may request, found by full-text search when `query` is given (Danish
 * inflections match the Danish texts and keywords, English ones the English texts), with how often
 * each was used over the last year in the user's units and by the user herself.
 */
export async function listServices(
  deps: { db: Db },
  actor: Actor,
  query?: string,
): Promise<{ persona: Persona; services: ServiceCard[] }> {
  const persona = await personaFor({ db: deps.db }, actor);
  let allowed = (await latestServices(deps.db)).filter((s) => audienceMatches(s.audience, persona));
  if (query && query.trim()) {
    const q = query.trim();
    const { rows } = await deps.db.execute<{ id: string }>(sql`
      SELECT id FROM services
      WHERE active AND (
        to_tsvector('danish', ${textSql('name', 'da')} || ' ' || ${textSql('summary', 'da')} || ' ' || (definition->'keywords')::text || ' ' || ${textSql('category', 'da')})
          @@ plainto_tsquery('danish', ${q})
        OR to_tsvector('english', ${textSql('name', 'en')} || ' ' || ${textSql('summary', 'en')} || ' ' || ${textSql('category', 'en')})
          @@ plainto_tsquery('english', ${q}))`);
    const hits = new Set(rows.map((r) => r.id));
    allowed = allowed.filter((s) => hits.has(s.id));
  }
  const { rows: usage } = await deps.db.execute<{ serviceId: string; n: number }>(sql`
    SELECT c.service_id AS "serviceId", count(*)::int AS n FROM cases c JOIN org_units u ON u.id = c.unit_id
    WHERE c.submitted_at > now() - interval '365 days' AND ${actor.unitScope === 'all' ? sql`false` : unitInScope(actor, sql.raw('u.path'))}
    GROUP BY c.service_id`);
  const used = new Map(usage.map((r) => [r.serviceId, r.n]));
  // The user's own submissions only: what she herself uses most comes first in the catalogue.
  const { rows: mine } = await deps.db.execute<{ serviceId: string; n: number }>(sql`
    SELECT service_id AS "serviceId", count(*)::int AS n FROM cases
    WHERE submitted_by_user_id = ${actor.userId} AND submitted_at > now() - interval '365 days'
    GROUP BY service_id`);
  const usedByMe = new Map(mine.map((r) => [r.serviceId, r.n]));
  return {
    persona,
    services: allowed.map((s) => ({
      id: s.id,
      version: s.version,
      name: s.name,
      category: s.category,
      summary: s.summary,
      usedInMyUnits: used.get(s.id) ?? 0,
      usedByMe: usedByMe.get(s.id) ?? 0,
    })),
  };
}
