import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TRetention } from '@indgang/schemas';
import { latestServices } from '../catalog/latestServices';
import { todayInDenmark } from '../time/isoDate';

export interface RetentionOutcome { serviceId: string; action: TRetention['action']; cases: number }

/** A case covered by a legal hold that is not released, on the case itself or on the person it is about. */
export const onLegalHold = sql`EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at IS NULL AND (h.case_id = c.id OR h.person_id = c.subject_person_id))`;

/**
 * The date a case's retention period runs from: its resolution, or the day the employment of the
 * person it is about ended. An employment still running gives no date (the case is kept); a case
 * about no known person counts from its resolution.
 */
function periodStart(from: TRetention['from']): SQL {
  const resolved = sql`(c.resolved_at AT TIME ZONE 'Europe/Copenhagen')::date`;
  if (from === 'resolved') return resolved;
  return sql`(CASE WHEN c.subject_person_id IS NULL THEN ${resolved} ELSE (
    SELECT CASE WHEN count(*) = 0 THEN ${resolved} WHEN bool_or(e.end_date IS NULL) THEN NULL ELSE max(e.end_date) END
    FROM employments e WHERE e.person_id = c.subject_person_id) END)`;
}

/**
 * The nightly retention run: for each service, by the rule of its current version, the resolved
 * cases whose period has run out by `today` (Danish date) lose their answers, files and messages
 * (anonymise: the case stays as a count for statistics), or are deleted with everything on them.
 * Nothing under a legal hold is touched. Each case handled gets an audit entry in the same
 * transaction as the change.
 */
export async function runRetention(deps: { db: Db }, now: Date = new Date()): Promise<RetentionOutcome[]> {
  const today = todayInDenmark(now);
  const outcomes: RetentionOutcome[] = [];
  for (const service of await latestServices(deps.db)) {
    const rule = service.retention;
    // A version installed before services carried a retention rule has none: it is kept until given one.
    if (!rule) continue;
    const cases = await deps.db.transaction(async (tx) => {
      const { rows } = await tx.execute(sql`
        SELECT c.id FROM cases c
        WHERE c.service_id = ${service.id} AND c.status = 'resolved' AND c.anonymised_at IS NULL AND NOT ${onLegalHold}
          AND ${periodStart(rule.from)} + make_interval(years => ${rule.years}::int, months => ${rule.months}::int) < ${today}::date
        FOR UPDATE OF c SKIP LOCKED`);
      const ids = rows.map((r) => r.id as string);
      if (ids.length === 0) return 0;
      const list = sql`${`{${ids.join(',')}}`}::text[]`;
      await tx.execute(sql`INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, subject_person_id, details)
        SELECT now(), NULL, ${rule.action === 'delete' ? 'retention.delete' : 'retention.anonymise'}, 'case', c.id, c.subject_person_id,
          jsonb_build_object('service', c.service_id, 'number', c.number, 'rule', ${JSON.stringify(rule)}::jsonb)
        FROM cases c WHERE c.id = ANY(${list})`);
      await tx.execute(sql`DELETE FROM attachments WHERE case_id = ANY(${list})`);
      if (rule.action === 'delete') {
        await tx.execute(sql`DELETE FROM case_events WHERE case_id = ANY(${list})`);
        await tx.execute(sql`DELETE FROM cases WHERE id = ANY(${list})`);
      } else {
        // What happened and when stays (the KPIs count it); what was written and by whom about whom goes.
        await tx.execute(sql`UPDATE case_events SET body = NULL, data = '{}'::jsonb WHERE case_id = ANY(${list})`);
        await tx.execute(sql`UPDATE cases SET answers = '{}'::jsonb, subject_person_id = NULL, outcome = NULL, period_from = NULL, period_to = NULL,
          subject_hidden_until = NULL, anonymised_at = now() WHERE id = ANY(${list})`);
      }
      return ids.length;
    });
    if (cases > 0) outcomes.push({ serviceId: service.id, action: rule.action, cases });
  }
  return outcomes;
}
