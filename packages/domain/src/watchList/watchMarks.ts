import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';

export interface WatchMark {
  id: string;
  target: 'person' | 'unit' | 'case';
  personId: string | null;
  unitId: string | null;
  caseId: string | null;
  /** The person's, the unit's name or the case's number. */
  targetName: string;
  reason: string;
  until: string | null;
  createdBy: string;
  createdAt: string;
  endedAt: string | null;
  endedBy: string | null;
  inForce: boolean;
}

/** A mark `w` holds on `today`: not ended, and its last day not passed. */
export const markInForce = (today: string): SQL =>
  sql`(w.ended_at IS NULL AND (w.until IS NULL OR w.until >= ${today}::date))`;

/** Reads watch marks (`w`) with their targets' names and who set and ended them, newest first. */
export async function readWatchMarks(
  tx: Pick<Tx, 'execute'>,
  where: SQL,
  today: string,
  limit = 500,
): Promise<WatchMark[]> {
  const { rows } = await tx.execute<
    Omit<WatchMark, 'createdAt' | 'endedAt'> & { createdAt: Date | string; endedAt: Date | string | null }
  >(sql`
    SELECT w.id,
      CASE WHEN w.person_id IS NOT NULL THEN 'person' WHEN w.unit_id IS NOT NULL THEN 'unit' ELSE 'case' END AS target,
      w.person_id AS "personId", w.unit_id AS "unitId", w.case_id AS "caseId",
      coalesce(p.first_name || ' ' || p.last_name, wu.name, wc.number) AS "targetName",
      w.reason, to_char(w.until, 'YYYY-MM-DD') AS until, cu.display_name AS "createdBy", w.created_at AS "createdAt",
      w.ended_at AS "endedAt", eu.display_name AS "endedBy", ${markInForce(today)} AS "inForce"
    FROM watch_list w
      LEFT JOIN persons p ON p.id = w.person_id
      LEFT JOIN org_units wu ON wu.id = w.unit_id
      LEFT JOIN cases wc ON wc.id = w.case_id
      JOIN users cu ON cu.id = w.created_by_user_id
      LEFT JOIN users eu ON eu.id = w.ended_by_user_id
    WHERE ${where}
    ORDER BY ${markInForce(today)} DESC, w.created_at DESC, w.id
    LIMIT ${limit}`);
  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    endedAt: r.endedAt === null ? null : new Date(r.endedAt).toISOString(),
  }));
}

/**
 * The marks in force that keep case `caseId` from automation: on the case itself, on the person it
 * is about, or on its unit or any unit above it.
 */
export function marksForCase(tx: Pick<Tx, 'execute'>, caseId: string, today: string): Promise<WatchMark[]> {
  return readWatchMarks(
    tx,
    sql`${markInForce(today)} AND EXISTS (SELECT 1 FROM cases c JOIN org_units cu2 ON cu2.id = c.unit_id
      WHERE c.id = ${caseId} AND (w.case_id = c.id OR w.person_id = c.subject_person_id
        OR (w.unit_id IS NOT NULL AND starts_with(cu2.path, wu.path))))`,
    today,
    50,
  );
}
