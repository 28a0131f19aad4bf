import { eq } from 'drizzle-orm';
import { cases } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { appendAudit, type Tx } from '../audit/appendAudit';
import { DomainError, notFound } from '../errors/DomainError';
import type { CaseDeps } from './CaseDeps';
import { isHiddenFrom, requireBackoffice } from './caseAccess';
import { caseForUpdate, type CaseRow } from './caseForUpdate';

/**
 * A caseworker's text: trimmed, required unless said otherwise, and at most `max` characters. With
 * `path` the error names the field it concerns, so the form can show it there.
 */
export const text = (
  value: string,
  max: number,
  what: { da: string; en: string },
  required = true,
  path?: string,
) => {
  const v = value.trim();
  const refuse = (code: string, message: { da: string; en: string }) =>
    new DomainError('invalid', code, message, path ? [{ path, message }] : []);
  if (required && !v)
    throw refuse('text_missing', { da: `${what.da} skal udfyldes.`, en: `${what.en} is required.` });
  if (v.length > max)
    throw refuse('text_too_long', {
      da: `${what.da} må højst være ${max} tegn.`,
      en: `${what.en} may be at most ${max} characters.`,
    });
  return v;
};

/** A caseworker's change of a case: locked, checked against the version she saw, audited, in one transaction. */
export async function change<T>(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  expectedVersion: number | undefined,
  action: string,
  work: (tx: Tx, row: CaseRow) => Promise<T>,
): Promise<T & { version: number }> {
  requireBackoffice(actor, true);
  return deps.db.transaction(async (tx) => {
    const row = await caseForUpdate(tx, caseId, expectedVersion);
    if (isHiddenFrom(actor, row)) throw notFound({ da: 'Sagen', en: 'The case' });
    const result = await work(tx, row);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action,
      entityType: 'case',
      entityId: caseId,
      subjectPersonId: row.subjectPersonId,
    });
    const [current] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    return { ...result, version: current!.version };
  });
}

export function requireOpen(row: CaseRow) {
  if (row.status === 'resolved')
    throw new DomainError('conflict', 'case_resolved', { da: 'Sagen er løst.', en: 'The case is resolved.' });
}
