import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { jobKindDefinition, type JobKind } from './jobKinds';

/** When a recurring job runs: every so many minutes, or each day at a time of day in Denmark. */
export type RecurringSchedule = { everyMinutes: number } | { dailyAt: `${number}:${number}` };

export interface RecurringJob {
  /** The schedule's name; only one pending job per name exists (a unique index). */
  name: string;
  kind: JobKind;
  schedule: RecurringSchedule;
  /** What the schedule means, in plain words for the operations page. */
  title: { da: string; en: string };
}

/**
 * Every recurring job, declared once. Its next run is a row in `jobs` (so it survives restarts and
 * runs on one worker only), written at start if missing and again when a run finishes or dies.
 */
export const RECURRING_JOBS: readonly RecurringJob[] = [
  {
    name: 'housekeeping',
    kind: 'maintenance.housekeeping',
    schedule: { everyMinutes: 60 },
    title: { da: 'Hver time', en: 'Every hour' },
  },
  {
    name: 'escalation',
    kind: 'process.escalate',
    schedule: { everyMinutes: 60 },
    title: { da: 'Hver time', en: 'Every hour' },
  },
  {
    name: 'retention',
    kind: 'privacy.retention',
    schedule: { dailyAt: '02:00' },
    title: { da: 'Hver nat kl. 02.00', en: 'Every night at 02:00' },
  },
];

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Minutes Denmark is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function danishOffsetMinutes(instant: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
  return Math.round((local - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant a Danish wall-clock time on a day happens (days counted from 1970-01-01). */
function danishWallClock(year: number, month: number, day: number, hour: number, minute: number): number {
  const guess = Date.UTC(year, month, day, hour, minute);
  const first = guess - danishOffsetMinutes(guess) * 60_000;
  return guess - danishOffsetMinutes(first) * 60_000;
}

/** The first time after `after` that the schedule is due. */
export function nextRunAt(schedule: RecurringSchedule, after: Date): Date {
  if ('everyMinutes' in schedule) return new Date(after.getTime() + schedule.everyMinutes * 60_000);
  const [hour, minute] = schedule.dailyAt.split(':').map(Number) as [number, number];
  const p = Object.fromEntries(PARTS.formatToParts(after).map((x) => [x.type, x.value]));
  for (let days = 0; days < 3; days += 1) {
    const at = danishWallClock(+p.year!, +p.month! - 1, +p.day! + days, hour, minute);
    if (at > after.getTime()) return new Date(at);
  }
  throw new Error(`no next run for ${schedule.dailyAt}`);
}

export const recurringJob = (name: string) => RECURRING_JOBS.find((r) => r.name === name);

async function writeRun(executor: Db | Tx, job: RecurringJob, at: Date): Promise<void> {
  const definition = jobKindDefinition(job.kind)!;
  await executor.execute(sql`
    INSERT INTO jobs (kind, payload, run_at, max_attempts, recurring)
    VALUES (${job.kind}, '{}'::jsonb, ${at.toISOString()}, ${definition.maxAttempts ?? 5}, ${job.name})
    ON CONFLICT (recurring) WHERE done_at IS NULL AND dead_at IS NULL DO NOTHING`);
}

/** Writes the next run of every recurring job that has none pending (at a worker's start). */
export async function scheduleRecurringJobs(db: Db, now: Date = new Date()): Promise<void> {
  for (const job of RECURRING_JOBS) await writeRun(db, job, nextRunAt(job.schedule, now));
}

/** Writes the run after the one that just finished, in the transaction that marks it done or dead. */
export async function scheduleNextRun(tx: Db | Tx, name: string, now: Date = new Date()): Promise<void> {
  const job = recurringJob(name);
  if (job) await writeRun(tx, job, nextRunAt(job.schedule, now));
}
