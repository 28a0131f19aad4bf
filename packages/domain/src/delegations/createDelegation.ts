import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { delegations, orgUnits, users, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { DomainError, notFound } from '../errors/DomainError';

export interface DelegationInput { toUserId: string; unitId: string; validFrom: string; validTo: string }

/** A leader lets a deputy act for one of her units for a period. */
export async function createDelegation(deps: { db: Db }, actor: Actor, input: DelegationInput): Promise<{ id: string }> {
  requirePermission(actor, 'delegation.manage');
  if (!actor.ledUnitIds.includes(input.unitId)) throw notFound({ da: 'Enheden', en: 'The unit' });
  if (input.validTo < input.validFrom) {
    throw new DomainError('invalid', 'delegation_dates', { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' },
      [{ path: 'validTo', message: { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' } }]);
  }
  if (input.toUserId === actor.userId) throw new DomainError('invalid', 'delegation_self', { da: 'Du kan ikke give adgang til dig selv.', en: 'You cannot delegate to yourself.' });
  return deps.db.transaction(async (tx) => {
    const [to] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.toUserId));
    if (!to) throw notFound({ da: 'Stedfortræderen', en: 'The deputy' });
    const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.unitId));
    if (!unit) throw notFound({ da: 'Enheden', en: 'The unit' });
    const id = randomUUID();
    await tx.insert(delegations).values({ id, fromUserId: actor.userId, ...input });
    await appendAudit(tx, { actorUserId: actor.userId, action: 'delegation.create', entityType: 'delegation', entityId: id, details: { ...input } });
    return { id };
  });
}
