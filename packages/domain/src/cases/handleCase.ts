import { eq, sql } from 'drizzle-orm';
import { caseEvents, returnReasons, users } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { DomainError } from '../errors/DomainError';
import { enqueueJob } from '../jobs/enqueueJob';
import { todayInDenmark } from '../time/isoDate';
import type { CaseDeps } from './CaseDeps';
import { hiddenFromSubject, requireBackoffice } from './caseAccess';
import { caseForUpdate, updateCase } from './caseForUpdate';
import { change, requireOpen, text } from './caseChange';

/** Takes the most urgent unassigned case of the team; two caseworkers never get the same one. */
export async function pickNextCase(
  deps: CaseDeps,
  actor: Actor,
  teamId: string,
): Promise<{ id: string } | null> {
  requireBackoffice(actor, true);
  return deps.db.transaction(async (tx) => {
    const { rows } =
      await tx.execute(sql`SELECT c.id FROM cases c WHERE c.team_id = ${teamId} AND c.assignee_user_id IS NULL AND c.status = 'submitted' AND NOT ${hiddenFromSubject(actor)}
      ORDER BY c.due_date, c.submitted_at FOR UPDATE SKIP LOCKED LIMIT 1`);
    const id = rows[0]?.id as string | undefined;
    if (!id) return null;
    const row = await caseForUpdate(tx, id);
    await updateCase(tx, row, { assigneeUserId: actor.userId, status: 'in_progress' });
    await tx.insert(caseEvents).values({
      caseId: id,
      actorUserId: actor.userId,
      type: 'assigned',
      internal: true,
      data: { to: actor.userId },
    });
    await tx.insert(caseEvents).values({
      caseId: id,
      actorUserId: actor.userId,
      type: 'status',
      internal: false,
      data: { status: 'in_progress' },
    });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'case.pick',
      entityType: 'case',
      entityId: id,
      subjectPersonId: row.subjectPersonId,
    });
    return { id };
  });
}

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
    await tx.insert(caseEvents).values({
      caseId,
      actorUserId: actor.userId,
      type: 'assigned',
      internal: true,
      data: { from: row.assigneeUserId, to: input.assigneeUserId },
    });
    return {};
  });
}

/** An internal note: seen in the back office only, never in the portal. */
export function addCaseNote(deps: CaseDeps, actor: Actor, caseId: string, input: { body: string }) {
  return change(deps, actor, caseId, undefined, 'case.note', async (tx, row) => {
    await updateCase(tx, row, {});
    await tx.insert(caseEvents).values({
      caseId,
      actorUserId: actor.userId,
      type: 'note',
      internal: true,
      body: text(input.body, 4000, { da: 'Notatet', en: 'The note' }),
    });
    return {};
  });
}

/** A message to the submitter, shown in the portal and sent by mail. */
export function messageSubmitter(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { body: string; expectedVersion: number },
) {
  return change(deps, actor, caseId, input.expectedVersion, 'case.message_submitter', async (tx, row) => {
    await updateCase(tx, row, {});
    await tx.insert(caseEvents).values({
      caseId,
      actorUserId: actor.userId,
      type: 'message_to_submitter',
      internal: false,
      body: text(input.body, 4000, { da: 'Beskeden', en: 'The message' }),
    });
    await enqueueJob(tx, 'mail.case', { caseId, kind: 'message' });
    return {};
  });
}

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
    const [reason] = await tx.select().from(returnReasons).where(eq(returnReasons.code, input.reasonCode));
    if (!reason)
      throw new DomainError(
        'invalid',
        'reason_unknown',
        { da: 'Vælg en årsag fra listen.', en: 'Choose a reason from the list.' },
        [{ path: 'reasonCode', message: { da: 'Ukendt årsag.', en: 'Unknown reason.' } }],
      );
    const body = text(input.message, 4000, { da: 'Beskeden', en: 'The message' });
    await updateCase(tx, row, {
      status: 'awaiting_submitter',
      pausedSince: todayInDenmark(),
      assigneeUserId: row.assigneeUserId ?? actor.userId,
    });
    await tx.insert(caseEvents).values({
      caseId,
      actorUserId: actor.userId,
      type: 'returned',
      internal: false,
      body,
      data: { reasonCode: reason.code, reason: reason.label },
    });
    await enqueueJob(tx, 'mail.case', { caseId, kind: 'returned' });
    return {};
  });
}

/** Resolves the case with an outcome and a reply to the submitter. */
export function resolveCase(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { outcome: string; reply: string; expectedVersion: number },
) {
  return change(deps, actor, caseId, input.expectedVersion, 'case.resolve', async (tx, row) => {
    requireOpen(row);
    const outcome = text(input.outcome, 200, { da: 'Udfaldet', en: 'The outcome' });
    await updateCase(tx, row, { status: 'resolved', outcome, resolvedAt: new Date(), pausedSince: null });
    await tx.insert(caseEvents).values({
      caseId,
      actorUserId: actor.userId,
      type: 'resolved',
      internal: false,
      body: text(input.reply, 4000, { da: 'Svaret', en: 'The reply' }),
      data: { outcome },
    });
    await enqueueJob(tx, 'mail.case', { caseId, kind: 'resolved' });
    return {};
  });
}
