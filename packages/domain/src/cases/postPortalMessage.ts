import { appendCaseEvent } from './appendCaseEvent';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { attachments, cases } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { DomainError } from '../errors/DomainError';
import { todayInDenmark } from '../time/isoDate';
import type { CaseDeps } from './CaseDeps';
import { requireRoomOnCase } from './requireRoomOnCase';
import { requirePortalCase } from './caseAccess';
import { attachmentUsage } from './caseRows';
import { caseForUpdate, updateCase } from './caseForUpdate';
import { settleCaseStatus } from '../process/settleCaseStatus';

export interface PortalMessage {
  body: string;
  attachmentIds: string[];
}

/**
 * A follow-up, correction or answer from the portal joins the existing case. When the case waits
 * on the submitter it is the answer: the case goes back to the caseworker and the norm-time clock
 * resumes, with the deadline moved by the working days it stood still.
 */
export async function postPortalMessage(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  message: PortalMessage,
) {
  const body = message.body.trim();
  if (!body && message.attachmentIds.length === 0)
    throw new DomainError('invalid', 'message_empty', {
      da: 'Skriv en besked eller vedhæft en fil.',
      en: 'Write a message or attach a file.',
    });
  return deps.db.transaction(async (tx) => {
    await requirePortalCase(tx, actor, caseId);
    const row = await caseForUpdate(tx, caseId);
    if (message.attachmentIds.length > 0) {
      const held = await attachmentUsage(tx, sql`case_id = ${caseId}`);
      const claimed = await tx
        .update(attachments)
        .set({ caseId })
        .where(
          and(
            inArray(attachments.id, message.attachmentIds),
            eq(attachments.uploadedByUserId, actor.userId),
            isNull(attachments.caseId),
          ),
        )
        .returning({ id: attachments.id, size: attachments.size });
      if (claimed.length !== new Set(message.attachmentIds).size)
        throw new DomainError('invalid', 'attachment_unknown', {
          da: 'En vedhæftning findes ikke. Vedhæft den igen.',
          en: 'An attachment does not exist. Attach it again.',
        });
      requireRoomOnCase(deps.uploadLimits, held, claimed);
    }
    const answering = row.status === 'awaiting_submitter';
    const today = todayInDenmark();
    let version = row.version;
    let status = row.status;
    if (answering) {
      const paused = deps.calendar.workingDaysBetween(row.pausedSince ?? today, today);
      version = await updateCase(tx, row, {
        status: 'in_progress',
        pausedSince: null,
        dueDate: deps.calendar.addWorkingDays(row.dueDate, paused),
      });
      // Back at the step its process is at: the caseworker's task, or the leader's approval it was returned from.
      await settleCaseStatus(tx, caseId);
      const [now] = await tx
        .select({ version: cases.version, status: cases.status })
        .from(cases)
        .where(eq(cases.id, caseId));
      ({ version, status } = now!);
    } else if (row.status === 'resolved') {
      throw new DomainError('conflict', 'case_resolved', {
        da: 'Sagen er løst. Genåbn den, hvis den ikke er færdig.',
        en: 'The case is resolved. Reopen it if it is not finished.',
      });
    } else {
      version = await updateCase(tx, row, {});
    }
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: answering ? 'answered' : 'message_from_submitter',
      body,
      data: { attachmentIds: message.attachmentIds },
    });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: answering ? 'case.answer' : 'case.message',
      entityType: 'case',
      entityId: caseId,
      subjectPersonId: row.subjectPersonId,
    });
    return { version, status };
  });
}
