import { sql } from 'drizzle-orm';
import type { ProcessStepKind, TText } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import type { Tx } from '../audit/appendAudit';
import { portalCaseVisible } from '../cases/caseAccess';
import type { CaseDeps } from '../cases/CaseDeps';
import { notFound } from '../errors/DomainError';
import { todayInDenmark } from '../time/isoDate';
import { mayDecideApproval } from './approverSql';
import { stepNameSql } from './stepNameSql';

export interface CurrentStep {
  caseStepId: number;
  stepId: string;
  kind: ProcessStepKind;
  name: TText | null;
  /** What the submitter reads while the case is at the step, when the definition says. */
  portalText: TText | null;
  /** The approving leader, when the step names one. */
  assignee: string | null;
  startedAt: string;
  dueDate: string | null;
  overdue: boolean;
}

/** The case's active steps with their names in the pinned definition and their deadlines. */
export async function currentSteps(tx: Pick<Tx, 'execute'>, caseId: string): Promise<CurrentStep[]> {
  const today = todayInDenmark();
  const { rows } = await tx.execute<{
    caseStepId: string | number;
    stepId: string;
    kind: ProcessStepKind;
    name: TText | null;
    portalText: TText | null;
    assignee: string | null;
    startedAt: Date | string;
    dueDate: string | null;
  }>(sql`
    SELECT s.id AS "caseStepId", s.step_id AS "stepId", s.kind, ${stepNameSql} AS name,
      (SELECT st->'portalText' FROM services sv CROSS JOIN LATERAL jsonb_array_elements(coalesce(sv.definition->'process'->'steps', '[]'::jsonb)) st
        WHERE sv.id = c.service_id AND sv.version = c.service_version AND st->>'id' = s.step_id LIMIT 1) AS "portalText",
      au.display_name AS assignee, s.started_at AS "startedAt", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate"
    FROM case_steps s JOIN cases c ON c.id = s.case_id LEFT JOIN users au ON au.id = s.assignee_user_id
    WHERE s.case_id = ${caseId} AND s.status = 'active'
    ORDER BY s.id`);
  return rows.map((r) => ({
    ...r,
    caseStepId: Number(r.caseStepId),
    startedAt: new Date(r.startedAt).toISOString(),
    overdue: r.dueDate !== null && r.dueDate < today,
  }));
}

/**
 * A case's process as the portal shows it: its current steps with their deadlines, and the approval
 * the actor may decide now (with whose approval it is when she decides as a deputy). Only for one
 * who may follow the case in the portal or decide its approval; others get 404.
 */
export async function getPortalCaseSteps(deps: Pick<CaseDeps, 'db'>, actor: Actor, caseId: string) {
  return deps.db.transaction(async (tx) => {
    const today = todayInDenmark();
    const { rows } = await tx.execute<{
      version: number;
      visible: boolean;
      approvalStepId: string | number | null;
      onBehalfOf: string | null;
    }>(sql`
      SELECT c.version, ${portalCaseVisible(actor)} AS visible,
        (SELECT s.id FROM case_steps s WHERE s.case_id = c.id AND ${mayDecideApproval(actor, today)} ORDER BY s.id LIMIT 1) AS "approvalStepId",
        (SELECT au.display_name FROM case_steps s JOIN users au ON au.id = s.assignee_user_id
          WHERE s.case_id = c.id AND s.assignee_user_id <> ${actor.userId} AND ${mayDecideApproval(actor, today)} ORDER BY s.id LIMIT 1) AS "onBehalfOf"
      FROM cases c JOIN org_units u ON u.id = c.unit_id WHERE c.id = ${caseId}`);
    const row = rows[0];
    if (!row || (!row.visible && row.approvalStepId === null))
      throw notFound({ da: 'Sagen', en: 'The case' });
    const steps = (await currentSteps(tx, caseId)).map(({ assignee: _assignee, ...s }) => s);
    const approval =
      row.approvalStepId === null
        ? null
        : (steps.find((s) => s.caseStepId === Number(row.approvalStepId)) ?? null);
    return {
      version: row.version,
      steps,
      approval: approval ? { ...approval, onBehalfOf: row.onBehalfOf } : null,
    };
  });
}
