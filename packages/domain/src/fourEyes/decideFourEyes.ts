import { sql } from 'drizzle-orm';
import type { CaseStatus } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { appendCaseEvent } from '../cases/appendCaseEvent';
import type { CaseDeps } from '../cases/CaseDeps';
import { isHiddenFrom, requireBackoffice } from '../cases/caseAccess';
import { text } from '../cases/caseChange';
import { caseForUpdate } from '../cases/caseForUpdate';
import { DomainError, notFound } from '../errors/DomainError';
import { completeStep } from '../process/completeStep';
import { fourEyesMaker } from './fourEyesMaker';

export const FOUR_EYES_DECISIONS = ['approve', 'reject'] as const;
export type FourEyesDecision = (typeof FOUR_EYES_DECISIONS)[number];

/** Why the one who did the work may not check it, in both languages. */
export const SAME_PERSON = {
  da: 'Du har selv registreret det, der skal kontrolleres. En anden sagsbehandler skal godkende (fire øjne).',
  en: 'You registered what is to be checked yourself. Another caseworker must approve it (four eyes).',
};

/**
 * A second caseworker approves or rejects what the first registered or what automation produced,
 * at the case's active four-eyes step. The one who did it (or did any person's step of the case
 * before the check) is refused; a rejection needs a reason; a stale version is refused; the same
 * decision sent again after it took effect changes nothing. Completed through the process engine,
 * in the timeline and audited.
 */
export async function decideFourEyes(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { decision: FourEyesDecision; comment?: string; expectedVersion: number },
): Promise<{ version: number; status: CaseStatus }> {
  requireBackoffice(actor, true);
  const result = input.decision === 'approve' ? 'approved' : 'rejected';
  return deps.db.transaction(async (tx) => {
    const row = await caseForUpdate(tx, caseId);
    if (isHiddenFrom(actor, row)) throw notFound({ da: 'Sagen', en: 'The case' });
    const { rows } = await tx.execute<{ id: string | number }>(sql`
      SELECT id FROM case_steps WHERE case_id = ${caseId} AND kind = 'four_eyes' AND status = 'active' ORDER BY id LIMIT 1`);
    const step = rows[0];
    if (!step) {
      const { rows: done } = await tx.execute<{ id: string }>(sql`
        SELECT s.id FROM case_steps s WHERE s.case_id = ${caseId} AND s.kind = 'four_eyes' AND s.status = 'done'
          AND s.completed_by_user_id = ${actor.userId} AND s.result = ${result}
          AND NOT EXISTS (SELECT 1 FROM case_steps later WHERE later.case_id = s.case_id AND later.kind = 'four_eyes' AND later.id > s.id)`);
      if (done[0]) return { version: row.version, status: row.status };
      throw new DomainError('conflict', 'no_four_eyes_step', {
        da: 'Sagen venter ikke på en kontrol (fire øjne).',
        en: 'The case is not waiting for a four-eyes check.',
      });
    }
    const caseStepId = Number(step.id);
    const { maker, makers } = await fourEyesMaker(tx, caseId, caseStepId);
    if (makers.includes(actor.userId) || row.submittedByUserId === actor.userId)
      throw new DomainError('forbidden', 'four_eyes_same_person', SAME_PERSON);
    if (row.version !== input.expectedVersion)
      throw new DomainError(
        'conflict',
        'stale_case',
        {
          da: 'Sagen er blevet ændret af en anden, siden du åbnede den. Dine indtastninger er bevaret – genindlæs sagen og prøv igen.',
          en: 'Someone else changed the case since you opened it. Your input is kept – reload the case and try again.',
        },
        [],
        { currentVersion: row.version },
      );
    const comment =
      text(
        input.comment ?? '',
        2000,
        { da: 'Begrundelsen', en: 'The reason' },
        input.decision === 'reject',
        'comment',
      ) || undefined;
    const data = { maker: maker.userId ?? maker.system };
    await completeStep(tx, deps, { caseStepId, result, by: { userId: actor.userId }, data, comment });
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: 'approval',
      body: comment ?? null,
      data: {
        decision: input.decision,
        result,
        caseStepId,
        fourEyes: true,
        maker: maker.name ?? maker.system,
      },
    });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: `case.fourEyes.${input.decision}`,
      entityType: 'case',
      entityId: caseId,
      subjectPersonId: row.subjectPersonId,
      details: { caseStepId },
    });
    const { rows: now } = await tx.execute<{ version: number; status: CaseStatus }>(
      sql`SELECT version, status FROM cases WHERE id = ${caseId}`,
    );
    return now[0]!;
  });
}
