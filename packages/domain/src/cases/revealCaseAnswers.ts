import { and, eq, sql } from 'drizzle-orm';
import { sensitiveAnswers, type AnswerValue } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { serviceVersion } from '../catalog/latestServices';
import { notFound } from '../errors/DomainError';
import type { CaseDeps } from './CaseDeps';
import { hiddenFromSubject, requireBackoffice } from './caseAccess';
import { c, caseAnswers } from './caseRows';

/**
 * The CPR numbers and other sensitive answers of a case in full, for a caseworker with the CPR
 * permission who asks for them. Each such request is audited as a CPR read, naming the fields.
 */
export async function revealCaseAnswers(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
): Promise<{ values: Record<string, AnswerValue> }> {
  requireBackoffice(actor, false);
  requirePermission(actor, 'person.readCpr');
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        serviceId: c.serviceId,
        serviceVersion: c.serviceVersion,
        answers: caseAnswers,
        subjectPersonId: c.subjectPersonId,
      })
      .from(c)
      .where(and(eq(c.id, caseId), sql`NOT ${hiddenFromSubject(actor)}`));
    if (!row) throw notFound({ da: 'Sagen', en: 'The case' });
    const values = sensitiveAnswers(await serviceVersion(tx, row.serviceId, row.serviceVersion), row.answers);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'case.read_cpr',
      entityType: 'case',
      entityId: caseId,
      subjectPersonId: row.subjectPersonId,
      details: { fields: Object.keys(values) },
    });
    return { values };
  });
}
