import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { STEP_RESULTS, type TProcessStep } from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { handCaseToPerson } from '../automation/handCaseToPerson';
import { addDays, todayInDenmark } from '../time/isoDate';
import { automationBlock } from '../watchList/automationBlock';
import { actionConnector } from './automatedActions';
import { approverFor } from './approverFor';
import { enqueueProcessJob } from './enqueueProcessJob';
import { conditionHolds } from './feelCondition';
import { conditionContext, conditionAnswers, type ProcessCase } from './processCase';
import type { ProcessServices } from './ProcessServices';
import { stepName } from './pinnedProcess';
import { resolveAtEnd } from './resolveAtEnd';
import { robotPayload } from './robotPayload';

/** Who ended a step: a person, or the automation by name ('robot:…', 'rule:table@revision', 'timer'). */
export type StepActor = { userId: string } | { system: string };

/** The system name of the engine itself, for steps that pass by themselves (parallel, join, end). */
export const ENGINE_ACTOR = 'system:process';

/** One step to enter, and the case step it came from. */
interface Arrival {
  stepId: string;
  fromCaseStepId: number | null;
  /** Who finished the step before: a four-eyes step refuses that person. */
  fromUserId: string | null;
  /** The kind of the step before: after an automated or robot step, automation was already allowed. */
  fromKind?: string;
}

/**
 * Chooses the transitions a finished step takes: those for its result whose condition holds;
 * a parallel step takes all of them, any other step the first.
 */
export async function transitionsFrom(
  tx: Tx,
  pc: ProcessCase,
  step: TProcessStep,
  result: string,
): Promise<string[]> {
  const candidates = step.next.filter((t) => t.on === undefined || t.on === result);
  if (candidates.length === 0) return [];
  const context = candidates.some((t) => t.when) ? await conditionContext(tx, pc) : null;
  const taken: string[] = [];
  for (const t of candidates) {
    if (t.when && !conditionHolds(t.when, context!)) continue;
    taken.push(t.to);
    if (step.kind !== 'parallel') break;
  }
  return taken;
}

/**
 * Enters steps, and the steps after those that pass by themselves (parallel, join, end), until
 * every branch waits for a person, a job, a robot or a date. `arrivals` are the steps to enter.
 */
export async function enterSteps(
  tx: Tx,
  services: ProcessServices,
  pc: ProcessCase,
  arrivals: Arrival[],
): Promise<void> {
  const queue = [...arrivals];
  for (let guard = 0; queue.length > 0; guard += 1) {
    if (guard > 500) throw new Error(`process of ${pc.serviceId} loops without waiting`);
    const arrival = queue.shift()!;
    const step = pc.pinned.steps.get(arrival.stepId);
    if (!step) throw new Error(`step ${arrival.stepId} is not in ${pc.serviceId}@${pc.serviceVersion}`);
    queue.push(...(await enterStep(tx, services, pc, step, arrival)));
    // The case is resolved: no other branch goes on.
    if (step.kind === 'end') break;
  }
}

async function insertStep(
  tx: Tx,
  services: ProcessServices,
  pc: ProcessCase,
  step: TProcessStep,
  values: { assigneeUserId?: string | null; waitUntil?: string | null; data?: Record<string, unknown> },
): Promise<number> {
  const dueDate =
    step.normDays !== undefined ? services.calendar.addWorkingDays(todayInDenmark(), step.normDays) : null;
  const { rows } = await tx.execute<{ id: string }>(sql`
    INSERT INTO case_steps (case_id, step_id, kind, status, assignee_user_id, due_date, wait_until, data)
    VALUES (${pc.id}, ${step.id}, ${step.kind}, 'active', ${values.assigneeUserId ?? null}, ${dueDate}::date,
            ${values.waitUntil ?? null}::date, ${JSON.stringify(values.data ?? {})}::jsonb)
    RETURNING id`);
  return Number(rows[0]!.id);
}

/** Marks a step that passes by itself as done by the engine. */
async function insertPassedStep(tx: Tx, pc: ProcessCase, step: TProcessStep): Promise<number> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    INSERT INTO case_steps (case_id, step_id, kind, status, result, completed_by_system, completed_at)
    VALUES (${pc.id}, ${step.id}, ${step.kind}, 'done', ${STEP_RESULTS[step.kind][0] ?? null}, ${ENGINE_ACTOR}, now())
    RETURNING id`);
  return Number(rows[0]!.id);
}

/**
 * Automation is checked once per case, before its first automated or robot step: a case on the
 * watch list (or excluded by the criteria) goes to its team's queue with the reason instead.
 */
async function automationAllowed(tx: Tx, pc: ProcessCase, arrival: Arrival): Promise<boolean> {
  if (pc.automation === 'excluded' || pc.automation === 'failed') return false;
  if (arrival.fromKind === 'automated' || arrival.fromKind === 'robot') return true;
  const { rows } = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM case_steps WHERE case_id = ${pc.id} AND kind IN ('automated', 'robot')`);
  if ((rows[0]?.n ?? 0) > 0) return true;
  const block = await automationBlock(tx, pc.id);
  if (!block) return true;
  await handCaseToPerson(tx, pc.id, 'excluded', block.reason);
  pc.automation = 'excluded';
  return false;
}

/** The date a wait step waits for: the answer's date moved by the offset, then back to a working day. */
function waitDate(services: ProcessServices, pc: ProcessCase, step: TProcessStep): string | null {
  if (!step.until) return null;
  const value = conditionAnswers(pc)[step.until.field];
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return services.calendar.workingDayOnOrBefore(addDays(value, step.until.offsetDays));
}

