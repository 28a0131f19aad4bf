import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';
import { personByCpr } from '../cases/personByCpr';
import type { ProcessCase } from './processCase';
import { conditionAnswers } from './processCase';

/** What a robot topic's items carry besides the case's number. */
export interface RobotTopic {
  /** The answers the work needs, by field id. */
  fields: readonly string[];
  /**
   * The person the case is about, as `person` (first name, last name, CPR number): the employee the
   * case names, from the organisation, or the person the form names by CPR number (a future hire).
   * For work that names her to another authority.
   */
  person?: boolean;
}

/** The topic of ordering a criminal-record or child certificate from the police. */
export const CERTIFICATE_TOPIC = 'attest.bestil';

/** What the certificate robot reports in its output's `result`: a clean certificate, or one with remarks. */
export const CERTIFICATE_RESULTS = ['clean', 'remarks'] as const;

/**
 * What each robot topic is given: only what its work needs, so a robot never reads more of a case
 * than its task (ordering a child certificate needs the name, CPR number and start date, not the
 * salary). A topic not listed here gets the case's number only.
 */
export const ROBOT_TOPICS: Record<string, RobotTopic> = {
  'boerneattest.bestil': {
    fields: ['firstName', 'lastName', 'cpr', 'email', 'startDate', 'position', 'unit'],
  },
  /**
   * Orders a criminal-record or child certificate (`kind`: criminal, child or both) from the police
   * for `person`; the police ask her consent in Digital Post. The robot completes the item with
   * `{ result: 'clean' | 'remarks' }` (CERTIFICATE_RESULTS), or reports a business error when no
   * certificate comes (no consent).
   */
  [CERTIFICATE_TOPIC]: { fields: ['kind', 'who'], person: true },
};

/** The person a topic's work is about, or null when the case names none Indgang can find. */
async function subjectPerson(tx: Tx, pc: ProcessCase, answers: Record<string, unknown>) {
  const personId = typeof answers.person === 'string' ? answers.person : pc.subjectPersonId;
  if (personId) {
    const { rows } = await tx.execute<{ firstName: string; lastName: string; cpr: string | null }>(sql`
      SELECT first_name AS "firstName", last_name AS "lastName", cpr FROM persons WHERE id = ${personId}`);
    return rows[0] ?? null;
  }
  const named = personByCpr(pc.pinned.service, pc.answers);
  return named ? { firstName: named.firstName, lastName: named.lastName, cpr: named.cpr } : null;
}

export async function robotPayload(
  tx: Tx,
  pc: ProcessCase,
  topic: string,
  stepId: string,
): Promise<Record<string, unknown>> {
  const answers = conditionAnswers(pc);
  const declared = ROBOT_TOPICS[topic];
  const fields = declared?.fields ?? [];
  return {
    caseNumber: pc.number,
    serviceId: pc.serviceId,
    stepId,
    answers: Object.fromEntries(
      fields.filter((f) => answers[f] !== undefined && answers[f] !== null).map((f) => [f, answers[f]]),
    ),
    ...(declared?.person ? { person: await subjectPerson(tx, pc, answers) } : {}),
  };
}
