import { appendCaseEvent } from './appendCaseEvent';
import type { Actor } from '../access/Actor';
import type { CaseDeps } from './CaseDeps';
import { updateCase } from './caseForUpdate';
import { change, text } from './caseChange';

/** An internal note: seen in the back office only, never in the portal. */
export function addCaseNote(deps: CaseDeps, actor: Actor, caseId: string, input: { body: string }) {
  return change(deps, actor, caseId, undefined, 'case.note', async (tx, row) => {
    await updateCase(tx, row, {});
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: 'note',
      body: text(input.body, 4000, { da: 'Notatet', en: 'The note' }, true, 'body'),
    });
    return {};
  });
}
