import { sql } from 'drizzle-orm';
import { executePrepared, type Db } from '@indgang/db';
import { appendAudit } from '../audit/appendAudit';
import { DomainError } from '../errors/DomainError';
import type { RobotActor } from './RobotActor';
import { parseRobotAuthorization, secretMatches } from './robotCredential';

const refused = () =>
  new DomainError('unauthenticated', 'robot_unauthenticated', {
    da: 'Robottens adgangsnøgle mangler, er forkert eller er tilbagekaldt. Send «Authorization: Bearer <robot-id>.<hemmelighed>».',
    en: "The robot's credential is missing, wrong or revoked. Send «Authorization: Bearer <robot id>.<secret>».",
  });

/**
 * Resolves `Authorization: Bearer <robot id>.<secret>` into the robot, or refuses (401) a missing,
 * malformed, wrong or revoked credential. A refused attempt on a known robot is audited (never the
 * secret). Each accepted request is the robot's last contact (written at most every few seconds).
 */
export async function authenticateRobot(
  deps: { db: Db },
  authorization: string | undefined,
): Promise<RobotActor> {
  const credential = parseRobotAuthorization(authorization);
  if (!credential) throw refused();
  // Every call of every robot starts here: a named prepared statement, planned once per connection.
  const { rows } = await executePrepared<{
    name: string;
    topics: string[];
    secretHash: string;
    revoked: boolean;
    fresh: boolean;
  }>(
    deps.db,
    sql`
    SELECT name, topics, secret_hash AS "secretHash", revoked_at IS NOT NULL AS revoked,
      coalesce(last_contact_at > now() - interval '5 seconds', false) AS fresh
    FROM robots WHERE id = ${credential.robotId}`,
  );
  const robot = rows[0];
  if (!robot) throw refused();
  if (robot.revoked || !secretMatches(credential.secret, robot.secretHash)) {
    await appendAudit(deps.db, {
      actorUserId: null,
      action: 'robot.refused',
      entityType: 'robot',
      entityId: credential.robotId,
      details: { by: `robot:${robot.name}`, why: robot.revoked ? 'revoked' : 'wrong_secret' },
    });
    throw refused();
  }
  if (!robot.fresh)
    await deps.db.execute(sql`UPDATE robots SET last_contact_at = now() WHERE id = ${credential.robotId}`);
  return { robotId: credential.robotId, name: robot.name, topics: robot.topics };
}
