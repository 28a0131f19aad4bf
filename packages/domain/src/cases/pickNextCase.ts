import { statusSql } from './appendCaseEvent';
import { appendCaseEvent } from './appendCaseEvent';
import { sql } from 'drizzle-orm';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import type { CaseDeps } from './CaseDeps';
import { hiddenFromSubject, requireBackoffice } from './caseAccess';
import { caseForUpdate, updateCase } from './caseForUpdate';

/** Takes the most urgent unassigned case of the team; two caseworkers never get the same one. */
export async function pickNextCase(
  deps: CaseDeps,
  actor: Actor,
  teamId: string,
): Promise<{ id: string } | null> {
  requireBackoffice(actor, true);
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{
      id: string;
    }>(sql`SELECT c.id FROM cases c WHERE c.team_id = ${teamId} AND c.assignee_user_id IS NULL AND c.status = ${statusSql('submitted')} AND NOT ${hiddenFromSubject(actor)}
      ORDER BY c.due_date, c.submitted_at FOR UPDATE SKIP LOCKED LIMIT 1`);
    const id = rows[0]?.id;
    if (!id) return null;
    const row = await caseForUpdate(tx, id);
    await updateCase(tx, row, { assigneeUserId: actor.userId, status: 'in_progress' });
    await appendCaseEvent(tx, {
      caseId: id,
      actorUserId: actor.userId,
      type: 'assigned',
      data: { to: actor.userId },
    });
    await appendCaseEvent(tx, {
      caseId: id,
      actorUserId: actor.userId,
      type: 'status',
      data: { status: 'in_progress' },
    });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'case.pick',
      entityType: 'case',
      entityId: id,
      subjectPersonId: row.subjectPersonId,
    });
    return { id };
  });
}