async function enterStep(
  tx: Tx,
  services: ProcessServices,
  pc: ProcessCase,
  step: TProcessStep,
  arrival: Arrival,
): Promise<Arrival[]> {
  const passOn = async (caseStepId: number) =>
    (await transitionsFrom(tx, pc, step, STEP_RESULTS[step.kind][0] ?? 'done')).map((to) => ({
      stepId: to,
      fromCaseStepId: caseStepId,
      fromUserId: null,
      fromKind: arrival.fromKind,
    }));
  switch (step.kind) {
    case 'human': {
      if (step.team && step.team !== pc.teamId) {
        await tx.execute(
          sql`UPDATE cases SET team_id = ${step.team}, version = version + 1 WHERE id = ${pc.id}`,
        );
        pc.teamId = step.team;
      }
      await insertStep(tx, services, pc, step, { data: { team: step.team ?? pc.teamId } });
      return [];
    }
    case 'approval': {
      const approver = step.approver!;
      const assignee = await approverFor(tx, pc, approver);
      if (assignee === null && typeof approver === 'string') {
        // Nobody leads the unit or any unit above it: a person in the case's team must find the approver.
        await handCaseToPerson(tx, pc.id, 'failed', {
          da: `Ingen leder fundet til trinnet "${stepName(step).da}". Find den, der skal godkende.`,
          en: `No leader found for the step "${stepName(step).en}". Find the person who must approve.`,
        });
        return [];
      }
      await insertStep(tx, services, pc, step, {
        assigneeUserId: assignee,
        data: typeof approver === 'string' ? { approver } : { approver: 'role', role: approver.role },
      });
      return [];
    }
    case 'four_eyes': {
      // The case goes back to the queue, unassigned, for a second caseworker.
      await tx.execute(
        sql`UPDATE cases SET assignee_user_id = NULL, version = version + 1 WHERE id = ${pc.id} AND assignee_user_id IS NOT NULL`,
      );
      pc.assigneeUserId = null;
      await insertStep(tx, services, pc, step, {
        data: { previousBy: arrival.fromUserId, previousCaseStepId: arrival.fromCaseStepId },
      });
      return [];
    }
    case 'automated': {
      if (!(await automationAllowed(tx, pc, arrival))) return [];
      const caseStepId = await insertStep(tx, services, pc, step, {
        data: { action: step.action ?? 'decide', decision: step.decision ?? null },
      });
      await enqueueProcessJob(
        tx,
        'process.step',
        { caseId: pc.id, caseStepId },
        {
          key: `process.step:${caseStepId}`,
          caseId: pc.id,
          connector: actionConnector(step.action ?? 'decide'),
        },
      );
      return [];
    }
    case 'robot': {
      if (!(await automationAllowed(tx, pc, arrival))) return [];
      const caseStepId = await insertStep(tx, services, pc, step, { data: { topic: step.topic } });
      await tx.execute(sql`
        INSERT INTO work_items (id, topic, case_id, case_step_id, payload, status)
        VALUES (${randomUUID()}, ${step.topic!}, ${pc.id}, ${caseStepId},
                ${JSON.stringify(await robotPayload(tx, pc, step.topic!, step.id))}::jsonb, 'waiting')`);
      return [];
    }
    case 'wait': {
      const until = waitDate(services, pc, step);
      if (step.until && !until) {
        await handCaseToPerson(tx, pc.id, 'failed', {
          da: `Trinnet "${stepName(step).da}" mangler datoen at vente til (${step.until.field}).`,
          en: `The step "${stepName(step).en}" lacks the date to wait for (${step.until.field}).`,
        });
        return [];
      }
      const caseStepId = await insertStep(tx, services, pc, step, {
        waitUntil: until,
        data: until ? { until } : { event: step.event },
      });
      if (until)
        await enqueueProcessJob(
          tx,
          'process.step',
          { caseId: pc.id, caseStepId },
          { key: `process.step:${caseStepId}`, caseId: pc.id, runAt: until },
        );
      return [];
    }
    case 'parallel':
      return passOn(await insertPassedStep(tx, pc, step));
    case 'join': {
      // A join waits until every branch has arrived: until no other step of the case is active.
      const { rows } = await tx.execute<{ id: string }>(sql`
        UPDATE case_steps SET data = jsonb_set(data, '{arrived}', (data->'arrived') || to_jsonb(${arrival.fromCaseStepId}::bigint))
        WHERE case_id = ${pc.id} AND step_id = ${step.id} AND status = 'active' RETURNING id`);
      const joinId =
        rows[0] !== undefined
          ? Number(rows[0].id)
          : await insertStep(tx, services, pc, step, { data: { arrived: [arrival.fromCaseStepId] } });
      const { rows: others } = await tx.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM case_steps WHERE case_id = ${pc.id} AND status = 'active' AND id <> ${joinId}`);
      if ((others[0]?.n ?? 0) > 0) return [];
      await tx.execute(sql`
        UPDATE case_steps SET status = 'done', result = 'done', completed_by_system = ${ENGINE_ACTOR}, completed_at = now()
        WHERE id = ${joinId}`);
      return passOn(joinId);
    }
    case 'end': {
      const caseStepId = await insertPassedStep(tx, pc, step);
      await resolveAtEnd(tx, pc, step, caseStepId, arrival.fromUserId);
      return [];
    }
  }
}
