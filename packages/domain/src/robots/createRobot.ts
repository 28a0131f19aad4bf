import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TRobotCreateBody, TRobotCreated } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { DomainError } from '../errors/DomainError';
import { hashRobotSecret, newRobotSecret, robotToken } from './robotCredential';

/**
 * Creates a robot credential, named and scoped to topics. The answer is the only place the secret
 * ever appears: only its hash is stored, and the audit entry names the robot, never the secret.
 * A retry cannot replay the answer (that would mean storing the secret), so the name is the
 * create's identity instead: a second active robot with the same name is refused (409), and a lost
 * answer is recovered by revoking that credential and creating a new one.
 */
export async function createRobot(
  deps: { db: Db },
  actor: Actor,
  input: TRobotCreateBody,
): Promise<TRobotCreated> {
  requirePermission(actor, 'robots.manage');
  const name = input.name.trim();
  const topics = [...new Set(input.topics)].sort();
  const id = randomUUID();
  const secret = newRobotSecret();
  return deps.db.transaction(async (tx) => {
    // Two creates with one name at once: the second waits here and then sees the first.
    await tx.execute(sql`LOCK TABLE robots IN SHARE ROW EXCLUSIVE MODE`);
    const { rows: taken } = await tx.execute<{ id: string }>(
      sql`SELECT id FROM robots WHERE lower(name) = lower(${name}) AND revoked_at IS NULL`,
    );
    if (taken.length > 0)
      throw new DomainError(
        'conflict',
        'robot_name_taken',
        {
          da: `Der findes allerede en aktiv robot med navnet «${name}». Tilbagekald den, eller vælg et andet navn.`,
          en: `An active robot named «${name}» already exists. Revoke it, or choose another name.`,
        },
        [
          {
            path: 'body.name',
            message: { da: 'Navnet er i brug.', en: 'The name is in use.' },
          },
        ],
      );
    await tx.execute(sql`
      INSERT INTO robots (id, name, topics, secret_hash, created_by_user_id)
      VALUES (${id}, ${name}, ${sql.param(topics)}, ${hashRobotSecret(secret)}, ${actor.userId})`);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'robot.create',
      entityType: 'robot',
      entityId: id,
      details: { name, topics },
    });
    return { id, name, topics, token: robotToken({ robotId: id, secret }) };
  });
}
