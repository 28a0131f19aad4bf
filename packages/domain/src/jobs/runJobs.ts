import { sql } from 'drizzle-orm';
import { loggableError, sqlArray } from '@indgang/db';
import type { JobServices } from './defineJobKind';
import { jobKindDefinition } from './jobKinds';

/** What is kept of a failed attempt: the error's type, code and message, never a query's parameters. */
function errorSummary(error: unknown): string {
  const { type, code, message, statement } = loggableError(error);
  return [type, code, statement, message]
    .filter((part) => part !== undefined && part !== null)
    .join(': ')
    .slice(0, 1000);
}

/**
 * Runs due jobs until none is left: claimed in batches with a lease (FOR UPDATE SKIP LOCKED, so
 * several workers can share the table), then marked done, or retried later with the error kept.
 */
export async function runJobs(services: JobServices, batchSize = 20): Promise<number> {
  const { db, log } = services;
  let ran = 0;
  for (;;) {
    // id is a bigserial, which the driver hands over as text; payload is what enqueueJob wrote for the kind.
    const { rows } = await db.execute<{ id: string; kind: string; payload: unknown; attempts: number }>(sql`
      UPDATE jobs SET locked_until = now() + interval '2 minutes', attempts = attempts + 1
      WHERE id IN (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= now() AND attempts < max_attempts
                   AND (locked_until IS NULL OR locked_until < now()) ORDER BY id FOR UPDATE SKIP LOCKED LIMIT ${batchSize})
      RETURNING id, kind, payload, attempts`);
    const batch = rows.sort((a, b) => Number(a.id) - Number(b.id));
    if (batch.length === 0) return ran;
    const done: number[] = [];
    for (const job of batch) {
      ran += 1;
      try {
        const definition = jobKindDefinition(job.kind);
        if (!definition) throw new Error(`no handler for ${job.kind}`);
        const controller = new AbortController();
        await definition.run(services, definition.payload.parse(job.payload), {
          jobId: job.id,
          attempt: job.attempts,
          signal: controller.signal,
          transaction: (work) =>
            db.transaction(async (tx) => {
              const result = await work(tx);
              await tx.execute(
                sql`UPDATE jobs SET done_at = now(), locked_until = NULL, last_error = NULL WHERE id = ${job.id}`,
              );
              return result;
            }),
          extendLease: async (seconds = 120) => {
            await db.execute(
              sql`UPDATE jobs SET locked_until = now() + make_interval(secs => ${seconds}) WHERE id = ${job.id}`,
            );
          },
        });
        done.push(Number(job.id));
      } catch (error) {
        log(`job ${job.id} (${job.kind}) failed, attempt ${job.attempts}`, error);
        await db.execute(
          sql`UPDATE jobs SET locked_until = NULL, last_error = ${errorSummary(error)}, run_at = now() + make_interval(secs => ${2 ** job.attempts}) WHERE id = ${job.id}`,
        );
      }
    }
    if (done.length > 0)
      await db.execute(
        sql`UPDATE jobs SET done_at = now(), locked_until = NULL, last_error = NULL WHERE id = ANY(${sqlArray(done)}::bigint[])`,
      );
  }
}

/**
 * Polls for jobs every `intervalMs` until stopped. `wake()` asks for a round within `wakeDelayMs`:
 * wakes in that window share one round, so a burst of changes costs one claim and one completion
 * (two commits) rather than two per change.
 */
export function startJobRunner(services: JobServices, options: { intervalMs: number; wakeDelayMs?: number }) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let woken: Promise<unknown> | null = null;
  const round = () => {
    running = running
      .then(() => (stopped ? 0 : runJobs(services)))
      .catch((e) => services.log('job round failed', e));
    return running;
  };
  const tick = () => {
    void round().finally(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    });
  };
  timer = setTimeout(tick, options.intervalMs);
  return {
    wake: () => {
      woken ??= new Promise((resolve) => setTimeout(resolve, options.wakeDelayMs ?? 100)).then(() => {
        woken = null;
        return round();
      });
      return woken;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await woken;
      await running;
    },
  };
}
