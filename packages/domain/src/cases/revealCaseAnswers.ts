import { sql } from 'drizzle-orm';
import { sensitiveAnswers, type AnswerValue, type Answers } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { serviceVersion } from '../catalog/latestServices';
import { notFound } from '../errors/DomainError';
import type { CaseDeps } from './CaseDeps';
import { hiddenFromSubject, requireBackoffice } from './caseAccess';

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
    const { rows } = await tx.execute(
      sql`SELECT c.service_id, c.service_version, c.answers, c.subject_person_id FROM cases c WHERE c.id = ${caseId} AND NOT ${hiddenFromSubject(actor)}`,
    );
    const c = rows[0] as
      | { service_id: string; service_version: number; answers: Answers; subject_person_id: string | null }
      | undefined;
    if (!c) throw notFound({ da: 'Sagen', en: 'The case' });
    const values = sensitiveAnswers(await serviceVersion(tx, c.service_id, c.service_version), c.answers);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'case.read_cpr',
      entityType: 'case',
      entityId: caseId,
      subjectPersonId: c.subject_person_id,
      details: { fields: Object.keys(values) },
    });
    return { values };
  });
}
