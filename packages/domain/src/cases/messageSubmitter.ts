import { appendCaseEvent } from './appendCaseEvent';
import type { Actor } from '../access/Actor';
import { enqueueJob } from '../jobs/enqueueJob';
import type { CaseDeps } from './CaseDeps';
import { updateCase } from './caseForUpdate';
import { change, text } from './caseChange';
import { refuseUnfilledPlaceholders } from './refuseUnfilledPlaceholders';

/** A message to the submitter, shown in the portal and sent by mail. */
export function messageSubmitter(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { body: string; expectedVersion: number },
) {
  return change(deps, actor, caseId, input.expectedVersion, 'case.message_submitter', async (tx, row) => {
    const body = text(input.body, 4000, { da: 'Beskeden', en: 'The message' }, true, 'body');
    refuseUnfilledPlaceholders(body, 'body');
    await updateCase(tx, row, {});
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: 'message_to_submitter',
      body,
    });
    await enqueueJob(tx, 'mail.case', { caseId, kind: 'message' });
    return {};
  });
}
