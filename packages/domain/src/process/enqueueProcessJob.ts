import { sql } from 'drizzle-orm';
import type { ConnectorName } from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { jobKindDefinition, type JobKind, type JobPayloads } from '../jobs/jobKinds';

/**
 * Writes one of the engine's jobs in the step's transaction, with an idempotency key (one job per
 * case step, so entering a step twice never runs it twice), the case it works for, the municipal
 * system it calls (its connector's queue) and when it runs.
 */
export async function enqueueProcessJob<K extends JobKind>(
  tx: Tx,
  kind: K,
  payload: JobPayloads[K],
  options: { key: string; caseId: string; runAt?: string; connector?: ConnectorName | null },
): Promise<void> {
  const definition = jobKindDefinition(kind)!;
  const checked = definition.payload.parse(payload);
  await tx.execute(sql`
    INSERT INTO jobs (kind, payload, max_attempts, idempotency_key, case_id, connector, run_at)
    VALUES (${kind}, ${JSON.stringify(checked)}::jsonb, ${definition.maxAttempts ?? 5}, ${options.key}, ${options.caseId},
            ${options.connector ?? null},
            ${options.runAt ? sql`(${options.runAt}::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'` : sql`now()`})
    ON CONFLICT (idempotency_key) DO NOTHING`);
}
