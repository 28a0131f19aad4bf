import { appendCaseEvent } from './appendCaseEvent';
import { eq } from 'drizzle-orm';
import { returnReasons } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { DomainError } from '../errors/DomainError';
import { enqueueJob } from '../jobs/enqueueJob';
import { todayInDenmark } from '../time/isoDate';
import type { CaseDeps } from './CaseDeps';
import { updateCase } from './caseForUpdate';
import { change, requireOpen, text } from './caseChange';
import { refuseUnfilledPlaceholders } from './refuseUnfilledPlaceholders';

const chooseReason = (code: string) => {
  const message = code
    ? {
        da: 'Årsagen findes ikke længere. Vælg en årsag fra listen.',
        en: 'The reason no longer exists. Choose a reason from the list.',
      }
    : { da: 'Vælg en årsag til, at sagen sendes retur.', en: 'Choose a reason for returning the case.' };
  return new DomainError('invalid', code ? 'reason_unknown' : 'reason_missing', message, [
    { path: 'reasonCode', message },
  ]);
};

/** Returns the case for missing information: a reason from the configured list, the clock pauses. */
export function returnCase(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { reasonCode: string; message: string; expectedVersion: number },
) {
  return change(deps, actor, caseId, input.expectedVersion, 'case.return', async (tx, row) => {
    requireOpen(row);
    if (row.status === 'awaiting_submitter')
      throw new DomainError('conflict', 'already_returned', {
        da: 'Sagen venter allerede på indberetteren.',
        en: 'The case is already waiting for the submitter.',
      });
    const code = input.reasonCode.trim();
    const [reason] = code ? await tx.select().from(returnReasons).where(eq(returnReasons.code, code)) : [];
    if (!reason) throw chooseReason(code);
    const body = text(input.message, 4000, { da: 'Beskeden', en: 'The message' }, true, 'message');
    refuseUnfilledPlaceholders(body, 'message');
    await updateCase(tx, row, {
      status: 'awaiting_submitter',
      pausedSince: todayInDenmark(),
      assigneeUserId: row.assigneeUserId ?? actor.userId,
    });
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: 'returned',
      body,
      data: { reasonCode: reason.code, reason: reason.label },
    });
    await enqueueJob(tx, 'mail.case', { caseId, kind: 'returned' });
    return {};
  });
}
