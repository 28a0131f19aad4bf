import { jobs } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';

export type JobKind = 'mail.case';

/** Writes a job in the caller's transaction: it runs only if the change that caused it commits. */
export async function enqueueJob(tx: Tx, kind: JobKind, payload: Record<string, unknown>): Promise<void> {
  await tx.insert(jobs).values({ kind, payload });
}
