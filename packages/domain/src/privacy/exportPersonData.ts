import { sql } from 'drizzle-orm';
import { sqlArray, type Db } from '@indgang/db';
import { textOf, type TServiceDefinition } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const nameOf = (definition: unknown) => textOf((definition as TServiceDefinition | null)?.name, 'da');

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
    const q = async (query: ReturnType<typeof sql>) =>
      (await tx.execute(query)).rows as Array<Record<string, unknown>>;
    const [person] = await q(sql`SELECT * FROM persons WHERE id = ${personId}`);
    if (!person) throw notFound({ da: 'Personen', en: 'The person' });
    const users = await q(sql`SELECT u.id, u.display_name, u.email, u.locale, u.created_at,
      coalesce((SELECT json_agg(r.role ORDER BY r.role) FROM role_assignments r WHERE r.user_id = u.id), '[]') AS roles FROM users u WHERE u.person_id = ${personId}`);
    const userIds = sqlArray(users.map((u) => u.id as string));
    const employments = await q(
      sql`SELECT e.*, o.name AS unit_name FROM employments e JOIN org_units o ON o.id = e.unit_id WHERE e.person_id = ${personId} ORDER BY e.start_date`,
    );
    const leaderOf = await q(
      sql`SELECT o.id, o.name FROM unit_managers m JOIN org_units o ON o.id = m.unit_id WHERE m.person_id = ${personId}`,
    );
    const delegations =
      await q(sql`SELECT d.*, o.name AS unit_name FROM delegations d JOIN org_units o ON o.id = d.unit_id
      WHERE d.to_person_id = ${personId} OR d.from_user_id = ANY(${userIds}::text[]) ORDER BY d.valid_from`);
    const withheld = sql`(c.subject_hidden_until IS NOT NULL AND NOT (c.subject_hidden_until = ANY(c.stages_reached)))`;
    const about =
      await q(sql`SELECT c.*, s.definition, o.name AS unit_name FROM cases c JOIN services s ON s.id = c.service_id AND s.version = c.service_version
      JOIN org_units o ON o.id = c.unit_id WHERE c.subject_person_id = ${personId} AND NOT ${withheld} ORDER BY c.submitted_at`);
    const [{ n: withheldCases }] = (await q(
      sql`SELECT count(*)::int AS n FROM cases c WHERE c.subject_person_id = ${personId} AND ${withheld}`,
    )) as [{ n: number }];
    const aboutIds = sqlArray(about.map((c) => c.id as string));
    const events =
      await q(sql`SELECT e.case_id, e.at, e.type, e.internal, e.body, u.display_name AS actor FROM case_events e LEFT JOIN users u ON u.id = e.actor_user_id
      WHERE e.case_id = ANY(${aboutIds}::text[]) ORDER BY e.id`);
    const files = await q(
      sql`SELECT id, case_id, file_name, mime_type, size, sha256, content, created_at FROM attachments WHERE case_id = ANY(${aboutIds}::text[]) ORDER BY created_at`,
    );
    const submitted =
      await q(sql`SELECT c.number, c.status, c.submitted_at, c.resolved_at, s.definition, o.name AS unit_name FROM cases c
      JOIN services s ON s.id = c.service_id AND s.version = c.service_version JOIN org_units o ON o.id = c.unit_id
      WHERE c.submitted_by_user_id = ANY(${userIds}::text[]) AND c.subject_person_id IS DISTINCT FROM ${personId} ORDER BY c.submitted_at`);
    const drafts = await q(
      sql`SELECT service_id, updated_at FROM drafts WHERE user_id = ANY(${userIds}::text[])`,
    );
    const holds =
      await q(sql`SELECT h.reason, h.set_at, h.released_at, c.number AS case_number FROM legal_holds h LEFT JOIN cases c ON c.id = h.case_id
      WHERE h.person_id = ${personId} OR h.case_id = ANY(${aboutIds}::text[]) ORDER BY h.set_at`);
    const reads =
      await q(sql`SELECT a.at, a.action, a.entity_type, coalesce(u.display_name, a.actor_user_id, 'Indgang') AS actor FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
      WHERE a.subject_person_id = ${personId} AND (a.action LIKE '%read%' OR a.action LIKE '%export%') ORDER BY a.seq`);
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
        id: person.id as string,
        firstName: person.first_name as string,
        lastName: person.last_name as string,
        email: (person.email as string | null) ?? null,
        employeeNumber: (person.employee_number as string | null) ?? null,
        cpr: (person.cpr as string | null) ?? null,
        cprIsTestData: person.cpr_is_test_data as boolean,
      },
      employments: employments.map((e) => ({
        unit: e.unit_name as string,
        position: e.position as string,
        agreement: e.agreement as string,
        weeklyHours: Number(e.weekly_hours_centi) / 100,
        seniorityDate: e.seniority_date as string | null,
        startDate: e.start_date as string,
        endDate: e.end_date as string | null,
      })),
      leaderOf: leaderOf.map((u) => u.name as string),
      users: users.map((u) => ({
        id: u.id as string,
        displayName: u.display_name as string,
        email: (u.email as string | null) ?? null,
        locale: u.locale as string,
        roles: u.roles as string[],
        createdAt: iso(u.created_at),
      })),
      delegations: delegations.map((d) => ({
        unit: d.unit_name as string,
        validFrom: d.valid_from as string,
        validTo: d.valid_to as string,
        revoked: d.revoked_at !== null,
        direction: d.to_person_id === personId ? ('received' as const) : ('given' as const),
      })),
      casesAbout: about.map((c) => ({
        number: c.number as string,
        service: nameOf(c.definition),
        unit: c.unit_name as string,
        status: c.status as string,
        submittedAt: iso(c.submitted_at),
        resolvedAt: iso(c.resolved_at),
        outcome: (c.outcome as string | null) ?? null,
        answers: c.answers,
        timeline: events
          .filter((e) => e.case_id === c.id)
          .map((e) => ({
            at: iso(e.at),
            type: e.type as string,
            internal: e.internal as boolean,
            body: (e.body as string | null) ?? null,
            by: (e.actor as string | null) ?? null,
          })),
        files: files
          .filter((f) => f.case_id === c.id)
          .map((f) => ({
            fileName: f.file_name as string,
            mimeType: f.mime_type as string,
            size: Number(f.size),
            sha256: f.sha256 as string,
            contentBase64: (f.content as Buffer).toString('base64'),
          })),
      })),
      casesSubmitted: submitted.map((c) => ({
        number: c.number as string,
        service: nameOf(c.definition),
        unit: c.unit_name as string,
        status: c.status as string,
        submittedAt: iso(c.submitted_at),
        resolvedAt: iso(c.resolved_at),
      })),
      // A draft's answers are mostly about others (the employee a leader is about to hire): only that it exists.
      drafts: drafts.map((d) => ({ serviceId: d.service_id as string, updatedAt: iso(d.updated_at) })),
      withheldCases,
      legalHolds: holds.map((h) => ({
        reason: h.reason as string,
        caseNumber: (h.case_number as string | null) ?? null,
        setAt: iso(h.set_at),
        releasedAt: iso(h.released_at),
      })),
      readsOfPersonalData: reads.map((r) => ({
        at: iso(r.at),
        action: r.action as string,
        what: r.entity_type as string,
        by: r.actor as string,
      })),
    };
  });
}

export type PersonDataExport = Awaited<ReturnType<typeof exportPersonData>>;
