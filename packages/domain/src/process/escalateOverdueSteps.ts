import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { handCaseToPerson, SYSTEM_ACTOR } from '../automation/handCaseToPerson';
import { appendAudit } from '../audit/appendAudit';
import { appendCaseEvent } from '../cases/appendCaseEvent';
import { todayInDenmark } from '../time/isoDate';
import { pinnedProcess, stepName } from './pinnedProcess';

/**
 * Escalates each active step whose deadline has passed, once: `team_lead` writes an internal
 * timeline entry for the team lead and marks the step (escalated_at, which the lists show);
 * `queue` hands an automated, robot or wait step to the case's team. A step without an escalation
 * is only marked. Each case is handled in its own transaction. Returns how many were escalated.
 */
export async function escalateOverdueSteps(deps: { db: Db }, today = todayInDenmark()): Promise<number> {
  const { rows } = await deps.db.execute<{ id: string; caseId: string }>(sql`
    SELECT id, case_id AS "caseId" FROM case_steps
    WHERE status = 'active' AND escalated_at IS NULL AND due_date < ${today}::date
    ORDER BY due_date, id LIMIT 500`);
  let escalated = 0;
  for (const overdue of rows) {
    const done = await deps.db.transaction(async (tx) => {
      const { rows: locked } = await tx.execute<{
        serviceId: string;
        serviceVersion: number;
        subjectPersonId: string | null;
      }>(sql`
        SELECT service_id AS "serviceId", service_version AS "serviceVersion", subject_person_id AS "subjectPersonId"
        FROM cases WHERE id = ${overdue.caseId} AND status <> 'resolved' FOR UPDATE`);
      const c = locked[0];
      if (!c) return false;
      const { rows: steps } = await tx.execute<{ stepId: string; dueDate: string }>(sql`
        UPDATE case_steps SET escalated_at = now() WHERE id = ${overdue.id} AND status = 'active' AND escalated_at IS NULL
        RETURNING step_id AS "stepId", due_date::text AS "dueDate"`);
      const row = steps[0];
      if (!row) return false;
      const step = (await pinnedProcess(tx, c.serviceId, c.serviceVersion)).steps.get(row.stepId);
      if (!step) return false;
      const name = stepName(step);
      if (step.escalation === 'queue' && ['automated', 'robot', 'wait'].includes(step.kind)) {
        await handCaseToPerson(tx, overdue.caseId, 'failed', {
          da: `Trinnet "${name.da}" nåede ikke sin frist (${row.dueDate}) og er givet til teamet.`,
          en: `The step "${name.en}" missed its deadline (${row.dueDate}) and was handed to the team.`,
        });
      } else {
        await appendCaseEvent(tx, {
          caseId: overdue.caseId,
          actorUserId: null,
          type: 'automation',
          body: `Trinnet "${name.da}" er over fristen (${row.dueDate}).`,
          data: {
            escalation: step.escalation ?? 'marked',
            stepId: step.id,
            name,
            dueDate: row.dueDate,
            by: SYSTEM_ACTOR,
          },
        });
        await appendAudit(tx, {
          actorUserId: null,
          action: 'case.step.escalate',
          entityType: 'case',
          entityId: overdue.caseId,
          subjectPersonId: c.subjectPersonId,
          details: { stepId: step.id, escalation: step.escalation ?? 'marked', by: SYSTEM_ACTOR },
        });
      }
      return true;
    });
    if (done) escalated += 1;
  }
  return escalated;
}
