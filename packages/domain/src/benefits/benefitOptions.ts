import { asc, eq, sql } from 'drizzle-orm';
import { orgUnits, type Db } from '@indgang/db';
import type { TServiceDefinition } from '@indgang/schemas';
import { can, type Actor } from '../access/Actor';
import { forbidden } from '../errors/DomainError';

/** What a KPI can be measured for: the services of the catalogue and the administrations. */
export async function benefitOptions(deps: { db: Db }, actor: Actor) {
  if (!can(actor, 'benefits.read') && !can(actor, 'benefits.manage')) throw forbidden();
  // The name of each service's newest version, as installCatalog stored it (checked by ZServiceDefinition).
  const services = await deps.db.execute<{ id: string; name: TServiceDefinition['name'] }>(
    sql`SELECT DISTINCT ON (id) id, definition->'name' AS name FROM services ORDER BY id, version DESC`,
  );
  const administrations = await deps.db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.kind, 'administration'))
    .orderBy(asc(orgUnits.name));
  return { services: services.rows, administrations };
}
