import { sql } from 'drizzle-orm';

/**
 * The name of case step `s` in its case's pinned process definition (the service version `c` was
 * submitted under), as the definition has it (text in Danish, or in both languages); null when the
 * definition no longer names the step.
 */
export const stepNameSql = sql`(SELECT st->'name' FROM services sv
    CROSS JOIN LATERAL jsonb_array_elements(coalesce(sv.definition->'process'->'steps', '[]'::jsonb)) st
  WHERE sv.id = c.service_id AND sv.version = c.service_version AND st->>'id' = s.step_id LIMIT 1)`;

/** The name of case `c`'s service (text, or in both languages) in its pinned version. */
export const serviceNameSql = sql`(SELECT sv.definition->'name' FROM services sv WHERE sv.id = c.service_id AND sv.version = c.service_version)`;
