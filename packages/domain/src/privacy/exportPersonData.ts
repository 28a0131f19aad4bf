import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import {
  attachments,
  auditLog,
  caseEvents,
  delegations,
  drafts,
  employments,
  legalHolds,
  orgUnits,
  persons,
  sqlArray,
  unitManagers,
  users,
  type Db,
} from '@indgang/db';
import { textOf } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { c, pinnedService, s, u } from '../cases/caseRows';
import { storedDefinition } from '../catalog/latestServices';
import { notFound } from '../errors/DomainError';

const iso = (at: Date | null) => (at === null ? null : at.toISOString());
const nameOf = (definition: unknown) => textOf(storedDefinition(definition).name, 'da');

/**
 * Everything Indgang holds about a person, for her request under GDPR art. 15: her master data,
 * employments and leadership, her users and roles, delegations, the cases about her with their
 * answers, timeline and files, the cases she submitted and the forms she has begun (without what
 * they say about others), the legal holds on her data, and who has read her data when. A case its
 * service keeps from her until a stage (a dismissal before the hearing) is counted, not shown. The
 * export is audited.
 */
export async function exportPersonData(
  deps: { db: Db },
  actor: Actor,
  personId: string,
  format: 'json' | 'pdf',
) {
  requirePermission(actor, 'privacy.manage');
  return deps.db.transaction(async (tx) => {
    const [person] = await tx.select().from(persons).where(eq(persons.id, personId));
    if (!person) throw notFound({ da: 'Personen', en: 'The person' });
    const userRows = await tx
      .select({
        id: users.id,
        displayName: users.displayName,
        email: users.email,
        locale: users.locale,
        createdAt: users.createdAt,
        // A JSON array of role names, built here. The builder leaves the columns of a one-table
        // select unqualified, so the subquery names users.id itself (not role_assignments' id).
        roles: sql<
          string[]
        >`coalesce((SELECT json_agg(r.role ORDER BY r.role) FROM role_assignments r WHERE r.user_id = users.id), '[]')`,
      })
      .from(users)
      .where(eq(users.personId, personId));
    const userIds = sqlArray(userRows.map((r) => r.id));
    const jobs = await tx
      .select({
        unit: orgUnits.name,
        position: employments.position,
        agreement: employments.agreement,
        weeklyHoursCenti: employments.weeklyHoursCenti,
        seniorityDate: employments.seniorityDate,
        startDate: employments.startDate,
        endDate: employments.endDate,
      })
      .from(employments)
      .innerJoin(orgUnits, eq(orgUnits.id, employments.unitId))
      .where(eq(employments.personId, personId))
      .orderBy(asc(employments.startDate));
    const leaderOf = await tx
      .select({ name: orgUnits.name })
      .from(unitManagers)
      .innerJoin(orgUnits, eq(orgUnits.id, unitManagers.unitId))
      .where(eq(unitManagers.personId, personId));
    const delegationRows = await tx
      .select({
        unit: orgUnits.name,
        validFrom: delegations.validFrom,
        validTo: delegations.validTo,
        revokedAt: delegations.revokedAt,
        toPersonId: delegations.toPersonId,
      })
      .from(delegations)
      .innerJoin(orgUnits, eq(orgUnits.id, delegations.unitId))
      .where(
        or(eq(delegations.toPersonId, personId), sql`${delegations.fromUserId} = ANY(${userIds}::text[])`),
      )
      .orderBy(asc(delegations.validFrom));
    const withheld = sql`(c.subject_hidden_until IS NOT NULL AND NOT (c.subject_hidden_until = ANY(c.stages_reached)))`;
    const about = await tx
      .select({
        id: c.id,
        number: c.number,
        status: c.status,
        submittedAt: c.submittedAt,
        resolvedAt: c.resolvedAt,
        outcome: c.outcome,
        answers: c.answers,
        definition: s.definition,
        unit: u.name,
      })
      .from(c)
      .innerJoin(s, pinnedService)
      .innerJoin(u, eq(u.id, c.unitId))
      .where(and(eq(c.subjectPersonId, personId), sql`NOT ${withheld}`))
      .orderBy(asc(c.submittedAt));
    const [withheldCount] = await tx
      .select({ n: count() })
      .from(c)
      .where(and(eq(c.subjectPersonId, personId), withheld));
    const aboutIds = sqlArray(about.map((r) => r.id));
    const events = await tx
      .select({
        caseId: caseEvents.caseId,
        at: caseEvents.at,
        type: caseEvents.type,
        internal: caseEvents.internal,
        body: caseEvents.body,
        actor: users.displayName,
      })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorUserId))
      .where(sql`${caseEvents.caseId} = ANY(${aboutIds}::text[])`)
      .orderBy(asc(caseEvents.id));
    const files = await tx
      .select({
        caseId: attachments.caseId,
        fileName: attachments.fileName,
        mimeType: attachments.mimeType,
        size: attachments.size,
        sha256: attachments.sha256,
        content: attachments.content,
      })
      .from(attachments)
      .where(sql`${attachments.caseId} = ANY(${aboutIds}::text[])`)
      .orderBy(asc(attachments.createdAt));
    const submitted = await tx
      .select({
        number: c.number,
        status: c.status,
        submittedAt: c.submittedAt,
        resolvedAt: c.resolvedAt,
        definition: s.definition,
        unit: u.name,
      })
      .from(c)
      .innerJoin(s, pinnedService)
      .innerJoin(u, eq(u.id, c.unitId))
      .where(
        sql`${c.submittedByUserId} = ANY(${userIds}::text[]) AND ${c.subjectPersonId} IS DISTINCT FROM ${personId}`,
      )
      .orderBy(asc(c.submittedAt));
    const draftRows = await tx
      .select({ serviceId: drafts.serviceId, updatedAt: drafts.updatedAt })
      .from(drafts)
      .where(sql`${drafts.userId} = ANY(${userIds}::text[])`);
    const holds = await tx
      .select({
        reason: legalHolds.reason,
        setAt: legalHolds.setAt,
        releasedAt: legalHolds.releasedAt,
        caseNumber: c.number,
      })
      .from(legalHolds)
      .leftJoin(c, eq(c.id, legalHolds.caseId))
      .where(or(eq(legalHolds.personId, personId), sql`${legalHolds.caseId} = ANY(${aboutIds}::text[])`))
      .orderBy(asc(legalHolds.setAt));
    const reads = await tx
      .select({
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        actor: sql<string>`coalesce(${users.displayName}, ${auditLog.actorUserId}, 'Indgang')`,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(
        and(
          eq(auditLog.subjectPersonId, personId),
          sql`(${auditLog.action} LIKE '%read%' OR ${auditLog.action} LIKE '%export%')`,
        ),
      )
      .orderBy(asc(auditLog.seq));
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'person.export',
      entityType: 'person',
      entityId: personId,
      subjectPersonId: personId,
      details: { format, cases: about.length, files: files.length },
    });
    return {
      generatedAt: new Date().toISOString(),
      generatedBy: actor.displayName,
      person: {
        id: person.id,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        employeeNumber: person.employeeNumber,
        cpr: person.cpr,
        cprIsTestData: person.cprIsTestData,
      },
      employments: jobs.map((e) => ({
        unit: e.unit,
        position: e.position,
        agreement: e.agreement,
        weeklyHours: e.weeklyHoursCenti / 100,
        seniorityDate: e.seniorityDate,
        startDate: e.startDate,
        endDate: e.endDate,
      })),
      leaderOf: leaderOf.map((l) => l.name),
      users: userRows.map((r) => ({
        id: r.id,
        displayName: r.displayName,
        email: r.email,
        locale: r.locale,
        roles: r.roles,
        createdAt: iso(r.createdAt),
      })),
      delegations: delegationRows.map((d) => ({
        unit: d.unit,
        validFrom: d.validFrom,
        validTo: d.validTo,
        revoked: d.revokedAt !== null,
        direction: d.toPersonId === personId ? ('received' as const) : ('given' as const),
      })),
      casesAbout: about.map((r) => ({
        number: r.number,
        service: nameOf(r.definition),
        unit: r.unit,
        status: r.status,
        submittedAt: iso(r.submittedAt),
        resolvedAt: iso(r.resolvedAt),
        outcome: r.outcome,
        answers: r.answers,
        timeline: events
          .filter((e) => e.caseId === r.id)
          .map((e) => ({
            at: iso(e.at),
            type: e.type,
            internal: e.internal,
            body: e.body,
            by: e.actor,
          })),
        files: files
          .filter((f) => f.caseId === r.id)
          .map((f) => ({
            fileName: f.fileName,
            mimeType: f.mimeType,
            size: f.size,
            sha256: f.sha256,
            contentBase64: f.content.toString('base64'),
          })),
      })),
      casesSubmitted: submitted.map((r) => ({
        number: r.number,
        service: nameOf(r.definition),
        unit: r.unit,
        status: r.status,
        submittedAt: iso(r.submittedAt),
        resolvedAt: iso(r.resolvedAt),
      })),
      // A draft's answers are mostly about others (the employee a leader is about to hire): only that it exists.
      drafts: draftRows.map((d) => ({ serviceId: d.serviceId, updatedAt: iso(d.updatedAt) })),
      withheldCases: withheldCount!.n,
      legalHolds: holds.map((h) => ({
        reason: h.reason,
        caseNumber: h.caseNumber,
        setAt: iso(h.setAt),
        releasedAt: iso(h.releasedAt),
      })),
      readsOfPersonalData: reads.map((r) => ({
        at: iso(r.at),
        action: r.action,
        what: r.entityType,
        by: r.actor,
      })),
    };
  });
}

export type PersonDataExport = Awaited<ReturnType<typeof exportPersonData>>;
