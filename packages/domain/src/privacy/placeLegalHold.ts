import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { DomainError, notFound } from '../errors/DomainError';

export interface LegalHoldInput { caseId?: string; personId?: string; reason: string }

/**
 * Puts a case, or everything about a person, under a legal hold (a dispute, a complaint, an
 * inspection): the retention job leaves it alone until the hold is released.
 */
export async function placeLegalHold(deps: { db: Db }, actor: Actor, input: LegalHoldInput): Promise<{ id: string }> {
  requirePermission(actor, 'privacy.manage');
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('invalid', 'hold_reason', { da: 'Skriv hvorfor oplysningerne skal bevares.', en: 'Say why the data must be kept.' }, [{ path: 'reason', message: { da: 'Skal udfyldes.', en: 'Required.' } }]);
  if (!input.caseId === !input.personId) throw new DomainError('invalid', 'hold_target', { da: 'Vælg enten en sag eller en person.', en: 'Choose either a case or a person.' });
  return deps.db.transaction(async (tx) => {
    const { rows } = input.caseId
      ? await tx.execute(sql`SELECT subject_person_id AS person FROM cases WHERE id = ${input.caseId}`)
      : await tx.execute(sql`SELECT id AS person FROM persons WHERE id = ${input.personId!}`);
    if (!rows[0]) throw notFound(input.caseId ? { da: 'Sagen', en: 'The case' } : { da: 'Personen', en: 'The person' });
    const id = randomUUID();
    await tx.execute(sql`INSERT INTO legal_holds (id, case_id, person_id, reason, set_by_user_id) VALUES (${id}, ${input.caseId ?? null}, ${input.personId ?? null}, ${reason}, ${actor.userId})`);
    await appendAudit(tx, { actorUserId: actor.userId, action: 'legal_hold.place', entityType: input.caseId ? 'case' : 'person', entityId: input.caseId ?? input.personId!, subjectPersonId: (rows[0].person as string | null) ?? null, details: { holdId: id, reason } });
    return { id };
  });
}
