import { sql } from 'drizzle-orm';
import { loggableError, sqlArray, type Db } from '@indgang/db';
import { JOB_KINDS, type JobKind, type JobPayloads } from './jobKinds';

/** What runs each kind of job; a kind without a handler is a type error, not a failed job at night. */
export type JobHandlers = { [K in JobKind]: (payload: JobPayloads[K]) => Promise<void> };

const MAX_ATTEMPTS = 5;

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
export async function runJobs(
  deps: { db: Db },
  handlers: JobHandlers,
  log: (msg: string, err?: unknown) => void = () => undefined,
  batchSize = 20,
): Promise<number> {
  const { db } = deps;
  let ran = 0;
  for (;;) {
    // id is a bigserial, which the driver hands over as text; payload is what enqueueJob wrote for the kind.
    const { rows } = await db.execute<{ id: string; kind: string; payload: unknown; attempts: number }>(sql`
      UPDATE jobs SET locked_until = now() + interval '2 minutes', attempts = attempts + 1
      WHERE id IN (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= now() AND attempts < ${MAX_ATTEMPTS}
                   AND (locked_until IS NULL OR locked_until < now()) ORDER BY id FOR UPDATE SKIP LOCKED LIMIT ${batchSize})
      RETURNING id, kind, payload, attempts`);
    const batch = rows.sort((a, b) => Number(a.id) - Number(b.id));
    if (batch.length === 0) return ran;
    const done: number[] = [];
    for (const job of batch) {
      ran += 1;
      try {
        if (!isJobKind(job.kind)) throw new Error(`no handler for ${job.kind}`);
        await runOne(handlers, job.kind, job.payload);
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
export function startJobRunner(
  deps: { db: Db },
  handlers: JobHandlers,
  options: { intervalMs: number; wakeDelayMs?: number; log?: (msg: string, err?: unknown) => void },
) {
  const { db } = deps;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let woken: Promise<unknown> | null = null;
  const round = () => {
    running = running
      .then(() => (stopped ? 0 : runJobs({ db }, handlers, options.log)))
      .catch((e) => options.log?.('job round failed', e));
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

const isJobKind = (kind: string): kind is JobKind => (JOB_KINDS as readonly string[]).includes(kind);

/** The payload was written by `enqueueJob` for this kind, so it has this kind's shape. */
function runOne<K extends JobKind>(handlers: JobHandlers, kind: K, payload: unknown): Promise<void> {
  return handlers[kind](payload as JobPayloads[K]);
}
