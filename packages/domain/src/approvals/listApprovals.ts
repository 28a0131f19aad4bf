import { sql } from 'drizzle-orm';
import type { TText } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import type { CaseDeps } from '../cases/CaseDeps';
import { todayInDenmark } from '../time/isoDate';
import { mayDecideApproval } from './approverSql';
import { serviceNameSql, stepNameSql } from './stepNameSql';

export interface PendingApproval {
  caseId: string;
  caseStepId: number;
  number: string;
  serviceName: TText;
  stepName: TText | null;
  submittedBy: string;
  subjectName: string | null;
  unitName: string;
  submittedAt: string;
  dueDate: string | null;
  overdue: boolean;
  /** Whose approval it is when the actor decides as a deputy (the leader's name); null when her own. */
  onBehalfOf: string | null;
}

/**
 * "Afventer din godkendelse": the approval steps the actor may decide now, as the leader the step
 * names, her deputy in force, or a holder of the approving role, oldest deadline first. Scoped in SQL.
 */
export async function listApprovals(deps: Pick<CaseDeps, 'db'>, actor: Actor): Promise<PendingApproval[]> {
  const today = todayInDenmark();
  const { rows } = await deps.db.execute<{
    caseId: string;
    caseStepId: string | number;
    number: string;
    serviceName: TText;
    stepName: TText | null;
    submittedBy: string;
    subjectName: string | null;
    unitName: string;
    submittedAt: Date | string;
    dueDate: string | null;
    onBehalfOf: string | null;
  }>(sql`
    SELECT c.id AS "caseId", s.id AS "caseStepId", c.number, ${serviceNameSql} AS "serviceName",
      ${stepNameSql} AS "stepName", sb.display_name AS "submittedBy",
      CASE WHEN p.id IS NULL THEN NULL ELSE p.first_name || ' ' || p.last_name END AS "subjectName",
      u.name AS "unitName", c.submitted_at AS "submittedAt", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate",
      CASE WHEN s.assignee_user_id IS NOT NULL AND s.assignee_user_id <> ${actor.userId}
        THEN (SELECT display_name FROM users WHERE id = s.assignee_user_id) END AS "onBehalfOf"
    FROM case_steps s
      JOIN cases c ON c.id = s.case_id
      JOIN org_units u ON u.id = c.unit_id
      JOIN users sb ON sb.id = c.submitted_by_user_id
      LEFT JOIN persons p ON p.id = c.subject_person_id
    WHERE ${mayDecideApproval(actor, today)}
    ORDER BY s.due_date NULLS LAST, c.submitted_at
    LIMIT 500`);
  return rows.map((r) => ({
    ...r,
    caseStepId: Number(r.caseStepId),
    submittedAt: new Date(r.submittedAt).toISOString(),
    overdue: r.dueDate !== null && r.dueDate < today,
  }));
}

/** How many approvals wait on the actor, for her start page. */
export async function countApprovals(deps: Pick<CaseDeps, 'db'>, actor: Actor): Promise<number> {
  const { rows } = await deps.db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM case_steps s JOIN cases c ON c.id = s.case_id JOIN org_units u ON u.id = c.unit_id
    WHERE s.status = 'active' AND s.kind = 'approval' AND ${mayDecideApproval(actor, todayInDenmark())}`);
  return rows[0]!.n;
}
