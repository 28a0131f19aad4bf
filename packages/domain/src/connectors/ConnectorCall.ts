/**
 * What every call to a municipal system carries: a key that stays the same across the retries of
 * one piece of work (the case step, the lookup), so the system (or the adapter, looking for its own
 * earlier attempt) can tell a retry from a new request; the signal that aborts it when the job's
 * time is up; and the case it is for, for the operations page.
 */
export interface ConnectorCall {
  key: string;
  signal: AbortSignal;
  caseId?: string;
  jobId?: string;
}
