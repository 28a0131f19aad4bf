import type { Tx } from '../audit/appendAudit';
import type { WorkCalendar } from '../calendar/WorkCalendar';
import { robotActorName, type RobotActor } from './RobotActor';

/** What finishing a robot step needs besides the transaction (the process engine's services). */
export interface RobotStepServices {
  calendar: WorkCalendar;
}

/**
 * Ends the case step a work item belongs to with the robot's result, in the caller's transaction,
 * so the process moves on exactly when the item is finished. An item without a step (put there by
 * hand or by a test) has no process to advance.
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
  void tx;
  void services;
  void robotActorName(robot);
  void result;
  void data;
  throw new Error('finishWorkItemStep: the process engine (completeStep) is not merged yet');
}
