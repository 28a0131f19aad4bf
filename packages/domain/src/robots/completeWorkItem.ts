import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TWorkItemOutcome } from '@indgang/schemas';
import { appendAudit } from '../audit/appendAudit';
import { finishWorkItemStep, type RobotStepServices } from './finishWorkItemStep';
import { holds, lockWorkItemRow, notHeld, robotAuditDetails } from './heldWorkItem';
import type { RobotActor } from './RobotActor';

/**
 * Completes an item the robot holds with what its work produced, and moves the case's process on,
 * in one transaction. Completing again (a retry after a lost answer) is not an error and changes
 * nothing: the item keeps its first output. An item another robot has taken, or that was finished
 * another way, answers 409.
 */
export async function completeWorkItem(
  deps: { db: Db; services: RobotStepServices },
  robot: RobotActor,
  itemId: string,
  output: Record<string, unknown>,
): Promise<TWorkItemOutcome> {
  return deps.db.transaction(async (tx) => {
    const item = await lockWorkItemRow(tx, robot, itemId);
    if (item.status === 'done' && item.lockedBy === robot.robotId)
      return { id: itemId, outcome: 'done', retryAt: null, replayed: true };
    if (!holds(robot, item)) throw notHeld(robot, item);
    await tx.execute(sql`
      UPDATE work_items SET status = 'done', output = ${JSON.stringify(output)}::jsonb, error = NULL,
        locked_until = NULL, retry_at = NULL, completed_at = now()
      WHERE id = ${itemId}`);
    await finishWorkItemStep(tx, deps.services, item, robot, 'done', output);
    await appendAudit(tx, {
      actorUserId: null,
      action: 'robot.complete',
      entityType: 'work_item',
      entityId: itemId,
      subjectPersonId: item.subjectPersonId,
      details: robotAuditDetails(robot, { topic: item.topic, caseId: item.caseId }),
    });
    return { id: itemId, outcome: 'done', retryAt: null, replayed: false };
  });
}
