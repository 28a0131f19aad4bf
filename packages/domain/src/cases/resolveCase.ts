import { textOf, type TServiceDefinition } from '@indgang/schemas';
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

/** Resolves the case with an outcome and a reply to the submitter. */
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
