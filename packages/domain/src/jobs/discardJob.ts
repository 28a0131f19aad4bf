import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { DomainError } from '../errors/DomainError';
import { findJob } from './findJob';

/** Gives up a dead job for good: it stays as history, marked discarded. Audited. */
export async function discardJob(deps: { db: Db }, actor: Actor, jobId: string): Promise<void> {
  requirePermission(actor, 'jobs.manage');
  const job = await findJob(deps.db, jobId);
  await deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(
      sql`UPDATE jobs SET discarded_at = now() WHERE id = ${jobId} AND dead_at IS NOT NULL AND discarded_at IS NULL RETURNING id`,
    );
    if (!rows[0])
      throw new DomainError('conflict', 'job_not_dead', {
        da: 'Kun en opgivet opgave kan kasseres.',
        en: 'Only a job that was given up can be discarded.',
      });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'job.discard',
      entityType: 'job',
      entityId: jobId,
      details: { kind: job.kind, caseId: job.caseId },
    });
  });
}
