import { statusSql } from '../cases/appendCaseEvent';
import { sql, type SQL } from 'drizzle-orm';
import { sqlArray, type Db } from '@indgang/db';
import type { TRetention, TServiceDefinition } from '@indgang/schemas';
import { latestServices } from '../catalog/latestServices';
import { todayInDenmark } from '../time/isoDate';

export interface RetentionOutcome {
  serviceId: string;
  action: TRetention['action'];
  cases: number;
}

/** The user an anonymised case is left with as its submitter: nobody (made by a migration). */
export const ANONYMISED_USER = 'system-anonymised';

/** Cases handled per transaction, so the first run over years of history does not hold one huge lock. */
const BATCH = 500;

/**
 * The person a case is about: the one picked from the organisation, or for a new person (a hire)
 * the person whose CPR number the form gave, once the organisation knows her.
 */
function subjectOf(def: TServiceDefinition): SQL {
  const section = def.sections.find((s) => !s.repeat && s.fields.some((f) => f.type === 'cpr'));
  const field = section?.fields.find((f) => f.type === 'cpr');
  if (!section || !field) return sql`c.subject_person_id`;
  const typed = sql`replace(c.answers #>> ${`{${section.id},${field.id}}`}::text[], '-', '')`;
  return sql`coalesce(c.subject_person_id, (SELECT p.id FROM persons p WHERE p.cpr = ANY(ARRAY[${typed}, substr(${typed}, 1, 6) || '-' || substr(${typed}, 7)]) LIMIT 1))`;
}

/** A case covered by a legal hold that is not released, on the case itself or on the person it is about. */
function onLegalHold(subject: SQL = sql`c.subject_person_id`): SQL {
  return sql`EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at IS NULL AND (h.case_id = c.id OR h.person_id = ${subject}))`;
}

/**
 * The date a case's retention period runs from: its resolution, or the day the employment of the
 * person it is about ended if that is later. An employment still running gives no date (the case
 * is kept); a case about nobody the organisation knows counts from its resolution.
 */
function periodStart(from: TRetention['from'], subject: SQL): SQL {
  const resolved = sql`(c.resolved_at AT TIME ZONE 'Europe/Copenhagen')::date`;
  if (from === 'resolved') return resolved;
  return sql`(SELECT CASE WHEN count(*) = 0 THEN ${resolved} WHEN bool_or(e.end_date IS NULL) THEN NULL ELSE greatest(max(e.end_date), ${resolved}) END
    FROM employments e WHERE e.person_id = ${subject})`;
}

/**
 * The nightly retention run: for each service (retired ones too), by the rule of its newest
 * version, the resolved cases whose period has run out by `today` (Danish date) lose their answers,
 * files, messages and every link to a person (anonymise: the case stays as a count for statistics),
 * or are deleted with everything on them. Nothing under a legal hold is touched. Each case handled
 * gets an audit entry in the same transaction as the change.
 */
export async function runRetention(deps: { db: Db }, now: Date = new Date()): Promise<RetentionOutcome[]> {
  const today = todayInDenmark(now);
  const outcomes: RetentionOutcome[] = [];
  for (const service of await latestServices(deps.db, { includeRetired: true })) {
    const rule = service.retention;
    // A version installed before services carried a retention rule has none: it is kept until given one.
    if (!rule) continue;
    const subject = subjectOf(service);
    let cases = 0;
    for (;;) {
      const handled = await deps.db.transaction(async (tx) => {
        const { rows } = await tx.execute<{ id: string }>(sql`
          SELECT c.id FROM cases c
          WHERE c.service_id = ${service.id} AND c.status = ${statusSql('resolved')} AND c.anonymised_at IS NULL AND NOT ${onLegalHold(subject)}
            AND ${periodStart(rule.from, subject)} + make_interval(years => ${rule.years}::int, months => ${rule.months}::int) < ${today}::date
          LIMIT ${BATCH} FOR UPDATE OF c SKIP LOCKED`);
        if (rows.length === 0) return 0;
        const list = sql`${sqlArray(rows.map((r) => r.id))}::text[]`;
        await tx.execute(sql`INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, subject_person_id, details)
          SELECT now(), NULL, ${rule.action === 'delete' ? 'retention.delete' : 'retention.anonymise'}, 'case', c.id, ${subject},
            jsonb_build_object('service', c.service_id, 'number', c.number, 'rule', ${JSON.stringify(rule)}::jsonb)
          FROM cases c WHERE c.id = ANY(${list})`);
        await tx.execute(sql`DELETE FROM attachments WHERE case_id = ANY(${list})`);
        // A robot's item carries answers (a CPR number for a certificate), a decision its inputs: both go.
        await tx.execute(sql`DELETE FROM work_items WHERE case_id = ANY(${list})`);
        if (rule.action === 'delete') {
          await tx.execute(sql`DELETE FROM case_events WHERE case_id = ANY(${list})`);
          await tx.execute(sql`DELETE FROM case_decisions WHERE case_id = ANY(${list})`);
          await tx.execute(sql`DELETE FROM case_steps WHERE case_id = ANY(${list})`);
          await tx.execute(sql`DELETE FROM cases WHERE id = ANY(${list})`);
        } else {
          // What happened and when stays (the KPIs count it); what was written, by whom and about whom goes.
          await tx.execute(
            sql`UPDATE case_events SET body = NULL, data = '{}'::jsonb, actor_user_id = NULL WHERE case_id = ANY(${list})`,
          );
          // The steps stay with their kinds, results and times (the automation figures count them); their data and people go.
          await tx.execute(sql`UPDATE case_steps SET data = '{}'::jsonb, assignee_user_id = NULL, completed_by_user_id = NULL
            WHERE case_id = ANY(${list})`);
          await tx.execute(
            sql`UPDATE case_decisions SET inputs = '{}'::jsonb, outputs = '[]'::jsonb WHERE case_id = ANY(${list})`,
          );
          await tx.execute(sql`UPDATE cases SET answers = '{}'::jsonb, subject_person_id = NULL, submitted_by_user_id = ${ANONYMISED_USER},
            on_behalf_of_user_id = NULL, assignee_user_id = NULL, outcome = NULL, period_from = NULL, period_to = NULL,
            subject_hidden_until = NULL, anonymised_at = now() WHERE id = ANY(${list})`);
        }
        return rows.length;
      });
      cases += handled;
      if (handled < BATCH) break;
    }
    if (cases > 0) outcomes.push({ serviceId: service.id, action: rule.action, cases });
  }
  return outcomes;
}
