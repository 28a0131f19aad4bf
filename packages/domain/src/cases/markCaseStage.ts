import { appendCaseEvent } from './appendCaseEvent';
import type { Actor } from '../access/Actor';
import { serviceVersion } from '../catalog/latestServices';
import { DomainError } from '../errors/DomainError';
import type { CaseDeps } from './CaseDeps';
import { change, requireOpen } from './caseChange';
import { updateCase } from './caseForUpdate';

/**
 * Marks a stage of the case's service as reached (e.g. the hearing of a dismissal was sent). A
 * case kept from the person it is about until that stage becomes visible to her from now on.
 */
export function markCaseStage(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { stage: string; expectedVersion: number },
) {
  return change(deps, actor, caseId, input.expectedVersion, 'case.stage', async (tx, row) => {
    requireOpen(row);
    const def = await serviceVersion(tx, row.serviceId, row.serviceVersion);
    const stage = def.stages.find((s) => s.id === input.stage);
    if (!stage) {
      throw new DomainError(
        'invalid',
        'stage_unknown',
        { da: 'Servicen har ikke det trin.', en: 'The service has no such stage.' },
        [{ path: 'stage', message: { da: 'Vælg et trin fra listen.', en: 'Choose a stage from the list.' } }],
      );
    }
    if (row.stagesReached.includes(stage.id)) {
      throw new DomainError('conflict', 'stage_reached', {
        da: 'Trinnet er allerede markeret.',
        en: 'The stage is already marked.',
      });
    }
    await updateCase(tx, row, { stagesReached: [...row.stagesReached, stage.id] });
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: 'stage',
      data: { stage: stage.id, label: stage.label },
    });
    return { stagesReached: [...row.stagesReached, stage.id] };
  });
}
