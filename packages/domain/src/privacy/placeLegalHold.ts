import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { DomainError, notFound } from '../errors/DomainError';

type HoldTarget = { caseId: string | null; person: string | null };

/** What the hold covers: a case (by id or by its number) or a person. */
export interface LegalHoldInput {
  caseId?: string;
  caseNumber?: string;
  personId?: string;
  reason: string;
}

/**
 * Puts a case, or everything about a person, under a legal hold (a dispute, a complaint, an
 * inspection): the retention job leaves it alone until the hold is released.
 */
export async function placeLegalHold(
  deps: { db: Db },
  actor: Actor,
  input: LegalHoldInput,
): Promise<{ id: string }> {
  requirePermission(actor, 'privacy.manage');
  const reason = input.reason.trim();
  if (!reason)
    throw new DomainError('invalid', 'hold_reason', {
      da: 'Skriv en begrundelse for, at oplysningerne skal bevares.',
      en: 'Give a reason why the data must be kept.',
    });
  const forCase = Boolean(input.caseId || input.caseNumber);
  if (forCase === Boolean(input.personId))
    throw new DomainError('invalid', 'hold_target', {
      da: 'Vælg enten en sag eller en person.',
      en: 'Choose either a case or a person.',
    });
  return deps.db.transaction(async (tx) => {
    // What the hold covers, and the person whose data that is (a case may be about nobody known).
    const {
      rows: [target],
    } = forCase
      ? await tx.execute<HoldTarget>(
          sql`SELECT id AS "caseId", subject_person_id AS person FROM cases WHERE ${input.caseId ? sql`id = ${input.caseId}` : sql`number = ${input.caseNumber!.toUpperCase()}`}`,
        )
      : await tx.execute<HoldTarget>(
          sql`SELECT NULL::text AS "caseId", id AS person FROM persons WHERE id = ${input.personId!}`,
        );
    if (!target)
      throw notFound(forCase ? { da: 'Sagen', en: 'The case' } : { da: 'Personen', en: 'The person' });
    const { caseId } = target;
    const id = randomUUID();
    await tx.execute(
      sql`INSERT INTO legal_holds (id, case_id, person_id, reason, set_by_user_id) VALUES (${id}, ${caseId}, ${caseId ? null : input.personId!}, ${reason}, ${actor.userId})`,
    );
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'legal_hold.place',
      entityType: caseId ? 'case' : 'person',
      entityId: caseId ?? input.personId!,
      subjectPersonId: target.person,
      details: { holdId: id, reason },
    });
    return { id };
  });
}
