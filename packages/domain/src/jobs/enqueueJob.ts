import { jobs } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import type { JobKind, JobPayloads } from './jobKinds';

/** Writes a job in the caller's transaction: it runs only if the change that caused it commits. */
export async function enqueueJob<K extends JobKind>(tx: Tx, kind: K, payload: JobPayloads[K]): Promise<void> {
  await tx.insert(jobs).values({ kind, payload });
}
