import { sql, type SQL } from 'drizzle-orm';
import { audienceMatches, type Persona, type TServiceDefinition } from '@indgang/schemas';
import { sqlArray, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { notFound } from '../errors/DomainError';
import { storedDefinition } from './latestServices';
import { TtlCache } from './TtlCache';
import { todayInDenmark } from '../time/isoDate';

/** Columns administration, total (capped at 3) and recent (capped at 10) describing the actor. */
function personaColumns(actor: Actor): SQL {
  const units = [...actor.ledUnitIds, ...actor.delegatedUnitIds];
  return sql`
    (SELECT a.code FROM org_units u JOIN org_units a ON a.id = u.administration_id
      WHERE u.id = ANY(${sqlArray(units)}::text[])
         OR u.id IN (SELECT unit_id FROM employments WHERE person_id = ${actor.personId ?? ''} AND (end_date IS NULL OR end_date >= ${todayInDenmark()}::date))
      ORDER BY u.path LIMIT 1) AS administration,
    (SELECT count(*)::int FROM (SELECT 1 FROM cases WHERE submitted_by_user_id = ${actor.userId} LIMIT 3) t) AS total,
    (SELECT count(*)::int FROM (SELECT 1 FROM cases WHERE submitted_by_user_id = ${actor.userId} AND submitted_at > now() - interval '90 days' LIMIT 10) r) AS recent`;
}

/** The columns of `personaColumns`. */
type PersonaRow = { administration: string | null; total: number; recent: number };

function toPersona(actor: Actor, row: PersonaRow): Persona {
  return {
    roles: [...actor.roles],
    administration: row.administration,
    experience: row.total < 3 ? 'new' : 'experienced',
    frequency: row.recent >= 10 ? 'frequent' : 'rare',
  };
}

/**
 * The persona the portal adapts to: roles, the administration the user works in, experience
 * (fewer than three cases submitted: new) and frequency (ten or more in 90 days: frequent).
 */
export async function personaFor(deps: { db: Pick<Db, 'execute'> }, actor: Actor): Promise<Persona> {
  const { db } = deps;
  const { rows } = await db.execute<PersonaRow>(sql`SELECT ${personaColumns(actor)}`);
  return toPersona(actor, rows[0]!);
}

/** A service's current version together with the actor's persona, in one round trip. */
export async function serviceWithPersona(
  deps: { db: Pick<Db, 'execute'> },
  actor: Actor,
  serviceId: string,
): Promise<{ definition: TServiceDefinition; persona: Persona }> {
  const { db } = deps;
  // The definition as stored: read through storedDefinition.
  const {
    rows: [row],
  } = await db.execute<PersonaRow & { definition: unknown }>(
    sql`SELECT s.definition, ${personaColumns(actor)} FROM services s WHERE s.id = ${serviceId} AND s.active ORDER BY s.version DESC LIMIT 1`,
  );
  if (!row) throw notFound({ da: 'Servicen', en: 'The service' });
  return { definition: storedDefinition(row.definition), persona: toPersona(actor, row) };
}

export interface CatalogCache {
  services: TtlCache<TServiceDefinition>;
  personas: TtlCache<Persona>;
}

/** Service definitions may be 5 s stale (a new version shows within that), personas a minute. */
export function createCatalogCache(): CatalogCache {
  return { services: new TtlCache(5_000), personas: new TtlCache(60_000) };
}

/**
 * The service as this actor may request it; a service outside her audience does not exist for her.
 * With a cache, the current definition and the persona come from memory when recent enough.
 */
export async function serviceForActor(
  deps: { db: Pick<Db, 'execute'> },
  actor: Actor,
  serviceId: string,
  cache?: CatalogCache,
): Promise<{ definition: TServiceDefinition; persona: Persona }> {
  const { db } = deps;
  const found = cache
    ? {
        definition: await cache.services.get(
          serviceId,
          async () => (await serviceWithPersona({ db }, actor, serviceId)).definition,
        ),
        persona: await cache.personas.get(
          `${actor.userId}|${[...actor.roles].sort().join(',')}|${actor.ledUnitIds.join(',')}|${actor.delegatedUnitIds.join(',')}`,
          () => personaFor({ db }, actor),
        ),
      }
    : await serviceWithPersona({ db }, actor, serviceId);
  if (!audienceMatches(found.definition.audience, found.persona))
    throw notFound({ da: 'Servicen', en: 'The service' });
  return found;
}
