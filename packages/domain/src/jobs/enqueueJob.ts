import { sql } from 'drizzle-orm';
import type { ConnectorName } from '@indgang/schemas';
import { jobs } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { jobKindDefinition, type JobKind, type JobPayloads } from './jobKinds';

export interface EnqueueOptions {
  /** Not before this time (a scheduled job); default now. */
  runAt?: Date;
  /**
   * The same key written twice is one job (the second write changes nothing), e.g. one payroll
   * call per case step however often the step is retried.
   */
  idempotencyKey?: string;
  /** The case the job works for: if the job dies, the case goes to a person's queue. */
  caseId?: string;
  /** The municipal system the job calls: the job is part of that connector's queue. */
  connector?: ConnectorName;
}

/**
 * Writes a job in the caller's transaction: it runs only if the change that caused it commits. The
 * payload is checked against its kind's schema here, so a bad payload fails the change that wrote
 * it, not a worker at night. Answers whether a job was written (false: its idempotency key was
 * already used).
 */
export async function enqueueJob<K extends JobKind>(
  tx: Tx,
  kind: K,
  payload: JobPayloads[K],
  options: EnqueueOptions = {},
): Promise<boolean> {
  const definition = jobKindDefinition(kind)!;
  const checked = definition.payload.parse(payload);
  const written = await tx
    .insert(jobs)
    .values({
      kind,
      payload: checked,
      maxAttempts: definition.maxAttempts ?? 5,
      runAt: options.runAt ?? sql`now()`,
      idempotencyKey: options.idempotencyKey,
      caseId: options.caseId,
      connector: options.connector,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return written.length > 0;
}
