import type { Tx } from '../audit/appendAudit';
import { completeStep } from '../process/completeStep';
import type { ProcessServices } from '../process/ProcessServices';
import { robotActorName, type RobotActor } from './RobotActor';

/** What finishing a robot step needs besides the transaction: the process engine's services. */
export type RobotStepServices = ProcessServices;

/**
 * Ends the case step a work item belongs to with the robot's result, in the caller's transaction,
 * so the process moves on exactly when the item is finished: `done` to the next step,
 * `business_error` where the process definition sends it (e.g. the HR law queue). The step is
 * completed by the robot by name (`robot:<name>`), which the timeline and audit trail show. An item
 * without a step (put there by hand or by a test) has no process to advance.
 */
export async function finishWorkItemStep(
  tx: Tx,
  services: RobotStepServices,
  item: { caseStepId: number | null },
  robot: RobotActor,
  result: 'done' | 'business_error',
  data: Record<string, unknown>,
): Promise<void> {
  if (item.caseStepId === null) return;
  await completeStep(tx, services, {
    caseStepId: item.caseStepId,
    result,
    by: { system: robotActorName(robot) },
    data,
  });
}
