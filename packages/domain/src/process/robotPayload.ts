import type { ProcessCase } from './processCase';
import { conditionAnswers } from './processCase';

/**
 * What each robot topic is given: only the answers its work needs, so a robot never reads more of
 * a case than its task (ordering a child certificate needs the name, CPR number and start date,
 * not the salary). A topic not listed here gets the case's number only.
 */
export const ROBOT_TOPIC_FIELDS: Record<string, readonly string[]> = {
  'boerneattest.bestil': ['firstName', 'lastName', 'cpr', 'email', 'startDate', 'position', 'unit'],
};

export function robotPayload(pc: ProcessCase, topic: string, stepId: string): Record<string, unknown> {
  const answers = conditionAnswers(pc);
  const fields = ROBOT_TOPIC_FIELDS[topic] ?? [];
  return {
    caseNumber: pc.number,
    serviceId: pc.serviceId,
    stepId,
    answers: Object.fromEntries(
      fields.filter((f) => answers[f] !== undefined && answers[f] !== null).map((f) => [f, answers[f]]),
    ),
  };
}
