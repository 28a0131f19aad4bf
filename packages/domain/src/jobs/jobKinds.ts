import { sql, type SQL } from 'drizzle-orm';
import type { CaseMailKind } from '../mail/caseMail';

/** Every kind of background job and the payload it carries; a job is written and run by these names only. */
export interface JobPayloads {
  'mail.case': { caseId: string; kind: CaseMailKind };
}
export type JobKind = keyof JobPayloads;
export const JOB_KINDS = ['mail.case'] as const satisfies readonly JobKind[];

/** A job kind as an SQL literal, for statements that write the job themselves. */
export const jobKindSql = (kind: JobKind): SQL => sql.raw(`'${kind}'`);
