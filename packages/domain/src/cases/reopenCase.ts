import { appendCaseEvent } from './appendCaseEvent';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { DomainError } from '../errors/DomainError';
import { todayInDenmark } from '../time/isoDate';
import type { CaseDeps } from './CaseDeps';
import { requirePortalCase } from './caseAccess';
import { caseForUpdate, updateCase } from './caseForUpdate';

/** The submitter reopens a resolved case within the configured period. */
export async function reopenCase(deps: CaseDeps, actor: Actor, caseId: string, reason: string) {
  return deps.db.transaction(async (tx) => {
    await requirePortalCase(tx, actor, caseId);
    const row = await caseForUpdate(tx, caseId);
    const resolvedOn = row.resolvedAt ? row.resolvedAt.toISOString().slice(0, 10) : null;
    const limit = resolvedOn ? deps.calendar.addWorkingDays(resolvedOn, deps.reopenWorkingDays ?? 20) : null;
    if (row.status !== 'resolved' || !limit || todayInDenmark() > limit) {
      throw new DomainError('conflict', 'reopen_not_allowed', {
        da: 'Sagen kan ikke genåbnes. Opret en ny sag.',
        en: 'The case cannot be reopened. Create a new case.',
      });
    }
    await updateCase(tx, row, {
      status: 'in_progress',
      resolvedAt: null,
      dueDate: deps.calendar.addWorkingDays(todayInDenmark(), 2),
    });
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: 'reopened',
      body: reason.trim() || null,
    });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'case.reopen',
      entityType: 'case',
      entityId: caseId,
      subjectPersonId: row.subjectPersonId,
    });
  });
}
