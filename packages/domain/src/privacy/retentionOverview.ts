import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { latestServices } from '../catalog/latestServices';

/** Each service's KLE classification and retention rule, how many of its cases have been anonymised, and when retention last ran. */
export async function retentionOverview(deps: { db: Db }, actor: Actor) {
  requirePermission(actor, 'privacy.manage');
  const services = await latestServices(deps.db);
  const { rows } = await deps.db.execute<{ serviceId: string; anonymised: number; cases: number }>(
    sql`SELECT service_id AS "serviceId", count(*) FILTER (WHERE anonymised_at IS NOT NULL)::int AS anonymised, count(*)::int AS cases FROM cases GROUP BY service_id`,
  );
  const counts = new Map(rows.map((r) => [r.serviceId, { cases: r.cases, anonymised: r.anonymised }]));
  // The retention job records the day of its last run as a JSON string.
  const { rows: last } = await deps.db.execute<{ day: string }>(
    sql`SELECT value #>> '{}' AS day FROM settings WHERE key = 'retention.last_run'`,
  );
  return {
    lastRun: last[0]?.day ?? null,
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      kle: s.kle ?? null,
      retention: s.retention ?? null,
      ...(counts.get(s.id) ?? { cases: 0, anonymised: 0 }),
    })),
  };
}
