import { z } from 'zod';

/** A case's status; written only by the domain's case operations. */
export const CASE_STATUSES = [
  'submitted',
  'in_progress',
  'awaiting_submitter',
  /** At an approval step: waiting on the leader (or deputy) the process names. */
  'awaiting_approval',
  /** At an automated, robot or wait step: no person needs to act. */
  'automated',
  'resolved',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const ZCaseStatus = z.enum(CASE_STATUSES);

/**
 * The events of a case's timeline and who may see them: internal events (assignments, notes)
 * never leave the back office. The domain writes them through one function, which takes
 * `internal` from here.
 */
export const CASE_EVENTS = {
  submitted: 'public',
  status: 'public',
  stage: 'public',
  assigned: 'internal',
  note: 'internal',
  message_to_submitter: 'public',
  message_from_submitter: 'public',
  answered: 'public',
  returned: 'public',
  resolved: 'public',
  reopened: 'public',
  /** A process step started or ended, by a person or by automation (named in `data`). */
  step: 'public',
  /** A leader approved, rejected or returned the case. */
  approval: 'public',
  /** A decision table decided: table, revision, version and the rules that fired. */
  decision: 'internal',
  /** Automation left the case to a person: excluded (watch list, criteria) or failed, with the reason. */
  automation: 'internal',
  /** A letter sent by Digital Post was delivered, printed on paper (the recipient is exempt) or failed. */
  letter: 'public',
} as const satisfies Record<string, 'public' | 'internal'>;
export type CaseEventType = keyof typeof CASE_EVENTS;
export const CASE_EVENT_TYPES = Object.keys(CASE_EVENTS) as CaseEventType[];
