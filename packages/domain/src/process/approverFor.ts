import { sql } from 'drizzle-orm';
import type { TApprover } from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { todayInDenmark } from '../time/isoDate';
import type { ProcessCase } from './processCase';

/**
 * The person who approves, from the organisation: for `unit_leader` the leader of the case's unit,
 * for `subject_leader` the leader of the unit the case's person works in; when that unit has no
 * leader, the nearest unit above it that has one. A leader never approves her own claim: the
 * person the case is about is passed over (her own leader approves). A role names no single person
 * (null): anyone holding it for the unit may act.
 */
export async function approverFor(tx: Tx, pc: ProcessCase, approver: TApprover): Promise<string | null> {
  if (typeof approver !== 'string') return null;
  const unit =
    approver === 'subject_leader' && pc.subjectPersonId
      ? sql`(SELECT e.unit_id FROM employments e WHERE e.person_id = ${pc.subjectPersonId}
              AND (e.end_date IS NULL OR e.end_date >= ${todayInDenmark()}::date) ORDER BY e.start_date LIMIT 1)`
      : sql`${pc.unitId}::text`;
  const passOver =
    pc.subjectPersonId ?? sql`(SELECT person_id FROM users WHERE id = ${pc.submittedByUserId})`;
  const { rows } = await tx.execute<{ userId: string }>(sql`
    SELECT us.id AS "userId" FROM org_units cu
    JOIN org_units lu ON starts_with(cu.path, lu.path)
    JOIN unit_managers m ON m.unit_id = lu.id
    JOIN users us ON us.person_id = m.person_id
    WHERE cu.id = ${unit} AND m.person_id IS DISTINCT FROM ${passOver}
    ORDER BY length(lu.path) DESC, us.id LIMIT 1`);
  return rows[0]?.userId ?? null;
}
