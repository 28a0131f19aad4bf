import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { appendAudit } from '../audit/appendAudit';
import { holds, lockWorkItemRow, notHeld, robotAuditDetails } from './heldWorkItem';
import type { RobotActor } from './RobotActor';

/**
 * Extends the robot's lease on an item it holds to `leaseSeconds` from now, while slow work goes
 * on. An item another robot has taken since, or that is finished, answers 409.
 */
export async function extendWorkItemLease(
  deps: { db: Db },
  robot: RobotActor,
  itemId: string,
  leaseSeconds: number,
): Promise<{ id: string; lockedUntil: string }> {
  return deps.db.transaction(async (tx) => {
    const item = await lockWorkItemRow(tx, robot, itemId);
    if (!holds(robot, item)) throw notHeld(robot, item);
    const { rows } = await tx.execute<{ lockedUntil: Date }>(sql`
      UPDATE work_items SET locked_until = now() + ${leaseSeconds}::int * interval '1 second'
      WHERE id = ${itemId} RETURNING locked_until AS "lockedUntil"`);
    const lockedUntil = new Date(rows[0]!.lockedUntil).toISOString();
    await appendAudit(tx, {
      actorUserId: null,
      action: 'robot.extend',
      entityType: 'work_item',
      entityId: itemId,
      subjectPersonId: item.subjectPersonId,
      details: robotAuditDetails(robot, { topic: item.topic, lockedUntil }),
    });
    return { id: itemId, lockedUntil };
  });
}
