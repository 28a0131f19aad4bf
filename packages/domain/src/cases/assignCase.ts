import { appendCaseEvent } from './appendCaseEvent';
import { eq } from 'drizzle-orm';
import { users } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { DomainError } from '../errors/DomainError';
import type { CaseDeps } from './CaseDeps';
import { updateCase } from './caseForUpdate';
import { change, requireOpen } from './caseChange';

/** Assigns the case to a colleague, or takes it over (assignee = oneself). */
export function assignCase(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { assigneeUserId: string; expectedVersion: number },
) {
  return change(deps, actor, caseId, input.expectedVersion, 'case.assign', async (tx, row) => {
    requireOpen(row);
    const [to] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.assigneeUserId));
    if (!to)
      throw new DomainError('invalid', 'assignee_unknown', {
        da: 'Kollegaen findes ikke.',
        en: 'The colleague does not exist.',
      });
    await updateCase(tx, row, {
      assigneeUserId: input.assigneeUserId,
      status: row.status === 'submitted' ? 'in_progress' : row.status,
    });
    await appendCaseEvent(tx, {
      caseId,
      actorUserId: actor.userId,
      type: 'assigned',
      data: { from: row.assigneeUserId, to: input.assigneeUserId },
    });
    return {};
  });
}
