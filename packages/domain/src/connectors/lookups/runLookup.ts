import { sql } from 'drizzle-orm';
import { loadActor } from '../../access/loadActor';
import { DomainError } from '../../errors/DomainError';
import type { JobContext, JobServices } from '../../jobs/defineJobKind';
import { todayInDenmark } from '../../time/isoDate';
import { callConnector } from '../callConnector';
import { lookupOperation } from './lookupList';

/**
 * The job 'connector.lookup': asks the system what the user asked, as the user she is now (a role
 * lost since the request reads nothing), and keeps the answer for her. A refusal (an unknown CPR
 * number, no access) is the answer in plain words; a fault is retried by the job engine.
 */
export async function runLookup(services: JobServices, payload: { lookupId: string }, context: JobContext) {
  const { rows } = await services.db.execute<{ userId: string; name: string; input: unknown }>(sql`
    SELECT user_id AS "userId", operation AS name, input FROM connector_lookups
    WHERE id = ${payload.lookupId} AND status = 'pending'`);
  const row = rows[0];
  const operation = row && lookupOperation(row.name);
  if (!row || !operation) return;
  const finish = (status: 'done' | 'failed', result: unknown, error: unknown) =>
    context.transaction((tx) =>
      tx.execute(sql`
        UPDATE connector_lookups SET status = ${status}, result = ${JSON.stringify(result)}::jsonb,
          error = ${JSON.stringify(error)}::jsonb, done_at = now()
        WHERE id = ${payload.lookupId} AND status = 'pending'`),
    );
  try {
    const actor = await loadActor({ db: services.db }, row.userId, todayInDenmark());
    const input: unknown = operation.input.parse(row.input);
    const subject = await services.db.transaction((tx) => operation.authorize(tx, actor, input));
    const result = await callConnector(
      services,
      operation.connector,
      operation.name,
      { key: `lookup-${payload.lookupId}`, signal: context.signal, jobId: context.jobId },
      (connectors, call) => operation.run(connectors, input, call, actor, subject),
    );
    await finish('done', result ?? null, null);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await finish('failed', null, error.text);
  }
}

/** A lookup whose job died: its asker is told the system could not be reached. */
export async function failLookup(services: JobServices, payload: { lookupId: string }) {
  await services.db.execute(sql`
    UPDATE connector_lookups SET status = 'failed', done_at = now(),
      error = ${JSON.stringify({
        da: 'Systemet svarede ikke. Prøv igen om lidt, eller slå op direkte i systemet.',
        en: 'The system did not answer. Try again shortly, or look it up directly in the system.',
      })}::jsonb
    WHERE id = ${payload.lookupId} AND status = 'pending'`);
}
