import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';
import { handCaseToPerson } from '../automation/handCaseToPerson';
import { DomainError } from '../errors/DomainError';
import type { JobContext, JobServices } from '../jobs/defineJobKind';
import { automatedAction } from './automatedActions';
import { completeStep } from './completeStep';
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
  await context.transaction(async (tx) => {
    const pc = await lockProcessCase(tx, payload.caseId);
    const { rows } = await tx.execute<{ stepId: string; status: string; kind: string }>(sql`
      SELECT step_id AS "stepId", status, kind FROM case_steps WHERE id = ${payload.caseStepId} AND case_id = ${payload.caseId}`);
    const row = rows[0];
    if (!row || row.status !== 'active' || pc.status === 'resolved') return;
    const step = pc.pinned.steps.get(row.stepId);
    if (!step) return;
    if (step.kind === 'wait') {
      await completeStep(tx, services, {
        caseStepId: payload.caseStepId,
        result: 'done',
        by: { system: 'timer' },
      });
      return;
    }
    const action = automatedAction(step.action ?? 'decide');
    try {
      if (!action)
        throw new DomainError('unprocessable', 'action_unknown', {
          da: `Trinnet "${stepName(step).da}" beder om handlingen "${step.action}", som platformen ikke kender.`,
          en: `The step "${stepName(step).en}" asks for the action "${step.action}", which the platform does not know.`,
        });
      // A business failure must undo what the action and the steps after it wrote before the case goes to a person.
      await savepoint(tx, async () => {
        const outcome = await action.run({ tx, services, pc, step, caseStepId: payload.caseStepId });
        await completeStep(tx, services, {
          caseStepId: payload.caseStepId,
          result: outcome.result,
          by: { system: outcome.system },
          data: outcome.data,
        });
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await handCaseToPerson(tx, pc.id, 'failed', error.text);
    }
  });
}

/** Runs `work` in a savepoint: a failure undoes its writes and leaves the transaction usable. */
async function savepoint<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  await tx.execute(sql`SAVEPOINT process_action`);
  try {
    const result = await work();
    await tx.execute(sql`RELEASE SAVEPOINT process_action`);
    return result;
  } catch (error) {
    await tx.execute(sql`ROLLBACK TO SAVEPOINT process_action`);
    throw error;
  }
}

/** A process job died after its last attempt: the case goes to its team's queue with the error in plain words. */
export async function failCaseAutomation(services: JobServices, caseId: string, error: string) {
  await services.db.transaction(async (tx) => {
    await handCaseToPerson(tx, caseId, 'failed', {
      da: `Automatikken fejlede efter flere forsøg og har givet sagen til en sagsbehandler. Fejl: ${error.slice(0, 300)}`,
      en: `Automation failed after several attempts and handed the case to a caseworker. Error: ${error.slice(0, 300)}`,
    });
  });
}
