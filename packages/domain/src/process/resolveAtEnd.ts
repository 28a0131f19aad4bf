import { sql } from 'drizzle-orm';
import { textOf, type TProcessStep } from '@indgang/schemas';
import { appendAudit, type Tx } from '../audit/appendAudit';
import { SYSTEM_ACTOR } from '../automation/handCaseToPerson';
import { appendCaseEvent } from '../cases/appendCaseEvent';
import { enqueueJob } from '../jobs/enqueueJob';
import type { ProcessCase } from './processCase';

/**
 * An end step resolves the case: with the step's outcome, or, when the step names none, with the
 * outcome and reply the caseworker gave when she finished her task (kept in that step's data). The
 * case's other branches are cancelled. The timeline names who ended it: the caseworker when her
 * task led straight here, else the automation. How automation handled the case is set from its
 * steps: end to end ('full') when no caseworker did a step, 'partial' when both did; excluded or
 * failed stays as it was marked.
 */
export async function resolveAtEnd(
  tx: Tx,
  pc: ProcessCase,
  step: TProcessStep,
  caseStepId: number,
  byUserId: string | null,
): Promise<void> {
  const { rows: given } = await tx.execute<{ data: Record<string, unknown> }>(sql`
    SELECT data FROM case_steps WHERE case_id = ${pc.id} AND status = 'done' AND data ? 'outcomeId'
    ORDER BY completed_at DESC, id DESC LIMIT 1`);
  const person = given[0]?.data as
    { outcomeId?: string | null; outcome?: string; reply?: string } | undefined;
  const outcomes = pc.pinned.service.outcomes;
  const outcomeId = step.outcome ?? person?.outcomeId ?? null;
  const chosen = outcomeId ? outcomes.find((o) => o.id === outcomeId) : undefined;
  const label = chosen ? textOf(chosen.label, 'da') : (person?.outcome ?? textOf(step.name, 'da'));
  await tx.execute(sql`
    UPDATE case_steps SET status = 'cancelled', completed_at = now(),
      data = data || jsonb_build_object('cancelled', ${'Sagen blev afsluttet i en anden gren.'}::text)
    WHERE case_id = ${pc.id} AND status = 'active' AND id <> ${caseStepId}`);
  await tx.execute(sql`
    UPDATE work_items SET status = 'failed', error = ${'Sagen blev afsluttet.'}, locked_until = NULL
    WHERE case_id = ${pc.id} AND status IN ('waiting', 'locked')`);
  await tx.execute(sql`
    UPDATE cases SET status = 'resolved', outcome_id = ${chosen?.id ?? null}, outcome = ${label},
      resolved_at = now(), paused_since = NULL, version = version + 1,
      automation = CASE
        WHEN automation IN ('excluded', 'failed') THEN automation
        WHEN NOT EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = ${pc.id} AND s.kind IN ('automated', 'robot') AND s.status = 'done') THEN automation
        WHEN EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = ${pc.id} AND s.kind IN ('human', 'four_eyes') AND s.completed_by_user_id IS NOT NULL) THEN 'partial'
        ELSE 'full' END
    WHERE id = ${pc.id}`);
  const reply =
    person?.reply ??
    (chosen ? `${textOf(chosen.label, 'da')}` : `Sagen er afsluttet: ${textOf(step.name, 'da')}`);
  await appendCaseEvent(tx, {
    caseId: pc.id,
    actorUserId: byUserId,
    type: 'resolved',
    body: reply,
    data: {
      outcomeId: chosen?.id ?? null,
      outcome: chosen?.label ?? label,
      stepId: step.id,
      by: byUserId ? { userId: byUserId } : SYSTEM_ACTOR,
    },
  });
  // A caseworker's own resolution is audited by her change; a resolution by the process by the automation.
  if (!byUserId)
    await appendAudit(tx, {
      actorUserId: null,
      action: 'case.resolve',
      entityType: 'case',
      entityId: pc.id,
      subjectPersonId: pc.subjectPersonId,
      details: { by: SYSTEM_ACTOR, stepId: step.id, outcomeId: chosen?.id ?? null },
    });
  await enqueueJob(tx, 'mail.case', { caseId: pc.id, kind: 'resolved' });
}
