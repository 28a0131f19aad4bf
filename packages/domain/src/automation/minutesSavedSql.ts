import { sql, type SQL } from 'drizzle-orm';

/** The service's own effort norm (minutes for the whole case by hand) in case `alias`'s pinned version. */
const serviceEffort = (alias: string) =>
  sql.raw(`(SELECT (sv.definition->>'effortMinutes')::numeric FROM services sv
    WHERE sv.id = ${alias}.service_id AND sv.version = ${alias}.service_version)`);

/** The effort norms of the steps of case `alias` done by a person (`user`) or by automation (`system`). */
const stepEffort = (alias: string, by: 'user' | 'system') =>
  sql.raw(`coalesce((SELECT sum((st->>'effortMinutes')::numeric) FROM case_steps ps
    JOIN services sv ON sv.id = ${alias}.service_id AND sv.version = ${alias}.service_version
    CROSS JOIN LATERAL jsonb_array_elements(coalesce(sv.definition->'process'->'steps', '[]'::jsonb)) st
    WHERE ps.case_id = ${alias}.id AND ps.status = 'done' AND ps.completed_by_${by === 'user' ? 'user_id' : 'system'} IS NOT NULL AND st->>'id' = ps.step_id), 0)`);

/**
 * Minutes a case's automation saved, from the effort norms. With a norm for the whole service:
 * that norm (before) less the norms of the steps a person still did (after), never below nothing.
 * Without one: the norms of the steps automation did, each being the minutes a person spends on the
 * step by hand. Only cases automation handled (fully or partly) save anything.
 */
export const minutesSavedSql = (alias: string): SQL =>
  sql`(CASE WHEN ${sql.raw(alias)}.automation IN ('full', 'partial') AND ${serviceEffort(alias)} IS NULL THEN ${stepEffort(alias, 'system')}
    WHEN ${sql.raw(alias)}.automation IN ('full', 'partial') THEN GREATEST(0, ${serviceEffort(alias)} - ${stepEffort(alias, 'user')}) ELSE 0 END)`;
