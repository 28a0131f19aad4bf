import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { loggableError, sqlArray, type Db } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { handCaseToPerson } from '../automation/handCaseToPerson';
import { DomainError } from '../errors/DomainError';
import type { JobContext, JobKindDefinition, JobServices } from './defineJobKind';
import { jobKindDefinition } from './jobKinds';
import { scheduleNextRun } from './recurringJobs';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Seconds before attempt n + 1 when the kind says nothing: 2^n, at most an hour. */
export const defaultBackoff = (attempt: number) => Math.min(2 ** attempt, 3600);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kinds of every payload type
type AnyKind = JobKindDefinition<string, any>;

export interface RunJobsOptions {
  /** Jobs claimed at a time (default 20). */
  batchSize?: number;
  /** Written to `locked_by` (default host:pid:random). */
  workerId?: string;
  /** How long a claim holds before another worker may take the job over (default 120 s); kept while a job runs. */
  leaseSeconds?: number;
  /** Kinds besides the registry's: for tests whose handlers record what they did. */
  extraKinds?: readonly AnyKind[];
}

/** A worker's name in `locked_by`: the machine, the process and a random part. */
export const newWorkerId = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** An attempt that took longer than its kind allows; it counts as failed. */
export class JobTimeout extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms / 1000} s`);
    this.name = 'JobTimeout';
  }
}

/** The lease went to another worker (this one was too slow): nothing of the attempt may commit. */
class LeaseLost extends Error {
  constructor(id: string) {
    super(`job ${id} is no longer leased to this worker`);
    this.name = 'LeaseLost';
  }
}

/** What is kept of a failed attempt: the error's type, code and message, never a query's parameters. */
function errorSummary(error: unknown): string {
  const { type, code, message, statement } = loggableError(error);
  return [type, code, statement, message]
    .filter((part) => part !== undefined && part !== null)
    .join(': ')
    .slice(0, 1000);
}

/** The error in plain words, both languages, for the case handed to a person. */
function plainError(error: unknown): { da: string; en: string } {
  if (error instanceof JobTimeout)
    return {
      da: `tog mere end ${error.ms / 1000} sekunder og blev afbrudt`,
      en: `took more than ${error.ms / 1000} seconds and was stopped`,
    };
  if (error instanceof DomainError) return error.text;
  const message = error instanceof Error ? error.message : String(error);
  return { da: message, en: message };
}

type ClaimedJob = {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  caseId: string | null;
  recurring: string | null;
};

/**
 * Runs due jobs until none is left. Jobs are claimed in batches with a lease (FOR UPDATE SKIP
 * LOCKED, so several workers share the table; the claim writes the worker's id and counts the
 * attempt), and each is marked done on its own as it finishes, so a crash re-runs at most the job
 * that was running. The claim's worker id and attempt number fence every later write: a worker
 * whose lease was taken over cannot mark the job done or failed. The lease of the batch is renewed
 * while it runs. A failed attempt waits by its kind's back-off; after the last the job is dead.
 */
export async function runJobs(services: JobServices, options: RunJobsOptions = {}): Promise<number> {
  const { db, log } = services;
  const batchSize = options.batchSize ?? 20;
  const workerId = options.workerId ?? newWorkerId();
  const leaseSeconds = options.leaseSeconds ?? 120;
  const extra = new Map((options.extraKinds ?? []).map((k) => [k.name, k]));
  const kindOf = (name: string): AnyKind | undefined => extra.get(name) ?? jobKindDefinition(name);
  const fence = (job: ClaimedJob) =>
    sql`id = ${job.id} AND locked_by = ${workerId} AND attempts = ${job.attempts} AND done_at IS NULL AND dead_at IS NULL`;

  /** Marks the job done (and writes a recurring job's next run) in `executor`; throws if the lease is lost. */
  async function markDone(executor: Db | Tx, job: ClaimedJob) {
    const { rows } = await executor.execute(
      sql`UPDATE jobs SET done_at = now(), locked_until = NULL, last_error = NULL WHERE ${fence(job)} RETURNING id`,
    );
    if (rows.length === 0) throw new LeaseLost(job.id);
    if (job.recurring) await scheduleNextRun(executor, job.recurring);
  }

  async function die(job: ClaimedJob, definition: AnyKind | undefined, error: unknown) {
    const summary = errorSummary(error);
    const what = definition?.title ?? { da: `Opgaven ${job.kind}`, en: `The job ${job.kind}` };
    const cause = plainError(error);
    const reason = {
      da: `${what.da} lykkedes ikke efter ${job.attempts} forsøg: ${cause.da}`.slice(0, 1000),
      en: `${what.en} did not succeed after ${job.attempts} attempts: ${cause.en}`.slice(0, 1000),
    };
    const died = await db.transaction(async (tx) => {
      const { rows } = await tx.execute(
        sql`UPDATE jobs SET dead_at = now(), locked_until = NULL, last_error = ${summary} WHERE ${fence(job)} RETURNING id`,
      );
      if (rows.length === 0) return false;
      if (job.caseId) await handCaseToPerson(tx, job.caseId, 'failed', reason);
      if (job.recurring) await scheduleNextRun(tx, job.recurring);
      return true;
    });
    if (!died || !definition?.onDead) return;
    const payload = definition.payload.safeParse(job.payload);
    if (payload.success)
      await definition.onDead(services, payload.data, reason.en).catch((e: unknown) => {
        log(`onDead of job ${job.id} (${job.kind}) failed`, e);
      });
  }

  async function fail(job: ClaimedJob, definition: AnyKind | undefined, error: unknown) {
    log(`job ${job.id} (${job.kind}) failed, attempt ${job.attempts} of ${job.maxAttempts}`, error);
    if (job.attempts >= job.maxAttempts) return die(job, definition, error);
    const wait = (definition?.backoffSeconds ?? defaultBackoff)(job.attempts);
    await db.execute(
      sql`UPDATE jobs SET locked_until = NULL, last_error = ${errorSummary(error)}, run_at = now() + make_interval(secs => ${wait}) WHERE ${fence(job)}`,
    );
  }

  async function runOne(job: ClaimedJob) {
    const definition = kindOf(job.kind);
    // A worker stopped (killed, lost its database) during the last attempt: that attempt counted.
    if (job.attempts > job.maxAttempts)
      return die(job, definition, new Error('the worker stopped during the last attempt'));
    const controller = new AbortController();
    let over = false;
    let committed = false;
    const context: JobContext = {
      jobId: job.id,
      attempt: job.attempts,
      signal: controller.signal,
      extendLease: async (seconds = leaseSeconds) => {
        const { rows } = await db.execute(
          sql`UPDATE jobs SET locked_until = now() + make_interval(secs => ${seconds}) WHERE ${fence(job)} RETURNING id`,
        );
        if (rows.length === 0) throw new LeaseLost(job.id);
      },
      transaction: async (work) => {
        if (over || committed) throw new Error(`job ${job.id}: the attempt is over or already committed`);
        const result = await db.transaction(async (tx) => {
          const value = await work(tx);
          if (controller.signal.aborted) throw controller.signal.reason as Error;
          await markDone(tx, job);
          return value;
        });
        committed = true;
        return result;
      },
    };
    try {
      if (!definition) throw new Error(`no handler for ${job.kind}`);
      const payload: unknown = definition.payload.parse(job.payload);
      await withTimeout(
        definition.run(services, payload, context),
        definition.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        controller,
      );
      over = true;
      if (!committed) await markDone(db, job);
    } catch (error) {
      over = true;
      if (committed) log(`job ${job.id} (${job.kind}) failed after its work was committed`, error);
      else if (error instanceof LeaseLost) log(`job ${job.id} (${job.kind}) was taken over`, error);
      else await fail(job, definition, error);
    }
  }

  let ran = 0;
  for (;;) {
    const { rows } = await db.execute<ClaimedJob>(sql`
      UPDATE jobs SET locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1, locked_by = ${workerId}
      WHERE id IN (SELECT id FROM jobs WHERE done_at IS NULL AND dead_at IS NULL AND run_at <= now()
                   AND (locked_until IS NULL OR locked_until < now()) ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT ${batchSize})
      RETURNING id::text, kind, payload, attempts, max_attempts AS "maxAttempts", case_id AS "caseId", recurring`);
    if (rows.length === 0) return ran;
    const batch = rows.sort((a, b) => Number(a.id) - Number(b.id));
    // The claim holds the batch's jobs not yet run, and the running one, for as long as the batch runs.
    const waiting = new Map(batch.map((job) => [job.id, job]));
    const keeper = setInterval(
      () => {
        const ids = [...waiting.keys()];
        if (ids.length === 0) return;
        db.execute(
          sql`UPDATE jobs SET locked_until = now() + make_interval(secs => ${leaseSeconds}) WHERE id = ANY(${sqlArray(ids)}::bigint[]) AND locked_by = ${workerId} AND done_at IS NULL AND dead_at IS NULL`,
        ).catch((e: unknown) => log('renewing the lease of a batch of jobs failed', e));
      },
      Math.max(250, (leaseSeconds * 1000) / 3),
    );
    try {
      for (const job of batch) {
        await runOne(job);
        waiting.delete(job.id);
        ran += 1;
      }
    } finally {
      clearInterval(keeper);
    }
  }
}

/** Waits for `work`, or rejects with a JobTimeout (and aborts the signal) after `ms`. */
async function withTimeout(work: Promise<void>, ms: number, controller: AbortController): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new JobTimeout(ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  // A handler that ignores the signal may still fail later; that is no longer anyone's concern.
  work.catch(() => undefined);
  try {
    await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export interface JobRunnerOptions extends RunJobsOptions {
  /** How often to look for due jobs when nothing wakes the runner. */
  intervalMs: number;
  /** Wakes within this window share one round (default 100 ms). */
  wakeDelayMs?: number;
  /** Claim loops running side by side in this process (default 1). */
  concurrency?: number;
}

/**
 * Polls for jobs every `intervalMs` until stopped. `wake()` asks for a round within `wakeDelayMs`:
 * wakes in that window share one round, so a burst of changes costs one claim rather than one each.
 */
export function startJobRunner(services: JobServices, options: JobRunnerOptions) {
  const workerId = options.workerId ?? newWorkerId();
  const loops = Math.max(1, options.concurrency ?? 1);
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let woken: Promise<unknown> | null = null;
  const round = () => {
    running = running
      .then(() =>
        stopped
          ? []
          : Promise.all(Array.from({ length: loops }, () => runJobs(services, { ...options, workerId }))),
      )
      .catch((e: unknown) => services.log('job round failed', e));
    return running;
  };
  const tick = () => {
    void round().finally(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    });
  };
  timer = setTimeout(tick, options.intervalMs);
  return {
    workerId,
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
