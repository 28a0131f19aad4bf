import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TWorkItemOutcome } from '@indgang/schemas';
import { appendAudit } from '../audit/appendAudit';
import { finishWorkItemStep, type RobotStepServices } from './finishWorkItemStep';
import { holds, lockWorkItemRow, notHeld, robotAuditDetails } from './heldWorkItem';
import type { RobotActor } from './RobotActor';

/**
 * The robot did its work and the answer is a business outcome a person must look at, e.g. "the
 * certificate has remarks": the step ends with `business_error`, and the process sends the case
 * where its definition says (for certificates, the HR law queue). Reporting it again changes nothing.
 */
export async function reportWorkItemBusinessError(
  deps: { db: Db; services: RobotStepServices },
  robot: RobotActor,
  itemId: string,
  input: { reason: string; output: Record<string, unknown> },
): Promise<TWorkItemOutcome> {
  return deps.db.transaction(async (tx) => {
    const item = await lockWorkItemRow(tx, robot, itemId);
    if (item.status === 'business_error' && item.lockedBy === robot.robotId)
      return { id: itemId, outcome: 'business_error', retryAt: null, replayed: true };
    if (!holds(robot, item)) throw notHeld(robot, item);
    await tx.execute(sql`
      UPDATE work_items SET status = 'business_error', output = ${JSON.stringify(input.output)}::jsonb,
        error = ${input.reason}, locked_until = NULL, retry_at = NULL, completed_at = now()
      WHERE id = ${itemId}`);
    await finishWorkItemStep(tx, deps.services, item, robot, 'business_error', {
      ...input.output,
      reason: input.reason,
    });
    await appendAudit(tx, {
      actorUserId: null,
      action: 'robot.business_error',
      entityType: 'work_item',
      entityId: itemId,
      subjectPersonId: item.subjectPersonId,
      details: robotAuditDetails(robot, { topic: item.topic, caseId: item.caseId, reason: input.reason }),
    });
    return { id: itemId, outcome: 'business_error', retryAt: null, replayed: false };
  });
}
