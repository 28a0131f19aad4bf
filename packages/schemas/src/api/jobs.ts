import { z } from 'zod';
import { ZTimestamp } from './common';

const ZBoth = z.object({ da: z.string(), en: z.string() });

/** A job's state as the operations page names it. */
export const JOB_STATES = ['pending', 'running', 'failing', 'dead', 'done', 'discarded'] as const;
export const ZJobState = z.enum(JOB_STATES);

/** A job that failed at least once and is not done: retrying (failing) or given up (dead). */
export const ZProblemJob = z.object({
  id: z.string(),
  kind: z.string(),
  title: ZBoth.describe('What the job does, in plain words'),
  state: z.enum(['failing', 'dead']),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  createdAt: ZTimestamp,
  runAt: ZTimestamp.describe('When the next attempt is due (failing) or the last was due (dead)'),
  deadAt: ZTimestamp.nullable(),
});
export type TProblemJob = z.infer<typeof ZProblemJob>;

export const ZJobsOverview = z.object({
  counts: z.array(
    z.object({
      kind: z.string(),
      title: ZBoth,
      pending: z.number().int(),
      running: z.number().int(),
      failing: z.number().int(),
      dead: z.number().int(),
      doneLastDay: z.number().int().describe('Done in the last 24 hours'),
      discarded: z.number().int(),
    }),
  ),
  problems: z.array(ZProblemJob).describe('Dead jobs, then failing ones, newest first (at most 200)'),
  recurring: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      title: ZBoth,
      schedule: ZBoth,
      nextRunAt: ZTimestamp.nullable(),
      lastRunAt: ZTimestamp.nullable(),
      lastFailed: z.boolean(),
    }),
  ),
});
export type TJobsOverview = z.infer<typeof ZJobsOverview>;
