import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { notFound } from '../errors/DomainError';

const JOB = { da: 'Opgaven', en: 'The job' };

/** The job's kind and case when it exists (ids are whole numbers; anything else is no job). */
export async function findJob(db: Db, jobId: string) {
  if (!/^\d{1,18}$/.test(jobId)) throw notFound(JOB);
  const { rows } = await db.execute<{ kind: string; caseId: string | null }>(
    sql`SELECT kind, case_id AS "caseId" FROM jobs WHERE id = ${jobId}`,
  );
  if (!rows[0]) throw notFound(JOB);
  return rows[0];
}
