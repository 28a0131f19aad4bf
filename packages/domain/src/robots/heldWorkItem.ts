import { sql } from 'drizzle-orm';
import type { WorkItemStatus } from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { DomainError, notFound } from '../errors/DomainError';
import type { RobotActor } from './RobotActor';
import { robotActorName } from './RobotActor';

/** A work item as the robot operations read it, locked for the transaction. */
export type WorkItemRow = {
  id: string;
  topic: string;
  caseId: string | null;
  caseStepId: number | null;
  status: WorkItemStatus;
  lockedBy: string | null;
  lockedUntil: Date | null;
  attempts: number;
  retryAt: Date | null;
  output: unknown;
  error: string | null;
  subjectPersonId: string | null;
};

/**
 * Reads a work item for a robot and locks it for the transaction, its case first: every change of
 * a case locks the case before its steps and items (the process engine, handing a case to a
 * person), so taking them in the same order cannot deadlock. An unknown item and one on a topic the
 * robot is not scoped to answer the same 404.
 */
export async function lockWorkItemRow(tx: Tx, robot: RobotActor, itemId: string): Promise<WorkItemRow> {
  const { rows: owner } = await tx.execute<{ caseId: string | null }>(
    sql`SELECT case_id AS "caseId" FROM work_items WHERE id = ${itemId}`,
  );
  const caseId = owner[0]?.caseId;
  if (caseId) await tx.execute(sql`SELECT 1 FROM cases WHERE id = ${caseId} FOR UPDATE`);
  const { rows } = await tx.execute<WorkItemRow>(sql`
    SELECT w.id, w.topic, w.case_id AS "caseId", w.case_step_id::int AS "caseStepId", w.status,
      w.locked_by_robot_id AS "lockedBy", w.locked_until AS "lockedUntil", w.attempts,
      w.retry_at AS "retryAt", w.output, w.error, c.subject_person_id AS "subjectPersonId"
    FROM work_items w LEFT JOIN cases c ON c.id = w.case_id
    WHERE w.id = ${itemId}
    FOR UPDATE OF w`);
  const row = rows[0];
  if (!row || !robot.topics.includes(row.topic)) throw notFound({ da: 'Opgaven', en: 'The work item' });
  return row;
}

/**
 * Whether the robot holds the item: it is locked to this robot. A lease that has passed without
 * another robot taking the item still counts, since nobody else has started on it.
 */
export const holds = (robot: RobotActor, item: WorkItemRow) =>
  item.status === 'locked' && item.lockedBy === robot.robotId;

/** The 409 for an item the robot no longer holds, saying why. */
export function notHeld(robot: RobotActor, item: WorkItemRow): DomainError {
  if (item.status === 'locked')
    return new DomainError('conflict', 'work_item_locked_by_another', {
      da: 'Din lås på opgaven udløb, og en anden robot har taget den. Lad den være, og hent nye opgaver.',
      en: 'Your lock on the item expired and another robot has taken it. Leave it and fetch new items.',
    });
  if (item.status === 'waiting')
    return new DomainError('conflict', 'work_item_not_locked', {
      da: 'Opgaven er ikke låst til dig (din lås er udløbet eller sluppet). Hent den igen, før du arbejder videre.',
      en: 'The item is not locked to you (your lock expired or was released). Fetch it again before working on it.',
    });
  return new DomainError(
    'conflict',
    'work_item_finished',
    {
      da: 'Opgaven er allerede afsluttet på en anden måde, så intet blev ændret.',
      en: 'The item was already finished another way, so nothing was changed.',
    },
    [],
    { status: item.status, byAnotherRobot: item.lockedBy !== robot.robotId },
  );
}

/** What every audit entry of a robot's action carries: the robot, by name and id. */
export const robotAuditDetails = (robot: RobotActor, more: Record<string, unknown> = {}) => ({
  by: robotActorName(robot),
  robotId: robot.robotId,
  ...more,
});
