import { sql } from 'drizzle-orm';
import { sqlArray, type Db } from '@indgang/db';
import type { TJobsOverview } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { jobKindDefinition } from './jobKinds';
import { RECURRING_JOBS } from './recurringJobs';

/** A kind in plain words; a kind no release declares any more is shown by its name. */
export const jobTitle = (kind: string) => jobKindDefinition(kind)?.title ?? { da: kind, en: kind };

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * For the operations page: jobs by kind and state (done counted for the last day), the dead and
 * failing jobs with their case and error, and each recurring job's next and last run.
 */
export async function jobsOverview(deps: { db: Db }, actor: Actor): Promise<TJobsOverview> {
  requirePermission(actor, 'jobs.manage');
  const { rows: counts } = await deps.db.execute<{
    kind: string;
    pending: number;
    running: number;
    failing: number;
    dead: number;
    discarded: number;
    doneLastDay: number;
  }>(sql`
    SELECT kind,
      count(*) FILTER (WHERE done_at IS NULL AND dead_at IS NULL AND (locked_until IS NULL OR locked_until < now()) AND (attempts = 0 OR last_error IS NULL))::int AS pending,
      count(*) FILTER (WHERE done_at IS NULL AND dead_at IS NULL AND locked_until >= now())::int AS running,
      count(*) FILTER (WHERE done_at IS NULL AND dead_at IS NULL AND (locked_until IS NULL OR locked_until < now()) AND attempts > 0 AND last_error IS NOT NULL)::int AS failing,
      count(*) FILTER (WHERE dead_at IS NOT NULL AND discarded_at IS NULL)::int AS dead,
      count(*) FILTER (WHERE discarded_at IS NOT NULL)::int AS discarded,
      count(*) FILTER (WHERE done_at > now() - interval '1 day')::int AS "doneLastDay"
    FROM jobs WHERE done_at IS NULL OR done_at > now() - interval '1 day'
    GROUP BY kind ORDER BY kind`);
  const { rows: problems } = await deps.db.execute<{
    id: string;
    kind: string;
    dead: boolean;
    caseId: string | null;
    caseNumber: string | null;
    error: string | null;
    attempts: number;
    maxAttempts: number;
    createdAt: Date;
    runAt: Date;
    deadAt: Date | null;
  }>(sql`
    SELECT j.id::text, j.kind, j.dead_at IS NOT NULL AS dead, j.case_id AS "caseId", c.number AS "caseNumber",
      j.last_error AS error, j.attempts, j.max_attempts AS "maxAttempts", j.created_at AS "createdAt",
      j.run_at AS "runAt", j.dead_at AS "deadAt"
    FROM jobs j LEFT JOIN cases c ON c.id = j.case_id
    WHERE j.done_at IS NULL AND j.discarded_at IS NULL
      AND (j.dead_at IS NOT NULL OR (j.attempts > 0 AND j.last_error IS NOT NULL))
    ORDER BY j.dead_at IS NULL, coalesce(j.dead_at, j.run_at) DESC, j.id DESC LIMIT 200`);
  const { rows: runs } = await deps.db.execute<{
    recurring: string;
    nextRunAt: Date | null;
    lastRunAt: Date | null;
    lastFailed: boolean | null;
  }>(sql`
    SELECT r.name AS recurring,
      (SELECT run_at FROM jobs WHERE recurring = r.name AND done_at IS NULL AND dead_at IS NULL) AS "nextRunAt",
      last.at AS "lastRunAt", last.failed AS "lastFailed"
    FROM unnest(${sqlArray(RECURRING_JOBS.map((r) => r.name))}::text[]) AS r(name)
    LEFT JOIN LATERAL (
      SELECT coalesce(done_at, dead_at) AS at, dead_at IS NOT NULL AS failed FROM jobs
      WHERE recurring = r.name AND (done_at IS NOT NULL OR dead_at IS NOT NULL)
      ORDER BY coalesce(done_at, dead_at) DESC LIMIT 1) last ON true`);
  const byName = new Map(runs.map((r) => [r.recurring, r]));
  return {
    counts: counts.map((c) => ({ ...c, title: jobTitle(c.kind) })),
    problems: problems.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: jobTitle(p.kind),
      state: p.dead ? 'dead' : 'failing',
      caseId: p.caseId,
      caseNumber: p.caseNumber,
      error: p.error,
      attempts: p.attempts,
      maxAttempts: p.maxAttempts,
      createdAt: iso(p.createdAt)!,
      runAt: iso(p.runAt)!,
      deadAt: iso(p.deadAt),
    })),
    recurring: RECURRING_JOBS.map((r) => {
      const run = byName.get(r.name);
      return {
        name: r.name,
        kind: r.kind,
        title: jobTitle(r.kind),
        schedule: r.title,
        nextRunAt: iso(run?.nextRunAt ?? null),
        lastRunAt: iso(run?.lastRunAt ?? null),
        lastFailed: run?.lastFailed ?? false,
      };
    }),
  };
}
