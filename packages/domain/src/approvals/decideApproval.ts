import { sql } from 'drizzle-orm';
import type { CaseStatus } from '@indgang/schemas';
import { isReadOnly, type Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { appendCaseEvent } from '../cases/appendCaseEvent';
import type { CaseDeps } from '../cases/CaseDeps';
import { text } from '../cases/caseChange';
import { caseForUpdate } from '../cases/caseForUpdate';
import { refuseUnfilledPlaceholders } from '../cases/refuseUnfilledPlaceholders';
import { DomainError, notFound } from '../errors/DomainError';
import { completeStep } from '../process/completeStep';
import { todayInDenmark } from '../time/isoDate';
import { mayDecideApproval } from './approverSql';

export const APPROVAL_DECISIONS = ['approve', 'reject', 'return'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];
const RESULT = { approve: 'approved', reject: 'rejected', return: 'returned' } as const;

export interface ApprovalInput {
  decision: ApprovalDecision;
  /** Why the case is rejected (required), or what the submitter must do (required for a return). */
  comment?: string;
  expectedVersion: number;
}

/**
 * A leader's (or her deputy's, or a role holder's) decision on a case waiting for her approval. Only
 * one who may decide the active approval step finds it (others: 404, as if the case did not exist);
 * a rejection needs a reason and a return a message to the submitter; a stale version is refused.
 * Sending the same decision again after it took effect changes nothing and answers the case as it is.
 * The step is completed through the process engine, in the timeline as an approval, and audited.
 */
export async function decideApproval(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: ApprovalInput,
): Promise<{ version: number; status: CaseStatus }> {
  if (isReadOnly(actor))
    throw new DomainError('forbidden', 'read_only', {
      da: 'Din rolle må kun læse, ikke godkende.',
      en: 'Your role may read, not approve.',
    });
  const result = RESULT[input.decision];
  const today = todayInDenmark();
  return deps.db.transaction(async (tx) => {
    const row = await caseForUpdate(tx, caseId);
    const { rows } = await tx.execute<{
      id: string | number;
      assignee: string | null;
      onBehalfOf: string | null;
    }>(sql`
      SELECT s.id, s.assignee_user_id AS assignee,
        CASE WHEN s.assignee_user_id IS NOT NULL AND s.assignee_user_id <> ${actor.userId} THEN s.assignee_user_id END AS "onBehalfOf"
      FROM case_steps s JOIN cases c ON c.id = s.case_id JOIN org_units u ON u.id = c.unit_id
      WHERE s.case_id = ${caseId} AND ${mayDecideApproval(actor, today)}
      ORDER BY s.id LIMIT 1`);
    const step = rows[0];
    if (!step) {
      // A retry of a decision that already took effect answers the case as it is now.
      const { rows: done } = await tx.execute<{ id: string }>(sql`
        SELECT s.id FROM case_steps s WHERE s.case_id = ${caseId} AND s.kind = 'approval' AND s.status = 'done'
          AND s.completed_by_user_id = ${actor.userId} AND s.result = ${result}
          AND s.completed_at > now() - interval '1 day'
          AND NOT EXISTS (SELECT 1 FROM case_steps later WHERE later.case_id = s.case_id AND later.kind = 'approval' AND later.id > s.id)`);
      if (done[0]) return { version: row.version, status: row.status };
      throw notFound({ da: 'Godkendelsen', en: 'The approval' });
    }
    if (row.version !== input.expectedVersion)
      throw new DomainError(
        'conflict',
        'stale_case',
        {
          da: 'Sagen er blevet ændret, siden du åbnede den. Din tekst er bevaret – genindlæs sagen og prøv igen.',
          en: 'The case changed since you opened it. Your text is kept – reload the case and try again.',
        },
        [],
        { currentVersion: row.version },
      );
    let comment: string | undefined;
    if (input.decision === 'reject')
      comment = text(input.comment ?? '', 2000, { da: 'Begrundelsen', en: 'The reason' }, true, 'comment');
    else if (input.decision === 'return') {
      comment = text(
        input.comment ?? '',
        4000,
        { da: 'Beskeden til indberetteren', en: 'The message to the submitter' },
        true,
        'comment',
      );
      refuseUnfilledPlaceholders(comment, 'comment');
    } else {
      comment =
        text(input.comment ?? '', 2000, { da: 'Bemærkningen', en: 'The remark' }, false, 'comment') ||
        undefined;
    }
    const caseStepId = Number(step.id);
    await completeStep(tx, deps, {
      caseStepId,
      result,
      by: { userId: actor.userId },
      data: step.onBehalfOf ? { deputyFor: step.onBehalfOf } : {},
      comment,
    });
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: 'approval',
      // A return's message reaches the submitter in the engine's return entry; it is not repeated here.
      body: input.decision === 'return' ? null : (comment ?? null),
      data: {
        decision: input.decision,
        result,
        caseStepId,
        ...(step.onBehalfOf ? { deputyFor: step.onBehalfOf } : {}),
      },
    });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: `case.approval.${input.decision}`,
      entityType: 'case',
      entityId: caseId,
      subjectPersonId: row.subjectPersonId,
      details: { caseStepId, ...(step.onBehalfOf ? { deputyFor: step.onBehalfOf } : {}) },
    });
    const { rows: now } = await tx.execute<{ version: number; status: CaseStatus }>(
      sql`SELECT version, status FROM cases WHERE id = ${caseId}`,
    );
    return now[0]!;
  });
}
