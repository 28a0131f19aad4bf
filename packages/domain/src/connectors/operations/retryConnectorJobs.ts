import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { ConnectorName } from '@indgang/schemas';
import type { Actor } from '../../access/Actor';
import { requirePermission } from '../../access/requirePermission';
import { appendAudit } from '../../audit/appendAudit';

/**
 * After a system was down: every job for it that was given up or waits out its back-off is tried
 * again now (a given-up one with all its attempts back). Answers how many; audited.
 */
export async function retryConnectorJobs(
  deps: { db: Db },
  actor: Actor,
  connector: ConnectorName,
): Promise<{ retried: number }> {
  requirePermission(actor, 'jobs.manage');
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string }>(sql`
      UPDATE jobs SET run_at = now(), locked_until = NULL,
        attempts = CASE WHEN dead_at IS NULL THEN attempts ELSE 0 END, dead_at = NULL
      WHERE connector = ${connector} AND done_at IS NULL AND discarded_at IS NULL
        AND (dead_at IS NOT NULL OR (attempts > 0 AND last_error IS NOT NULL AND (locked_until IS NULL OR locked_until < now())))
      RETURNING id::text`);
    if (rows.length > 0)
      await appendAudit(tx, {
        actorUserId: actor.userId,
        action: 'connector.retry',
        entityType: 'connector',
        entityId: connector,
        details: { jobs: rows.length },
      });
    return { retried: rows.length };
  });
}
