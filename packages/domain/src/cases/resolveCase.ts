import { appendCaseEvent } from './appendCaseEvent';
import type { Actor } from '../access/Actor';
import { enqueueJob } from '../jobs/enqueueJob';
import type { CaseDeps } from './CaseDeps';
import { updateCase } from './caseForUpdate';
import { change, requireOpen, text } from './caseChange';

/** Resolves the case with an outcome and a reply to the submitter. */
export function resolveCase(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { outcome: string; reply: string; expectedVersion: number },
) {
  return change(deps, actor, caseId, input.expectedVersion, 'case.resolve', async (tx, row) => {
    requireOpen(row);
    const outcome = text(input.outcome, 200, { da: 'Udfaldet', en: 'The outcome' });
    await updateCase(tx, row, { status: 'resolved', outcome, resolvedAt: new Date(), pausedSince: null });
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: 'resolved',
      body: text(input.reply, 4000, { da: 'Svaret', en: 'The reply' }),
      data: { outcome },
    });
    await enqueueJob(tx, 'mail.case', { caseId, kind: 'resolved' });
    return {};
  });
}
