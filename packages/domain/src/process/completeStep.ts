import { sql } from 'drizzle-orm';
import { STEP_RESULTS, type StepResult } from '@indgang/schemas';
import { appendAudit, type Tx } from '../audit/appendAudit';
import { appendCaseEvent } from '../cases/appendCaseEvent';
import { DomainError } from '../errors/DomainError';
import { enqueueJob } from '../jobs/enqueueJob';
import { todayInDenmark } from '../time/isoDate';
import { enterSteps, transitionsFrom, type StepActor } from './enterStep';
import { lockProcessCase, type ProcessCase } from './processCase';
import type { ProcessServices } from './ProcessServices';
import { stepName } from './pinnedProcess';
import { settleCaseStatus } from './settleCaseStatus';

export interface CompleteStepInput {
  caseStepId: number;
  /** One of the results the step's kind can end with (STEP_RESULTS). */
  result: StepResult | string;
  by: StepActor;
  /** What the step produced: a decision, a robot's output, what would be sent to payroll, the caseworker's outcome. */
  data?: Record<string, unknown>;
  comment?: string;
}

const notActive = () =>
  new DomainError('conflict', 'step_not_active', {
    da: 'Trinnet er ikke længere aktivt: det er allerede udført eller annulleret. Genindlæs sagen.',
    en: 'The step is no longer active: it was already done or cancelled. Reload the case.',
  });

/**
 * Ends a case's active step with a result and moves the case on: the step is marked done by the
 * person or the automation named, the timeline names the step and who or what did it, the audit
 * trail records it, and the steps its transitions lead to are entered (FEEL conditions over the
 * answers, the case, its person and the latest decision). A step that is not active is refused; a
 * four-eyes step is refused to the person who did the step before it. An approval returned sends
 * the case back to the submitter with the comment.
 */
export async function completeStep(
  tx: Tx,
  services: ProcessServices,
  input: CompleteStepInput,
): Promise<void> {
  const { rows: found } = await tx.execute<{ caseId: string }>(sql`
    SELECT case_id AS "caseId" FROM case_steps WHERE id = ${input.caseStepId}`);
  if (!found[0]) throw notActive();
  // The case first, then its step: every change of a case locks in that order.
  const pc = await lockProcessCase(tx, found[0].caseId);
  const row = await lockStep(tx, input.caseStepId);
  await completeLockedStep(tx, services, pc, row, input);
}

export interface LockedStep {
  stepId: string;
  status: string;
  data: Record<string, unknown>;
}

/** A case step locked for its completion (after its case). */
export async function lockStep(tx: Tx, caseStepId: number): Promise<LockedStep | undefined> {
  const { rows } = await tx.execute<{ stepId: string; status: string; data: Record<string, unknown> }>(sql`
    SELECT step_id AS "stepId", status, data FROM case_steps WHERE id = ${caseStepId} FOR UPDATE`);
  return rows[0];
}

/** completeStep for a caller that has locked the case and the step already (the engine's own jobs). */
export async function completeLockedStep(
  tx: Tx,
  services: ProcessServices,
  pc: ProcessCase,
  row: LockedStep | undefined,
  input: CompleteStepInput,
): Promise<void> {
  if (!row || row.status !== 'active' || pc.status === 'resolved') throw notActive();
  const step = pc.pinned.steps.get(row.stepId);
  if (!step) throw notActive();
  const results: readonly string[] = STEP_RESULTS[step.kind];
  if (!results.includes(input.result))
    throw new DomainError('invalid', 'step_result', {
      da: `Trinnet "${stepName(step).da}" kan ikke ende med "${input.result}" (kun ${results.join(', ')}).`,
      en: `The step "${stepName(step).en}" cannot end with "${input.result}" (only ${results.join(', ')}).`,
    });
  const userId = 'userId' in input.by ? input.by.userId : null;
  const system = 'system' in input.by ? input.by.system : null;
  if (step.kind === 'four_eyes' && userId !== null && row.data.previousBy === userId)
    throw new DomainError('forbidden', 'four_eyes_same_person', {
      da: 'Du udførte selv trinnet før. En anden sagsbehandler skal godkende (fire øjne).',
      en: 'You did the step before yourself. Another caseworker must approve (four eyes).',
    });
  const comment = input.comment?.trim() ? input.comment.trim().slice(0, 4000) : null;
  await tx.execute(sql`
    UPDATE case_steps SET status = 'done', result = ${input.result}, completed_by_user_id = ${userId},
      completed_by_system = ${system}, completed_at = now(),
      data = data || ${JSON.stringify({ ...input.data, ...(comment ? { comment } : {}) })}::jsonb
    WHERE id = ${input.caseStepId}`);
  const name = stepName(step);
  await appendCaseEvent(tx, {
    caseId: pc.id,
    actorUserId: userId,
    type: 'step',
    body: comment,
    data: { stepId: step.id, kind: step.kind, name, result: input.result, by: system ?? { userId } },
  });
  await appendAudit(tx, {
    actorUserId: userId,
    action: 'case.step',
    entityType: 'case',
    entityId: pc.id,
    subjectPersonId: pc.subjectPersonId,
    details: { stepId: step.id, result: input.result, ...(system ? { by: system } : {}) },
  });
  if (step.kind === 'approval' && input.result === 'returned') {
    // Back to the submitter, as a caseworker's return: the clock pauses until she answers.
    await tx.execute(sql`
      UPDATE cases SET status = 'awaiting_submitter', paused_since = ${todayInDenmark()}::date, version = version + 1
      WHERE id = ${pc.id}`);
    pc.status = 'awaiting_submitter';
    await appendCaseEvent(tx, {
      caseId: pc.id,
      actorUserId: userId,
      type: 'returned',
      body: comment ?? 'Lederen har sendt sagen retur. Se beskeden og svar på sagen.',
      data: { stepId: step.id, by: system ?? { userId } },
    });
    await enqueueJob(tx, 'mail.case', { caseId: pc.id, kind: 'returned' });
  }
  const next = await transitionsFrom(tx, pc, step, input.result);
  await enterSteps(
    tx,
    services,
    pc,
    next.map((to) => ({
      stepId: to,
      fromCaseStepId: input.caseStepId,
      fromUserId: userId,
      fromKind: step.kind,
    })),
  );
  await settleCaseStatus(tx, pc.id);
}
