import { and, eq } from 'drizzle-orm';
import { maskAnswers, requiredDocuments, type TServiceDefinition } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { serviceVersion } from '../catalog/latestServices';
import { notFound } from '../errors/DomainError';
import type { CaseDeps } from './CaseDeps';
import { portalCaseVisible } from './caseAccess';
import { answerNames, c, caseAnswers, caseFiles, caseTimeline, u } from './caseRows';
import { caseOutcome } from './caseOutcome';
import { reopenUntil } from './reopenPeriod';
import { describeCase } from './describeCase';

/** One case as the portal shows it: answers, documents, public timeline. Never internal notes. */
export async function getPortalCase(deps: CaseDeps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        number: c.number,
        status: c.status,
        version: c.version,
        serviceId: c.serviceId,
        serviceVersion: c.serviceVersion,
        subjectPersonId: c.subjectPersonId,
        answers: caseAnswers,
        submittedAt: c.submittedAt,
        resolvedAt: c.resolvedAt,
        outcomeId: c.outcomeId,
        outcome: c.outcome,
        dueDate: c.dueDate,
        pausedSince: c.pausedSince,
        unitName: u.name,
      })
      .from(c)
      .innerJoin(u, eq(u.id, c.unitId))
      .where(and(eq(c.id, id), portalCaseVisible(actor)));
    if (!row) throw notFound({ da: 'Sagen', en: 'The case' });
    const def: TServiceDefinition = await serviceVersion(tx, row.serviceId, row.serviceVersion);
    const events = await caseTimeline(tx, id, false);
    const files = await caseFiles(tx, id);
    const names = await answerNames(tx, def, row.answers, id, portalCaseVisible(actor));
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'case.read',
      entityType: 'case',
      entityId: id,
      subjectPersonId: row.subjectPersonId,
    });
    // CPR numbers and other sensitive answers leave the server masked; the portal has no way to unmask them.
    const { answers, masked } = maskAnswers(def, row.answers);
    return {
      id,
      number: row.number,
      status: row.status,
      version: row.version,
      service: { id: def.id, version: def.version, name: def.name },
      definition: def,
      unitName: row.unitName,
      answers,
      masked,
      submittedAt: row.submittedAt.toISOString(),
      outcome: caseOutcome(def, row),
      reopenUntil: row.status === 'resolved' ? reopenUntil(deps, row.resolvedAt) : null,
      documents: requiredDocuments(def, row.answers),
      names,
      attachments: files,
      timeline: events.map(({ at, type, body, data, actor }) => ({ at, type, body, data, actor })),
      ...describeCase(def, row, deps.calendar),
    };
  });
}
