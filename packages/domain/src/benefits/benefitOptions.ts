import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { can, type Actor } from '../access/Actor';
import { forbidden } from '../errors/DomainError';

/** What a KPI can be measured for: the services of the catalogue and the administrations. */
export async function benefitOptions(deps: { db: Db }, actor: Actor) {
  if (!can(actor, 'benefits.read') && !can(actor, 'benefits.manage')) throw forbidden();
  const services = await deps.db.execute(
    sql`SELECT DISTINCT ON (id) id, definition->'name' AS name FROM services ORDER BY id, version DESC`,
  );
  const administrations = await deps.db.execute(
    sql`SELECT id, name FROM org_units WHERE kind = 'administration' ORDER BY name`,
  );
  return { services: services.rows, administrations: administrations.rows };
}
