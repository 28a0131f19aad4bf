import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { lookupJob } from '../connectors/lookups/lookupJob';
import { caseMailJob } from '../mail/caseMailJob';
import { housekeepingJob, retentionJob } from '../privacy/maintenanceJobs';
import { digitalPostStatusJob } from '../process/actions/digitalPostJobs';
import { processEscalationJob, processStartJob, processStepJob } from '../process/processJobs';
import type { JobKindDefinition } from './defineJobKind';

/** Every kind of background job; a job is written and run by these names only. */
export const JOB_KIND_DEFINITIONS = [
  caseMailJob,
  processStartJob,
  processStepJob,
  processEscalationJob,
  digitalPostStatusJob,
  housekeepingJob,
  retentionJob,
  lookupJob,
] as const;

type Definitions = (typeof JOB_KIND_DEFINITIONS)[number];
export type JobKind = Definitions['name'];
/** The payload each kind carries, from its schema. */
export type JobPayloads = { [D in Definitions as D['name']]: z.infer<D['payload']> };
export const JOB_KINDS = JOB_KIND_DEFINITIONS.map((d) => d.name) as readonly JobKind[];

const byName = new Map<string, JobKindDefinition<string, unknown>>(
  JOB_KIND_DEFINITIONS.map((d) => [d.name, d as unknown as JobKindDefinition<string, unknown>]),
);
/** The declaration of a kind, or undefined for a name no kind has (a job written by an older release). */
export const jobKindDefinition = (name: string) => byName.get(name);

/** A job kind as an SQL literal, for statements that write the job themselves. */
export const jobKindSql = (kind: JobKind): SQL => sql.raw(`'${kind}'`);
