import { eventTypeSql } from '../cases/appendCaseEvent';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { KpiSource } from '@indgang/schemas';
import { minutesSavedSql } from '../automation/minutesSavedSql';

export interface MetricFilter {
  serviceId?: string | null;
  administrationId?: string | null;
  params?: { minutesSavedPerCaseCenti?: number; pricePerEffectiveHourCenti?: number };
}
/**
 * One month's value in hundredths of the KPI's unit, and how many cases it rests on; both null
 * (suppressed) when it rests on fewer than SMALL_CELL_LIMIT cases.
 */
export type MetricPoint =
  | { month: string; valueCenti: number; basis: number; suppressed: false }
  | { month: string; valueCenti: null; basis: null; suppressed: true };

/** A figure resting on fewer cases than this could point at a person: it is not shown. */
export const SMALL_CELL_LIMIT = 5;

/** Roles of the service centre: a case they register for someone is not self-service. */
const STAFF_ROLES = `{caseworker,anchor,team_lead,process_owner}`;

/**
 * Measures a KPI from the platform's own cases, per calendar month (Danish time) from `from` to
 * `to`, for one service and/or one administration (a top-level unit; any other unit measures
 * nothing). Aggregates only, and none resting on fewer than five cases: no case or person leaves.
 */
export async function measureMetric(
  deps: { db: Pick<Db, 'execute'> },
  source: Exclude<KpiSource, 'manual'>,
  filter: MetricFilter,
  from: string,
  to: string,
): Promise<MetricPoint[]> {
  const { db } = deps;
  return (await measureMonthly({ db }, source, filter, from, to)).map((r) =>
    r.basis < SMALL_CELL_LIMIT
      ? { month: r.month, valueCenti: null, basis: null, suppressed: true }
      : { ...r, suppressed: false },
  );
}

/** The monthly figures before small cells are suppressed; only `measureMetric` may hand them on. */
export async function measureMonthly(
  deps: { db: Pick<Db, 'execute'> },
  source: Exclude<KpiSource, 'manual'>,
  filter: MetricFilter,
  from: string,
  to: string,
): Promise<Array<{ month: string; valueCenti: number; basis: number }>> {
  const { db } = deps;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to))
    throw new RangeError('dates must be YYYY-MM-DD');
  const month = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM')`);
  const adminPath = filter.administrationId
    ? (
        await db.execute<{ path: string }>(
          sql`SELECT path FROM org_units WHERE id = ${filter.administrationId} AND kind = 'administration'`,
        )
      ).rows[0]?.path
    : null;
  if (adminPath === undefined) return [];
  const scoped = sql`
    SELECT c.* FROM cases c JOIN org_units u ON u.id = c.unit_id
    WHERE (${filter.serviceId ?? null}::text IS NULL OR c.service_id = ${filter.serviceId ?? null})
      AND (${adminPath}::text IS NULL OR starts_with(u.path, ${adminPath}))`;
  const window = (column: string) =>
    sql.raw(`(${column} AT TIME ZONE 'Europe/Copenhagen')::date BETWEEN '${from}'::date AND '${to}'::date`);
  let query;
  switch (source) {
    case 'cases_submitted':
      query = sql`WITH f AS (${scoped}) SELECT ${month('f.submitted_at')} AS month, count(*) * 100 AS value, count(*)::int AS basis FROM f WHERE ${window('f.submitted_at')} GROUP BY 1`;
      break;
    case 'lead_time_days':
      query = sql`WITH f AS (${scoped}) SELECT ${month('f.resolved_at')} AS month, round(avg(extract(epoch FROM f.resolved_at - f.submitted_at)) / 864)::bigint AS value, count(*)::int AS basis
        FROM f WHERE f.resolved_at IS NOT NULL AND ${window('f.resolved_at')} GROUP BY 1`;
      break;
    case 'returns_per_100':
      query = sql`WITH f AS (${scoped}), r AS (
          SELECT f.submitted_at, (SELECT count(*) FROM case_events e WHERE e.case_id = f.id AND e.type = ${eventTypeSql('returned')}) AS returns FROM f WHERE ${window('f.submitted_at')})
        SELECT ${month('r.submitted_at')} AS month, round(10000.0 * sum(r.returns) / count(*))::bigint AS value, count(*)::int AS basis FROM r GROUP BY 1`;
      break;
    case 'self_service_share':
      query = sql`WITH f AS (${scoped}) SELECT ${month('f.submitted_at')} AS month,
          round(10000.0 * count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = f.submitted_by_user_id AND r.role = ANY(${STAFF_ROLES}::text[]))) / count(*))::bigint AS value, count(*)::int AS basis
        FROM f WHERE ${window('f.submitted_at')} AND f.anonymised_at IS NULL GROUP BY 1`;
      break;
    case 'automated_share':
    case 'automation_value_kr': {
      // Handled end to end by the process engine (cases.automation), or resolved by the platform itself.
      const automated = sql`(f.automation = 'full' OR EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = f.id AND e.type = ${eventTypeSql('resolved')} AND (e.actor_user_id IS NULL OR e.data->>'automated' = 'true')))`;
      const minutes = BigInt(filter.params?.minutesSavedPerCaseCenti ?? 0);
      const price = BigInt(filter.params?.pricePerEffectiveHourCenti ?? 0);
      // Kroner in hundredths: cases × minutes × price per hour / 60, both inputs in hundredths.
      const value =
        source === 'automated_share'
          ? sql`round(10000.0 * count(*) FILTER (WHERE ${automated}) / count(*))::bigint`
          : sql`round(count(*) FILTER (WHERE ${automated}) * ${minutes.toString()}::numeric * ${price.toString()}::numeric / 6000)::bigint`;
      query = sql`WITH f AS (${scoped}) SELECT ${month('f.resolved_at')} AS month, ${value} AS value, count(*)::int AS basis FROM f WHERE f.resolved_at IS NOT NULL AND ${window('f.resolved_at')} GROUP BY 1`;
      break;
    }
    case 'automation_minutes_saved':
      // Minutes in hundredths, from the effort norms of the service and of the steps a person still did.
      query = sql`WITH f AS (${scoped}) SELECT ${month('f.resolved_at')} AS month, round(100 * sum(${minutesSavedSql('f')}))::bigint AS value, count(*)::int AS basis
        FROM f WHERE f.resolved_at IS NOT NULL AND ${window('f.resolved_at')} GROUP BY 1`;
      break;
  }
  // Every value is a bigint, which the driver hands over as text.
  const { rows } = await db.execute<{ month: string; value: string; basis: number }>(
    sql`${query} ORDER BY 1`,
  );
  return rows.map((r) => ({ month: r.month, valueCenti: Number(r.value), basis: r.basis }));
}
