import { sql } from 'drizzle-orm';
import { textOf, type TServiceDefinition } from '@indgang/schemas';
import { completeStep } from '../process/completeStep';
import { appendCaseEvent } from './appendCaseEvent';
import type { Actor } from '../access/Actor';
import { serviceVersion } from '../catalog/latestServices';
import { DomainError } from '../errors/DomainError';
import { enqueueJob } from '../jobs/enqueueJob';
import type { CaseDeps } from './CaseDeps';
import { updateCase } from './caseForUpdate';
import { change, requireOpen, text } from './caseChange';
import { refuseUnfilledPlaceholders } from './refuseUnfilledPlaceholders';

/**
 * The outcome chosen: one of the service's outcomes when it has any (the case keeps its id and its
 * Danish label as it read then), else the caseworker's free text.
 */
function chosenOutcome(def: TServiceDefinition, input: { outcomeId?: string; outcome?: string }) {
  if (def.outcomes.length === 0)
    return {
      id: null,
      label: text(input.outcome ?? '', 200, { da: 'Udfaldet', en: 'The outcome' }, true, 'outcome'),
    };
  const outcome = def.outcomes.find((o) => o.id === input.outcomeId);
  if (!outcome) {
    const message = input.outcomeId
      ? {
          da: 'Udfaldet findes ikke for denne service. Vælg et udfald fra listen.',
          en: 'The service has no such outcome. Choose an outcome from the list.',
        }
      : { da: 'Vælg sagens udfald.', en: "Choose the case's outcome." };
    throw new DomainError('invalid', input.outcomeId ? 'outcome_unknown' : 'outcome_missing', message, [
      { path: 'outcomeId', message },
    ]);
  }
  return { id: outcome.id, label: textOf(outcome.label, 'da'), text: outcome.label };
}

/**
 * Resolves the case with an outcome and a reply to the submitter. When the case is at a
 * caseworker's task of its process, the task is completed with her outcome and reply and the
 * process goes on: straight to its end (the case is resolved as before), or to the steps after
 * her task (a pay change goes to a second caseworker's four-eyes check, and is resolved only
 * when that is approved and the change is recorded for payroll). A case waiting for an approval or
 * a four-eyes check cannot be resolved past it. A caseworker resolving a case that automation is
 * working on takes it over: its automated, robot and wait steps are cancelled.
 */
export function resolveCase(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { outcomeId?: string; outcome?: string; reply: string; expectedVersion: number },
) {
  return change(deps, actor, caseId, input.expectedVersion, 'case.resolve', async (tx, row) => {
    requireOpen(row);
    const def = await serviceVersion(tx, row.serviceId, row.serviceVersion);
    const outcome = chosenOutcome(def, input);
    const reply = text(input.reply, 4000, { da: 'Svaret', en: 'The reply' }, true, 'reply');
    refuseUnfilledPlaceholders(reply, 'reply');
    const { rows: active } = await tx.execute<{ id: string; kind: string }>(sql`
      SELECT id, kind FROM case_steps WHERE case_id = ${caseId} AND status = 'active' ORDER BY id`);
    if (active.some((s) => s.kind === 'four_eyes'))
      throw new DomainError('conflict', 'four_eyes_pending', {
        da: 'Sagen venter på, at en anden sagsbehandler kontrollerer den (fire øjne). Godkend eller afvis kontrollen i stedet.',
        en: 'The case is waiting for a second caseworker to check it (four eyes). Approve or reject the check instead.',
      });
    if (active.some((s) => s.kind === 'approval'))
      throw new DomainError('conflict', 'approval_pending', {
        da: 'Sagen afventer godkendelse og kan ikke afsluttes, før den er godkendt eller afvist.',
        en: 'The case is awaiting approval and cannot be resolved until it is approved or rejected.',
      });
    // Her outcome ends every task of hers on the case (parallel branches may have two), each while still active.
    const tasks = active.filter((s) => s.kind === 'human');
    if (tasks.length > 0) {
      for (const task of tasks) {
        const { rows: still } = await tx.execute<{ id: string }>(sql`
          SELECT id FROM case_steps WHERE id = ${task.id} AND status = 'active'`);
        if (!still[0]) continue;
        await completeStep(tx, deps, {
          caseStepId: Number(task.id),
          result: 'done',
          by: { userId: actor.userId },
          data: { outcomeId: outcome.id, outcome: outcome.label, reply },
        });
      }
      return {};
    }
    if (active.length > 0)
      await tx.execute(sql`
        UPDATE case_steps SET status = 'cancelled', completed_at = now(), completed_by_user_id = ${actor.userId},
          data = data || jsonb_build_object('cancelled', ${'En sagsbehandler afsluttede sagen.'}::text)
        WHERE case_id = ${caseId} AND status = 'active'`);
    await updateCase(tx, row, {
      status: 'resolved',
      outcomeId: outcome.id,
      outcome: outcome.label,
      resolvedAt: new Date(),
      pausedSince: null,
    });
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: 'resolved',
      body: reply,
      data: { outcomeId: outcome.id, outcome: outcome.text ?? outcome.label },
    });
    await enqueueJob(tx, 'mail.case', { caseId, kind: 'resolved' });
    return {};
  });
}
