import { and, asc, eq, sql } from 'drizzle-orm';
import { attachments, caseEvents, users } from '@indgang/db';
import { maskAnswers, requiredDocuments, type TServiceDefinition, type Answers } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { serviceVersion } from '../catalog/latestServices';
import { notFound } from '../errors/DomainError';
import type { CaseDeps } from './CaseDeps';
import { portalCaseVisible } from './caseAccess';
import { describeCase } from './describeCase';

/** One case as the portal shows it: answers, documents, public timeline. Never internal notes. */
export async function getPortalCase(deps: CaseDeps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(
      sql`SELECT c.*, u.name AS unit_name FROM cases c JOIN org_units u ON u.id = c.unit_id WHERE c.id = ${id} AND ${portalCaseVisible(actor)}`,
    );
    const c = rows[0] as Record<string, unknown> | undefined;
    if (!c) throw notFound({ da: 'Sagen', en: 'The case' });
    const def: TServiceDefinition = await serviceVersion(
      tx,
      c.service_id as string,
      c.service_version as number,
    );
    const events = await tx
      .select({
        at: caseEvents.at,
        type: caseEvents.type,
        body: caseEvents.body,
        data: caseEvents.data,
        actor: users.displayName,
      })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorUserId))
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.internal, false)))
      .orderBy(asc(caseEvents.id));
    const files = await tx
      .select({
        id: attachments.id,
        fileName: attachments.fileName,
        size: attachments.size,
        mimeType: attachments.mimeType,
      })
      .from(attachments)
      .where(eq(attachments.caseId, id))
      .orderBy(asc(attachments.createdAt));
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'case.read',
      entityType: 'case',
      entityId: id,
      subjectPersonId: (c.subject_person_id as string | null) ?? null,
    });
    // CPR numbers and other sensitive answers leave the server masked; the portal has no way to unmask them.
    const { answers, masked } = maskAnswers(def, c.answers as Answers);
    return {
      id,
      number: c.number as string,
      status: c.status as string,
      version: c.version as number,
      service: { id: def.id, version: def.version, name: def.name },
      definition: def,
      unitName: c.unit_name as string,
      answers,
      masked,
      submittedAt: new Date(c.submitted_at as string).toISOString(),
      outcome: (c.outcome as string | null) ?? null,
      documents: requiredDocuments(def, c.answers as Answers),
      attachments: files,
      timeline: events.map((e) => ({
        at: e.at.toISOString(),
        type: e.type,
        body: e.body,
        data: e.data,
        actor: e.actor,
      })),
      ...describeCase(
        def,
        {
          status: c.status as string,
          dueDate: c.due_date as string,
          pausedSince: (c.paused_since as string | null) ?? null,
        },
        deps.calendar,
      ),
    };
  });
}
