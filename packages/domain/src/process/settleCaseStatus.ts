import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';

/**
 * Sets a case's status from the steps it is at: a person's task puts it in the queue (submitted,
 * or in progress when someone holds it), an approval makes it await approval, and only automated,
 * robot and wait steps make it automated. A case waiting on its submitter or resolved keeps that.
 */
export async function settleCaseStatus(tx: Tx, caseId: string): Promise<void> {
  await tx.execute(sql`
    WITH active AS (SELECT kind FROM case_steps WHERE case_id = ${caseId} AND status = 'active'),
    next AS (SELECT c.id, CASE
        WHEN c.status IN ('resolved', 'awaiting_submitter') THEN c.status
        WHEN EXISTS (SELECT 1 FROM active WHERE kind IN ('human', 'four_eyes')) OR NOT EXISTS (SELECT 1 FROM active)
          THEN CASE WHEN c.assignee_user_id IS NULL THEN 'submitted' ELSE 'in_progress' END
        WHEN EXISTS (SELECT 1 FROM active WHERE kind = 'approval') THEN 'awaiting_approval'
        ELSE 'automated' END AS status
      FROM cases c WHERE c.id = ${caseId})
    UPDATE cases SET status = next.status, version = cases.version + 1
    FROM next WHERE cases.id = next.id AND cases.status <> next.status`);
}
