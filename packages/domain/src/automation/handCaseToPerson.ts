import { sql } from 'drizzle-orm';
import type { CaseAutomation } from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { appendAudit } from '../audit/appendAudit';
import { appendCaseEvent } from '../cases/appendCaseEvent';

/** The name automation acts under in timelines and the audit trail. */
export const SYSTEM_ACTOR = 'system:automation';

/**
 * Takes a case out of automation and puts it in its team's queue for a person: its automated, robot
 * and wait steps are cancelled, the case is marked excluded or failed with the reason in plain words
 * (both languages), and the timeline and audit trail say so. A resolved case is left alone.
 */
export async function handCaseToPerson(
  tx: Tx,
  caseId: string,
  how: Extract<CaseAutomation, 'excluded' | 'failed'>,
  reason: { da: string; en: string },
): Promise<boolean> {
  const { rows } = await tx.execute<{ id: string; unitId: string; subjectPersonId: string | null }>(sql`
    UPDATE cases SET
      status = CASE WHEN assignee_user_id IS NULL THEN 'submitted' ELSE 'in_progress' END,
      automation = ${how}, automation_reason = ${reason.da}, version = version + 1
    WHERE id = ${caseId} AND status <> 'resolved'
    RETURNING id, unit_id AS "unitId", subject_person_id AS "subjectPersonId"`);
  const row = rows[0];
  if (!row) return false;
  await tx.execute(sql`
    UPDATE case_steps SET status = 'cancelled', completed_at = now(),
      data = data || jsonb_build_object('cancelled', ${reason.da}::text)
    WHERE case_id = ${caseId} AND status = 'active' AND kind IN ('automated', 'robot', 'wait')`);
  await tx.execute(sql`
    UPDATE work_items SET status = 'failed', error = ${reason.da}, locked_until = NULL
    WHERE case_id = ${caseId} AND status IN ('waiting', 'locked')`);
  await appendCaseEvent(tx, {
    caseId,
    actorUserId: null,
    type: 'automation',
    body: reason.da,
    data: { how, reason, by: SYSTEM_ACTOR },
  });
  await appendAudit(tx, {
    actorUserId: null,
    action: how === 'failed' ? 'automation.failed' : 'automation.excluded',
    entityType: 'case',
    entityId: caseId,
    subjectPersonId: row.subjectPersonId,
    details: { reason: reason.en, by: SYSTEM_ACTOR },
  });
  return true;
}
