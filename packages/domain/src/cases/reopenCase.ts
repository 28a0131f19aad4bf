import { appendCaseEvent } from './appendCaseEvent';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { DomainError } from '../errors/DomainError';
import { danishDate, englishDate, todayInDenmark } from '../time/isoDate';
import type { CaseDeps } from './CaseDeps';
import { requirePortalCase } from './caseAccess';
import { caseForUpdate, updateCase } from './caseForUpdate';
import { reopenUntil } from './reopenPeriod';

/** The submitter reopens a resolved case within the configured period. */
export async function reopenCase(deps: CaseDeps, actor: Actor, caseId: string, reason: string) {
  return deps.db.transaction(async (tx) => {
    await requirePortalCase(tx, actor, caseId);
    const row = await caseForUpdate(tx, caseId);
    if (row.status !== 'resolved')
      throw new DomainError('conflict', 'reopen_not_resolved', {
        da: 'Sagen er ikke løst, så den skal ikke genåbnes. Skriv til sagen i stedet.',
        en: 'The case is not resolved, so there is nothing to reopen. Write to the case instead.',
      });
    const limit = reopenUntil(deps, row.resolvedAt);
    if (!limit || todayInDenmark() > limit) {
      throw new DomainError(
        'conflict',
        'reopen_not_allowed',
        limit
          ? {
              da: `Sagen kunne genåbnes til og med ${danishDate(limit)}. Opret en ny sag.`,
              en: `The case could be reopened until ${englishDate(limit)}. Create a new case.`,
            }
          : {
              da: 'Sagen kan ikke genåbnes. Opret en ny sag.',
              en: 'The case cannot be reopened. Create a new case.',
            },
        [],
        limit ? { reopenUntil: limit } : undefined,
      );
    }
    await updateCase(tx, row, {
      status: 'in_progress',
      resolvedAt: null,
      outcomeId: null,
      outcome: null,
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
