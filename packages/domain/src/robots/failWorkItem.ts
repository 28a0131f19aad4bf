import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TWorkItemOutcome } from '@indgang/schemas';
import { appendAudit } from '../audit/appendAudit';
import { handCaseToPerson } from '../automation/handCaseToPerson';
import { holds, lockWorkItemRow, notHeld, robotAuditDetails } from './heldWorkItem';
import type { RobotActor } from './RobotActor';

/** After this many attempts a failure to be retried goes to a person instead. */
export const WORK_ITEM_MAX_ATTEMPTS = 5;

/** The wait before an item is offered again: 1 minute, doubling with each attempt, at most an hour. */
export const workItemBackoffSeconds = (attempts: number) =>
  Math.min(3600, 60 * 2 ** Math.max(0, attempts - 1));

export interface FailWorkItemInput {
  reason: string;
  retry: 'later' | 'person';
  retryInSeconds?: number;
}

/**
 * The robot could not do the work. `later`: the item is offered again after a back-off (or the
 * robot's own wait), until its fifth attempt, after which it goes to a person. `person`: the item
 * fails and its case leaves automation for its team's queue with the robot's reason. Reporting the
 * same failure again changes nothing.
 */
export async function failWorkItem(
  deps: { db: Db },
  robot: RobotActor,
  itemId: string,
  input: FailWorkItemInput,
): Promise<TWorkItemOutcome> {
  return deps.db.transaction(async (tx) => {
    const item = await lockWorkItemRow(tx, robot, itemId);
    const mine = item.lockedBy === robot.robotId && item.error === input.reason;
    if (mine && item.status === 'failed')
      return { id: itemId, outcome: 'failed', retryAt: null, replayed: true };
    if (mine && item.status === 'waiting' && item.retryAt)
      return { id: itemId, outcome: 'retry', retryAt: new Date(item.retryAt).toISOString(), replayed: true };
    if (!holds(robot, item)) throw notHeld(robot, item);

    const toPerson = input.retry === 'person' || item.attempts >= WORK_ITEM_MAX_ATTEMPTS;
    let retryAt: string | null = null;
    if (toPerson) {
      await tx.execute(sql`
        UPDATE work_items SET status = 'failed', error = ${input.reason}, locked_until = NULL,
          retry_at = NULL, completed_at = now()
        WHERE id = ${itemId}`);
      if (item.caseId) {
        const tries = input.retry === 'person' ? '' : ` (${item.attempts} forsøg)`;
        const triesEn = input.retry === 'person' ? '' : ` (${item.attempts} attempts)`;
        await handCaseToPerson(tx, item.caseId, 'failed', {
          da: `Robotten «${robot.name}» kunne ikke løse opgaven${tries}: ${input.reason}`,
          en: `The robot «${robot.name}» could not do the work${triesEn}: ${input.reason}`,
        });
      }
    } else {
      const seconds = input.retryInSeconds ?? workItemBackoffSeconds(item.attempts);
      const { rows } = await tx.execute<{ retryAt: Date }>(sql`
        UPDATE work_items SET status = 'waiting', error = ${input.reason}, locked_until = NULL,
          retry_at = now() + ${seconds}::int * interval '1 second'
        WHERE id = ${itemId} RETURNING retry_at AS "retryAt"`);
      retryAt = new Date(rows[0]!.retryAt).toISOString();
    }
    await appendAudit(tx, {
      actorUserId: null,
      action: 'robot.fail',
      entityType: 'work_item',
      entityId: itemId,
      subjectPersonId: item.subjectPersonId,
      details: robotAuditDetails(robot, {
        topic: item.topic,
        caseId: item.caseId,
        reason: input.reason,
        attempt: item.attempts,
        retryAt,
      }),
    });
    return toPerson
      ? { id: itemId, outcome: 'failed', retryAt: null, replayed: false }
      : { id: itemId, outcome: 'retry', retryAt, replayed: false };
  });
}
