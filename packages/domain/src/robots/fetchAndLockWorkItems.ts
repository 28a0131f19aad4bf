import { sql } from 'drizzle-orm';
import { executePrepared, type Db } from '@indgang/db';
import type { TLockedWorkItem } from '@indgang/schemas';
import { DomainError } from '../errors/DomainError';
import { robotActorName, type RobotActor } from './RobotActor';

export interface FetchAndLockInput {
  topic: string;
  maxItems: number;
  leaseSeconds: number;
}

/**
 * Locks up to `maxItems` items of a topic to the robot for `leaseSeconds`: items waiting (and due,
 * if a failure put them off), and items whose lease has passed. Robots fetching at once never get
 * the same item (`FOR UPDATE SKIP LOCKED`). Each item handed out is audited with the person its
 * case is about, since its payload may carry her data. One statement: lock, hand out, audit.
 */
export async function fetchAndLockWorkItems(
  deps: { db: Db },
  robot: RobotActor,
  input: FetchAndLockInput,
): Promise<TLockedWorkItem[]> {
  if (!robot.topics.includes(input.topic))
    throw new DomainError('forbidden', 'robot_topic_forbidden', {
      da: `Robotten må ikke hente opgaver fra emnet «${input.topic}». En administrator kan give den adgang.`,
      en: `The robot may not fetch items of the topic «${input.topic}». An administrator can grant it.`,
    });
  const { rows } = await executePrepared<{
    id: string;
    topic: string;
    payload: Record<string, unknown>;
    attempts: number;
    lockedUntil: Date;
  }>(
    deps.db,
    sql`
    WITH picked AS (
      SELECT id FROM work_items
      WHERE topic = ${input.topic}
        AND ((status = 'waiting' AND (retry_at IS NULL OR retry_at <= now()))
          OR (status = 'locked' AND locked_until < now()))
      ORDER BY created_at, id
      LIMIT ${input.maxItems}::int
      FOR UPDATE SKIP LOCKED
    ), locked AS (
      UPDATE work_items w SET status = 'locked', locked_by_robot_id = ${robot.robotId},
        locked_until = now() + ${input.leaseSeconds}::int * interval '1 second',
        attempts = w.attempts + 1, retry_at = NULL
      FROM picked WHERE w.id = picked.id
      RETURNING w.id, w.topic, w.payload, w.attempts, w.locked_until, w.case_id, w.created_at
    ), audited AS (
      INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, subject_person_id, details)
      SELECT now(), NULL, 'robot.fetch', 'work_item', l.id, c.subject_person_id,
        jsonb_build_object('by', ${robotActorName(robot)}::text, 'robotId', ${robot.robotId}::text,
          'topic', l.topic, 'attempt', l.attempts, 'caseId', l.case_id)
      FROM locked l LEFT JOIN cases c ON c.id = l.case_id
    )
    SELECT id, topic, payload, attempts, locked_until AS "lockedUntil" FROM locked
    ORDER BY created_at, id`,
  );
  return rows.map((r) => ({ ...r, lockedUntil: new Date(r.lockedUntil).toISOString() }));
}
