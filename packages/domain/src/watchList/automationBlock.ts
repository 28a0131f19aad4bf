import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';
import { decideWithStoredTable, recordCaseDecision } from '../decisions/storedDecisions';
import { todayInDenmark } from '../time/isoDate';
import { marksForCase } from './watchMarks';

/** The decision table of exclusion criteria (catalog/decisions/automatisering-undtagelser.dmn). */
export const EXCLUSION_TABLE = 'automatisering-undtagelser';

const number = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(',', '.')) : NaN;
  return Number.isFinite(n) ? n : 0;
};

/**
 * The exclusion table's inputs from the case and master data: the pay change and expense amounts,
 * the trips and kilometres of a claim, whether the person the case is about is employed today and
 * whether she has absence or leave recorded (an absence case whose period covers today).
 */
export async function exclusionInputs(tx: Pick<Tx, 'execute'>, caseId: string, today: string) {
  const { rows } = await tx.execute<{
    answers: Record<string, unknown>;
    employed: boolean | null;
    onLeave: boolean;
  }>(sql`
    SELECT c.answers,
      CASE WHEN c.subject_person_id IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM employments e WHERE e.person_id = c.subject_person_id
        AND e.start_date <= ${today}::date AND (e.end_date IS NULL OR e.end_date >= ${today}::date)) END AS employed,
      c.subject_person_id IS NOT NULL AND EXISTS (SELECT 1 FROM cases a WHERE a.service_id = 'fravaer' AND a.id <> c.id
        AND a.subject_person_id = c.subject_person_id AND a.period_from <= ${today}::date
        AND coalesce(a.period_to, a.period_from) >= ${today}::date) AS "onLeave"
    FROM cases c WHERE c.id = ${caseId}`);
  const row = rows[0];
  if (!row) return null;
  const a = row.answers ?? {};
  const trips = Array.isArray(a.trips) ? (a.trips as Array<Record<string, unknown>>) : [];
  return {
    payChangeKr: number(a.allowance),
    tripCount: trips.length,
    totalKm: trips.reduce((sum, t) => sum + number(t.km), 0),
    amountKr: number(a.amount),
    // A case about no person (a unit's request) is not refused for want of an employment.
    employed: row.employed ?? true,
    onLeave: row.onLeave,
  };
}

/**
 * Whether case `caseId` must be left to a person instead of automation, and why: a watch-list mark
 * in force on the case, the person it is about, or its unit or a unit above it; else the exclusion
 * criteria, decided by the newest revision of their decision table and recorded on the case (which
 * rule fired, for the timeline and the configurator). Null: the case may be automated.
 */
export async function automationBlock(
  tx: Tx,
  caseId: string,
): Promise<null | { reason: { da: string; en: string } }> {
  const today = todayInDenmark();
  const marks = await marksForCase(tx, caseId, today);
  const mark = marks[0];
  if (mark) {
    const what = {
      person: { da: 'Personen', en: 'The person' },
      unit: { da: 'Enheden', en: 'The unit' },
      case: { da: 'Sagen', en: 'The case' },
    }[mark.target];
    return {
      reason: {
        da: `Obsliste: ${what.da} ${mark.targetName} må ikke behandles automatisk (${mark.reason}).`,
        en: `Watch list: ${what.en} ${mark.targetName} must not be handled automatically (${mark.reason}).`,
      },
    };
  }
  const inputs = await exclusionInputs(tx, caseId, today);
  if (!inputs) return null;
  const decision = await decideWithStoredTable({ db: tx }, EXCLUSION_TABLE, inputs, today);
  await recordCaseDecision(tx, caseId, null, decision, inputs);
  const out = decision.result.outputs[0];
  if (!out || out.exclude !== true) return null;
  return {
    reason: {
      da: `Undtagelseskriterie: ${String(out.reasonDa)}`,
      en: `Exclusion criterion: ${String(out.reasonEn)}`,
    },
  };
}
