import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import type { CaseDeps } from '../cases/CaseDeps';
import { requireBackoffice } from '../cases/caseAccess';
import { text } from '../cases/caseChange';
import { DomainError, notFound } from '../errors/DomainError';
import { todayInDenmark } from '../time/isoDate';
import { readWatchMarks, type WatchMark } from './watchMarks';

export interface WatchMarkInput {
  target: 'person' | 'unit' | 'case';
  /** The person's, the unit's or the case's id. */
  id: string;
  reason: string;
  /** The last day the mark holds (null: until ended). */
  until: string | null;
}

/**
 * Puts a person, a unit (with the units below it) or a case on the watch list: never handled
 * automatically, for the reason given, until the date given. Audited.
 */
export async function addWatchMark(
  deps: Pick<CaseDeps, 'db'>,
  actor: Actor,
  input: WatchMarkInput,
): Promise<WatchMark> {
  requireBackoffice(actor, true);
  const reason = text(input.reason, 1000, { da: 'Begrundelsen', en: 'The reason' }, true, 'reason');
  const today = todayInDenmark();
  if (input.until !== null && input.until < today) {
    const message = {
      da: 'Slutdatoen kan ikke ligge før i dag.',
      en: 'The end date cannot be before today.',
    };
    throw new DomainError('invalid', 'until_past', message, [{ path: 'until', message }]);
  }
  return deps.db.transaction(async (tx) => {
    const table = { person: 'persons', unit: 'org_units', case: 'cases' }[input.target];
    const { rows } = await tx.execute<{ id: string; subject: string | null }>(
      input.target === 'case'
        ? sql`SELECT id, subject_person_id AS subject FROM cases WHERE id = ${input.id}`
        : sql`SELECT id, ${input.target === 'person' ? sql`id` : sql`NULL`} AS subject FROM ${sql.raw(table)} WHERE id = ${input.id}`,
    );
    if (!rows[0])
      throw notFound(
        {
          person: { da: 'Personen', en: 'The person' },
          unit: { da: 'Enheden', en: 'The unit' },
          case: { da: 'Sagen', en: 'The case' },
        }[input.target],
      );
    const id = randomUUID();
    await tx.execute(sql`
      INSERT INTO watch_list (id, person_id, unit_id, case_id, reason, until, created_by_user_id)
      VALUES (${id}, ${input.target === 'person' ? input.id : null}, ${input.target === 'unit' ? input.id : null},
        ${input.target === 'case' ? input.id : null}, ${reason}, ${input.until}, ${actor.userId})`);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'watchList.add',
      entityType: input.target,
      entityId: input.id,
      subjectPersonId: rows[0].subject,
      details: { markId: id, until: input.until },
    });
    return (await readWatchMarks(tx, sql`w.id = ${id}`, today))[0]!;
  });
}
