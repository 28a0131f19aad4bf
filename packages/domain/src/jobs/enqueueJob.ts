import { jobs } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { jobKindDefinition, type JobKind, type JobPayloads } from './jobKinds';

/**
 * Writes a job in the caller's transaction: it runs only if the change that caused it commits. The
 * payload is checked against its kind's schema here, so a bad payload fails the change that wrote
 * it, not a worker at night.
 */
export async function enqueueJob<K extends JobKind>(tx: Tx, kind: K, payload: JobPayloads[K]): Promise<void> {
  const definition = jobKindDefinition(kind)!;
  const checked = definition.payload.parse(payload);
  await tx.insert(jobs).values({ kind, payload: checked, maxAttempts: definition.maxAttempts ?? 5 });
}
