import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';
import { addMonths, todayInDenmark } from '../time/isoDate';
import { conditionAnswers, type ProcessCase } from './processCase';
import { CERTIFICATE_RESULTS, CERTIFICATE_TOPIC } from './robotPayload';

const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A workplace's address as the 60-day rule compares it: case, spaces and punctuation do not matter. */
const workplaceKey = (address: string) =>
  address.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();

/** The notice date a termination's notice runs from (see CASE_FACTS.noticeDate). */
function noticeGiven(pc: ProcessCase): string | null {
  const answers = conditionAnswers(pc);
  const given = isDay(answers.noticeDate) ? answers.noticeDate : null;
  if (given === null || answers.type !== 'dismissal') return given;
  const today = todayInDenmark();
  return given < today ? today : given;
}

/**
 * Facts a decision table may name that are not answers as such: derived from the answers or read
 * from master data, each declared once here by the variable name tables use. A table's variable
 * is looked up here first, then among the answers by its name.
 */
export const CASE_FACTS: Record<string, (tx: Tx, pc: ProcessCase) => Promise<unknown>> = {
  /** The first trip's date: it chooses the year's rates. */
  tripDate: async (_tx, pc) => pc.periodFrom,
  /**
   * Km the person has already been paid for this calendar year (the year of the claim's first
   * trip), read from her earlier cases of the same service: every trip in that year of a case
   * resolved with an outcome other than a rejection. A partly paid case counts all its trips, so
   * the high rate never reaches past 20,000 km; km paid outside this platform are not known here.
   */
  kmEarlierThisYear: async (tx, pc) => {
    if (!pc.subjectPersonId || !pc.periodFrom) return 0;
    const year = pc.periodFrom.slice(0, 4);
    const { rows } = await tx.execute<{ km: string }>(sql`
      SELECT coalesce(sum((t->>'km')::numeric), 0)::text AS km
      FROM cases c
      CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(c.answers->'trips') = 'array' THEN c.answers->'trips' ELSE '[]'::jsonb END) t
      WHERE c.subject_person_id = ${pc.subjectPersonId} AND c.service_id = ${pc.serviceId} AND c.id <> ${pc.id}
        AND c.status = 'resolved' AND coalesce(c.outcome_id, '') NOT LIKE 'rejected%'
        AND t->>'date' BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`);
    return Number(rows[0]?.km ?? 0);
  },
  /**
   * The 60-day rule: for each trip of the claim between home and a workplace other than the regular
   * one, the number of dates in the 12 months up to and including its date on which the person
   * drove between home and that workplace, counting this claim and her earlier ones of the same
   * service (days without an allowance count too, so rejected claims are not left out); the highest
   * such number, or null when the claim has no such trip. Each date counts once, however many trips.
   */
  daysAtWorkplace: async (tx, pc) => {
    const homeTrips = (items: unknown): Array<{ date: string; place: string }> =>
      (Array.isArray(items) ? (items as Array<Record<string, unknown>>) : [])
        .filter((t) => t.homeTrip === true && isDay(t.date) && typeof t.workplace === 'string')
        .map((t) => ({ date: t.date as string, place: workplaceKey(t.workplace as string) }));
    const own = homeTrips(pc.answers.trips);
    if (own.length === 0) return null;
    const from = addMonths(own.map((t) => t.date).sort()[0]!, -12);
    const { rows } = !pc.subjectPersonId
      ? { rows: [] }
      : await tx.execute<{ trips: unknown }>(sql`
      SELECT c.answers->'trips' AS trips FROM cases c
      WHERE c.subject_person_id = ${pc.subjectPersonId} AND c.service_id = ${pc.serviceId}
        AND c.id <> ${pc.id} AND c.anonymised_at IS NULL
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(
          CASE WHEN jsonb_typeof(c.answers->'trips') = 'array' THEN c.answers->'trips' ELSE '[]'::jsonb END) t
          WHERE t->>'date' > ${from})`);
    const all = [...own, ...rows.flatMap((r) => homeTrips(r.trips))];
    let most = 0;
    for (const trip of own) {
      const since = addMonths(trip.date, -12);
      const days = new Set(
        all.filter((t) => t.place === trip.place && t.date > since && t.date <= trip.date).map((t) => t.date),
      );
      most = Math.max(most, days.size);
    }
    return most;
  },
  /**
   * The day a termination's notice reaches its receiver. An employee's resignation: the date the
   * leader gives. A dismissal is given only after the hearing, so never before the day the notice
   * is checked: a planned date that has passed while the hearing ran moves to today.
   */
  noticeDate: async (_tx, pc) => noticeGiven(pc),
  /**
   * When the person's employment began, for the length of service a notice follows: the earliest
   * start of her employments still running on the notice date, from the organisation data (not the
   * pay seniority date, which may count earlier work elsewhere). Null when it knows none, so a
   * person decides.
   */
  employmentStart: async (tx, pc) => {
    const answers = conditionAnswers(pc);
    const personId = typeof answers.person === 'string' ? answers.person : pc.subjectPersonId;
    if (!personId) return null;
    const on = noticeGiven(pc) ?? todayInDenmark();
    const { rows } = await tx.execute<{ start: string | null }>(sql`
      SELECT min(start_date)::text AS start FROM employments
      WHERE person_id = ${personId} AND (end_date IS NULL OR end_date >= ${on}::date)`);
    return rows[0]?.start ?? null;
  },
  /** The new hire will work with children ("yes" in the form). */
  directContactWithChildren: async (_tx, pc) => {
    const value = conditionAnswers(pc).worksWithChildren;
    return value === undefined || value === null ? null : value === 'yes';
  },
  /**
   * What the certificate the robot ordered from the police said (CERTIFICATE_RESULTS): the `result`
   * of its output when it completed the case's latest certificate order, null when none has or it
   * reported anything else, so a person decides.
   */
  certificateResult: async (tx, pc) => {
    const { rows } = await tx.execute<{ result: string | null }>(sql`
      SELECT data->>'result' AS result FROM case_steps
      WHERE case_id = ${pc.id} AND kind = 'robot' AND status = 'done' AND data->>'topic' = ${CERTIFICATE_TOPIC}
      ORDER BY completed_at DESC, id DESC LIMIT 1`);
    const result = rows[0]?.result ?? null;
    return (CERTIFICATE_RESULTS as readonly (string | null)[]).includes(result) ? result : null;
  },
  /** The age of the youngest children the hire works with, when the form says it. */
  youngestChildAge: async (_tx, pc) => {
    const value = conditionAnswers(pc).youngestChildAge;
    return typeof value === 'number' ? value : null;
  },
};

/** The inputs for a table's variables from the case: declared facts first, then answers by name (null when unknown). */
export async function decisionInputs(
  tx: Tx,
  pc: ProcessCase,
  variables: readonly string[],
): Promise<Record<string, unknown>> {
  const answers = conditionAnswers(pc);
  const inputs: Record<string, unknown> = {};
  for (const name of variables) {
    const fact = CASE_FACTS[name];
    inputs[name] = fact ? await fact(tx, pc) : (answers[name] ?? null);
  }
  return inputs;
}
