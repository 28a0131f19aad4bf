import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { DomainError } from '../errors/DomainError';
import { findJob } from './findJob';

/**
 * Tries a job again now: a dead job gets all its attempts back, a failing one stops waiting out its
 * back-off. A dead recurring run becomes a one-off (its schedule has written the next run already).
 * Audited.
 */
export async function retryJob(deps: { db: Db }, actor: Actor, jobId: string): Promise<void> {
  requirePermission(actor, 'jobs.manage');
  const job = await findJob(deps.db, jobId);
  await deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ wasDead: boolean }>(sql`
      UPDATE jobs j SET run_at = now(), locked_until = NULL,
        attempts = CASE WHEN j.dead_at IS NULL THEN j.attempts ELSE 0 END,
        recurring = CASE WHEN j.dead_at IS NULL THEN j.recurring ELSE NULL END,
        dead_at = NULL
      FROM (SELECT id, dead_at IS NOT NULL AS "wasDead" FROM jobs WHERE id = ${jobId} FOR UPDATE) old
      WHERE j.id = old.id AND j.done_at IS NULL AND j.discarded_at IS NULL
        AND (j.dead_at IS NOT NULL OR (j.attempts > 0 AND j.last_error IS NOT NULL AND (j.locked_until IS NULL OR j.locked_until < now())))
      RETURNING old."wasDead"`);
    if (!rows[0])
      throw new DomainError('conflict', 'job_not_retriable', {
        da: 'Kun en opgave, der er opgivet eller venter på et nyt forsøg efter en fejl, kan prøves igen.',
        en: 'Only a job that was given up or is waiting to be tried again after an error can be retried.',
      });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'job.retry',
      entityType: 'job',
      entityId: jobId,
      details: { kind: job.kind, caseId: job.caseId, wasDead: rows[0].wasDead },
    });
  });
}
