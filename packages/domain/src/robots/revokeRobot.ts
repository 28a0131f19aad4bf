import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';

/**
 * Revokes a robot credential: from now on it is refused (401). The items it holds are released at
 * once, so another robot can take them without waiting for their leases. Revoking a revoked
 * credential changes nothing.
 */
export async function revokeRobot(deps: { db: Db }, actor: Actor, robotId: string): Promise<void> {
  requirePermission(actor, 'robots.manage');
  await deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ name: string; revoked: boolean }>(
      sql`SELECT name, revoked_at IS NOT NULL AS revoked FROM robots WHERE id = ${robotId} FOR UPDATE`,
    );
    const robot = rows[0];
    if (!robot) throw notFound({ da: 'Robotten', en: 'The robot' });
    if (robot.revoked) return;
    await tx.execute(sql`UPDATE robots SET revoked_at = now() WHERE id = ${robotId}`);
    const { rows: released } = await tx.execute<{ id: string }>(sql`
      UPDATE work_items SET status = 'waiting', locked_until = NULL
      WHERE locked_by_robot_id = ${robotId} AND status = 'locked'
      RETURNING id`);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'robot.revoke',
      entityType: 'robot',
      entityId: robotId,
      details: { name: robot.name, releasedItems: released.length },
    });
  });
}
