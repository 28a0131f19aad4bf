import { handCaseToPerson } from '../automation/handCaseToPerson';
import { DomainError } from '../errors/DomainError';
import type { JobContext, JobServices } from '../jobs/defineJobKind';
import { automatedAction } from './automatedActions';
import { completeLockedStep, lockStep } from './completeStep';
import { lockProcessCase } from './processCase';
import { stepName } from './pinnedProcess';
import { startProcess } from './startProcess';

/** The job 'process.start': enters the case's start step, in the job's own transaction. */
export async function runProcessStart(
  services: JobServices,
  payload: { caseId: string },
  context: JobContext,
) {
  await context.transaction((tx) => startProcess(tx, services, payload.caseId));
}

/**
 * The job 'process.step': runs an automated step's action, or ends a wait step whose date has
 * come, and moves the case on, all in the job's transaction (so a crash repeats none of it). A
 * step no longer active (a person took over, the case was resolved) is left alone. A business
 * failure (a DomainError: no rate for the trips, no person to pay) hands the case to its team with
 * the reason; any other error fails the attempt and the job is retried.
 */
export async function runProcessStep(
  services: JobServices,
  payload: { caseId: string; caseStepId: number },
  context: JobContext,
) {
  try {
    await context.transaction(async (tx) => {
      const pc = await lockProcessCase(tx, payload.caseId);
      const row = await lockStep(tx, payload.caseStepId);
      if (!row || row.status !== 'active' || pc.status === 'resolved') return;
      const step = pc.pinned.steps.get(row.stepId);
      if (!step) return;
      if (step.kind === 'wait') {
        await completeLockedStep(tx, services, pc, row, {
          caseStepId: payload.caseStepId,
          result: 'done',
          by: { system: 'timer' },
        });
        return;
      }
      const action = automatedAction(step.action ?? 'decide');
      if (!action)
        throw new DomainError('unprocessable', 'action_unknown', {
          da: `Trinnet "${stepName(step).da}" beder om handlingen "${step.action}", som platformen ikke kender.`,
          en: `The step "${stepName(step).en}" asks for the action "${step.action}", which the platform does not know.`,
        });
      const outcome = await action.run({ tx, services, pc, step, caseStepId: payload.caseStepId });
      await completeLockedStep(tx, services, pc, row, {
        caseStepId: payload.caseStepId,
        result: outcome.result,
        by: { system: outcome.system },
        data: outcome.data,
      });
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // A business failure: what the action wrote was rolled back with its transaction; the case goes
    // to a person with the reason, in a second transaction that also ends the job.
    await context.transaction((tx) => handCaseToPerson(tx, payload.caseId, 'failed', error.text));
  }
}
