import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { delegations, persons, type Db } from '@indgang/db';
import { personVisible } from '../org/personVisibility';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { DomainError, notFound } from '../errors/DomainError';
import { addMonths, danishDate, todayInDenmark } from '../time/isoDate';

export interface DelegationInput {
  toPersonId: string;
  unitId: string;
  validFrom: string;
  validTo: string;
}

/** How far ahead a delegation may end unless configured otherwise. */
export const DEFAULT_DELEGATION_MAX_MONTHS = 12;

/** A leader lets a deputy act for one of her units for a period of at most `maxMonths` from today. */
export async function createDelegation(
  deps: { db: Db; maxMonths?: number; today?: string },
  actor: Actor,
  input: DelegationInput,
): Promise<{ id: string }> {
  requirePermission(actor, 'delegation.manage');
  if (!actor.ledUnitIds.includes(input.unitId)) throw notFound({ da: 'Enheden', en: 'The unit' });
  if (input.validTo < input.validFrom) {
    throw new DomainError(
      'invalid',
      'delegation_dates',
      { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' },
      [
        {
          path: 'validTo',
          message: { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' },
        },
      ],
    );
  }
  const maxMonths = deps.maxMonths ?? DEFAULT_DELEGATION_MAX_MONTHS;
  const latest = addMonths(deps.today ?? todayInDenmark(), maxMonths);
  if (input.validTo > latest) {
    const message = {
      da: `En delegering kan højst vare ${maxMonths} måneder frem, dvs. til og med ${danishDate(latest)}.`,
      en: `A delegation can last at most ${maxMonths} months ahead, i.e. until ${latest}.`,
    };
    throw new DomainError('invalid', 'delegation_too_long', message, [{ path: 'validTo', message }]);
  }
  if (input.toPersonId === actor.personId)
    throw new DomainError('invalid', 'delegation_self', {
      da: 'Du kan ikke give adgang til dig selv.',
      en: 'You cannot delegate to yourself.',
    });
  return deps.db.transaction(async (tx) => {
    // The deputy must be someone the leader can see: a person of her own units.
    const [to] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.id, input.toPersonId), personVisible(actor, input.validFrom)));
    if (!to) throw notFound({ da: 'Stedfortræderen', en: 'The deputy' });
    const id = randomUUID();
    await tx.insert(delegations).values({ id, fromUserId: actor.userId, ...input });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'delegation.create',
      entityType: 'delegation',
      entityId: id,
      details: { ...input },
      subjectPersonId: input.toPersonId,
    });
    return { id };
  });
}
