import { sql, type SQL } from 'drizzle-orm';

/** The effort norm (minutes by hand) of case `alias`'s service in its pinned version. */
const serviceEffort = (alias: string) =>
  sql.raw(`coalesce((SELECT (sv.definition->>'effortMinutes')::numeric FROM services sv
    WHERE sv.id = ${alias}.service_id AND sv.version = ${alias}.service_version), 0)`);

/** The effort norms of the steps of case `alias` that a person did (after automation). */
const personEffort = (alias: string) =>
  sql.raw(`coalesce((SELECT sum((st->>'effortMinutes')::numeric) FROM case_steps ps
    JOIN services sv ON sv.id = ${alias}.service_id AND sv.version = ${alias}.service_version
    CROSS JOIN LATERAL jsonb_array_elements(coalesce(sv.definition->'process'->'steps', '[]'::jsonb)) st
    WHERE ps.case_id = ${alias}.id AND ps.status = 'done' AND ps.completed_by_user_id IS NOT NULL AND st->>'id' = ps.step_id), 0)`);

/**
 * Minutes a case's automation saved, from the effort norms: the service's norm for the case done by
 * hand (before) less the norms of the steps a person still did (after), never below nothing. Only
 * cases automation handled (fully or partly) save anything; excluded and failed ones count nothing.
 */
export const minutesSavedSql = (alias: string): SQL =>
  sql`(CASE WHEN ${sql.raw(alias)}.automation IN ('full', 'partial') THEN GREATEST(0, ${serviceEffort(alias)} - ${personEffort(alias)}) ELSE 0 END)`;
