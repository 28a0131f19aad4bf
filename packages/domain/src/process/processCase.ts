import { sql } from 'drizzle-orm';
import { flatAnswers, type Answers, type CaseAutomation, type CaseStatus } from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';
import type { ConditionContext } from './feelCondition';
import { pinnedProcess, type PinnedProcess } from './pinnedProcess';

/** A case as the engine works on it: locked for the step's transaction, with its pinned process. */
export interface ProcessCase {
  id: string;
  number: string;
  serviceId: string;
  serviceVersion: number;
  unitId: string;
  teamId: string;
  subjectPersonId: string | null;
  submittedByUserId: string;
  assigneeUserId: string | null;
  status: CaseStatus;
  automation: CaseAutomation | null;
  answers: Answers;
  periodFrom: string | null;
  periodTo: string | null;
  submittedAt: string;
  pinned: PinnedProcess;
}

/** Locks the case (FOR UPDATE, like every other change of it) and reads it with its process. */
export async function lockProcessCase(tx: Tx, caseId: string): Promise<ProcessCase> {
  const { rows } = await tx.execute<Omit<ProcessCase, 'pinned'>>(sql`
    SELECT id, number, service_id AS "serviceId", service_version AS "serviceVersion", unit_id AS "unitId",
           team_id AS "teamId", subject_person_id AS "subjectPersonId", submitted_by_user_id AS "submittedByUserId",
           assignee_user_id AS "assigneeUserId", status, automation, answers,
           period_from::text AS "periodFrom", period_to::text AS "periodTo", submitted_at::text AS "submittedAt"
    FROM cases WHERE id = ${caseId} FOR UPDATE`);
  const row = rows[0];
  if (!row) throw notFound({ da: 'Sagen', en: 'The case' });
  return { ...row, pinned: await pinnedProcess(tx, row.serviceId, row.serviceVersion) };
}

/** The answers as conditions read them: plain sections flat by field id, repeated sections as lists. */
export function conditionAnswers(pc: ProcessCase): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...flatAnswers(pc.pinned.service, pc.answers) };
  for (const section of pc.pinned.service.sections)
    if (section.repeat) answers[section.id] = pc.answers[section.id] ?? [];
  return answers;
}

/** What a transition's condition reads, with the outputs of the case's latest decision. */
export async function conditionContext(tx: Tx, pc: ProcessCase): Promise<ConditionContext> {
  const { rows } = await tx.execute<{ outputs: Array<Record<string, unknown>> }>(sql`
    SELECT outputs FROM case_decisions WHERE case_id = ${pc.id} ORDER BY id DESC LIMIT 1`);
  // The outcome a caseworker chose when she finished her task: the process may go on by it (four eyes, or end).
  const { rows: given } = await tx.execute<{ outcomeId: string | null }>(sql`
    SELECT data->>'outcomeId' AS "outcomeId" FROM case_steps
    WHERE case_id = ${pc.id} AND status = 'done' AND data ? 'outcomeId' ORDER BY completed_at DESC, id DESC LIMIT 1`);
  return {
    answers: conditionAnswers(pc),
    case: {
      id: pc.id,
      number: pc.number,
      serviceId: pc.serviceId,
      status: pc.status,
      unitId: pc.unitId,
      teamId: pc.teamId,
      periodFrom: pc.periodFrom,
      periodTo: pc.periodTo,
      outcomeId: given[0]?.outcomeId ?? null,
    },
    subject: pc.subjectPersonId ? { personId: pc.subjectPersonId } : null,
    decision: rows[0] ? decisionOutputs(rows[0].outputs) : null,
  };
}

/**
 * A decision's outputs as conditions read them: the one row of a single-hit table (empty when no
 * rule matched, so every output reads null), the list of rows of a collecting one.
 */
export function decisionOutputs(rows: Array<Record<string, unknown>>): Record<string, unknown> {
  if (rows.length <= 1) return rows[0] ?? {};
  return { rows };
}
