import { handCaseToPerson } from '../automation/handCaseToPerson';
import { DomainError } from '../errors/DomainError';
import type { JobContext, JobServices } from '../jobs/defineJobKind';
import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';
import { callConnector } from '../connectors/callConnector';
import { automatedAction, type ActionOutcome, type PreparedSend } from './automatedActions';
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
 * come, and moves the case on. An action within the database runs in the job's transaction (so a
 * crash repeats none of it). An action that calls a municipal system runs in three parts: what to
 * send is prepared in a short transaction and kept on the step; it is sent with no transaction
 * open, under the step's call key; the answer is recorded and the case moved on in the job's
 * transaction. A crash after sending sends the same again under the same key, which the system
 * (or its adapter) recognises, so nothing is done twice. A step no longer active (a person took
 * over, the case was resolved) is left alone. A business failure (a DomainError: no rate for the
 * trips, the system refused) hands the case to its team with the reason; any other error fails
 * the attempt and the job is retried.
 */
export async function runProcessStep(
  services: JobServices,
  payload: { caseId: string; caseStepId: number },
  context: JobContext,
) {
  try {
    const prepared = await services.db.transaction(async (tx) => {
      const found = await activeStep(tx, payload);
      const connector = found && automatedAction(found.step.action ?? 'decide')?.connector;
      if (!found || !connector) return null;
      const kept = found.row.data.prepared as PreparedSend | undefined;
      if (kept) return { connector, prepared: kept };
      const made = await connector.prepare({ tx, services, ...found, caseStepId: payload.caseStepId });
      await tx.execute(sql`
        UPDATE case_steps SET data = data || jsonb_build_object('prepared', ${JSON.stringify(made)}::jsonb)
        WHERE id = ${payload.caseStepId}`);
      return { connector, prepared: made };
    });
    const answer = prepared
      ? await callConnector(
          services,
          prepared.connector.name,
          prepared.connector.operation,
          {
            key: `step-${payload.caseStepId}`,
            signal: context.signal,
            caseId: payload.caseId,
            jobId: context.jobId,
          },
          (connectors, call) => prepared.connector.send(connectors, prepared.prepared.payload, call),
        )
      : null;
    await context.transaction(async (tx) => {
      const found = await activeStep(tx, payload);
      if (!found) return;
      const { pc, row, step } = found;
      if (step.kind === 'wait') {
        await completeLockedStep(tx, services, pc, row, {
          caseStepId: payload.caseStepId,
          result: 'done',
          by: { system: 'timer' },
        });
        return;
      }
      const action = automatedAction(step.action ?? 'decide');
      if (!action || (!action.run && !action.connector))
        throw new DomainError('unprocessable', 'action_unknown', {
          da: `Trinnet "${stepName(step).da}" beder om handlingen "${step.action}", som platformen ikke kender.`,
          en: `The step "${stepName(step).en}" asks for the action "${step.action}", which the platform does not know.`,
        });
      // A connector action whose step became active only after the send began is sent on the next run.
      if (action.connector && !(prepared && answer))
        throw new Error(`step ${payload.caseStepId}: ${action.name} was not sent yet`);
      const outcome: ActionOutcome =
        prepared && answer
          ? {
              result: 'done',
              data: { ...prepared.prepared.data, [prepared.connector.name]: answer, sent: true },
              system: prepared.prepared.system ?? `job:${action.name}`,
            }
          : await action.run!({ tx, services, pc, step, caseStepId: payload.caseStepId });
      await completeLockedStep(tx, services, pc, row, {
        caseStepId: payload.caseStepId,
        result: outcome.result,
        by: { system: outcome.system },
        data: outcome.data,
      });
      if (prepared && answer)
        await prepared.connector.afterSend?.(tx, {
          caseId: payload.caseId,
          caseStepId: payload.caseStepId,
          answer,
        });
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // A business failure: what the action wrote was rolled back with its transaction; the case goes
    // to a person with the reason, in a second transaction that also ends the job.
    await context.transaction((tx) => handCaseToPerson(tx, payload.caseId, 'failed', error.text));
  }
}

/** The case and its step, locked in that order, while the step is still active and the case open. */
async function activeStep(tx: Tx, payload: { caseId: string; caseStepId: number }) {
  const pc = await lockProcessCase(tx, payload.caseId);
  const row = await lockStep(tx, payload.caseStepId);
  if (!row || row.status !== 'active' || pc.status === 'resolved') return null;
  const step = pc.pinned.steps.get(row.stepId);
  return step ? { pc, row, step } : null;
}
