import type { z } from 'zod';
import type { Db } from '@indgang/db';
import type { WorkCalendar } from '../calendar/WorkCalendar';
import type { Mailer } from '../mail/caseMail';
import type { Tx } from '../audit/appendAudit';
import type { Connectors } from '../connectors/Connectors';

/**
 * What a job's handler may use: the database, the calendar, the mailer, the municipality's systems
 * (only jobs call them, through callConnector) and the site's address.
 */
export interface JobServices {
  db: Db;
  calendar: WorkCalendar;
  mailer: Mailer;
  connectors: Connectors;
  /** The address links in mails point to. */
  publicUrl: string;
  log: (msg: string, err?: unknown) => void;
}

/** What a running job knows of itself. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  /** Aborted when the job's timeout passes; a handler that calls out passes it on. */
  signal: AbortSignal;
  /** Keeps the job's lease while a long job runs, so no other worker takes it over. */
  extendLease(seconds?: number): Promise<void>;
  /**
   * Runs `work` in a transaction that also marks this job done, so what the job writes (a timeline
   * entry, a case change, the next job) commits exactly once with its completion: a crash before the
   * commit re-runs the job with none of it written, a crash after finds the job done.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * A kind of background job, declared once: its name, the schema its payload is checked against when
 * it is written, what runs it, how often it is tried and how long one attempt may take.
 */
export interface JobKindDefinition<Name extends string, Payload> {
  name: Name;
  /** What the job does, in plain words for the operations page and a case handed to a person. */
  title?: { da: string; en: string };
  payload: z.ZodType<Payload>;
  run(services: JobServices, payload: Payload, context: JobContext): Promise<void>;
  /** Attempts before the job is dead (default 5). */
  maxAttempts?: number;
  /** Milliseconds one attempt may take before it is aborted and counts as failed (default 60 s). */
  timeoutMs?: number;
  /** Seconds to wait before attempt n + 1 (default 2^n, at most an hour). */
  backoffSeconds?: (attempt: number) => number;
  /**
   * Called once when the job dies, in its own transaction: e.g. moves the case it worked for to a
   * person's queue with the error in plain words.
   */
  onDead?: (services: JobServices, payload: Payload, error: string) => Promise<void>;
}

export function defineJobKind<Name extends string, Payload>(
  definition: JobKindDefinition<Name, Payload>,
): JobKindDefinition<Name, Payload> {
  return definition;
}
