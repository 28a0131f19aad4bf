import { asc, eq, inArray, sql } from 'drizzle-orm';
import {
  attachments,
  caseEvents,
  employments,
  orgUnits,
  persons,
  replyTemplates,
  returnReasons,
  roleAssignments,
  unitManagers,
  users,
} from '@indgang/db';
import { maskAnswers, textOf, type Answers, type TServiceDefinition } from '@indgang/schemas';
import { can, type Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { serviceVersion } from '../catalog/latestServices';
import { notFound } from '../errors/DomainError';
import type { CaseDeps } from './CaseDeps';
import { hiddenFromSubject, requireBackoffice } from './caseAccess';
import { describeCase } from './describeCase';
import { renderTemplate } from './renderTemplate';

/** Everything about a case in one place for the caseworker; reading the person's data is logged. */
export async function getBackofficeCase(deps: CaseDeps, actor: Actor, id: string) {
  requireBackoffice(actor, false);
  return deps.db.transaction(async (tx) => {
    const { rows } =
      await tx.execute(sql`SELECT c.*, sub.display_name AS submitter_name, sub.email AS submitter_email, ob.display_name AS on_behalf_of_name, asg.display_name AS assignee_name
      FROM cases c JOIN users sub ON sub.id = c.submitted_by_user_id LEFT JOIN users ob ON ob.id = c.on_behalf_of_user_id LEFT JOIN users asg ON asg.id = c.assignee_user_id WHERE c.id = ${id} AND NOT ${hiddenFromSubject(actor)}`);
    const c = rows[0] as Record<string, unknown> | undefined;
    if (!c) throw notFound({ da: 'Sagen', en: 'The case' });
    const def: TServiceDefinition = await serviceVersion(
      tx,
      c.service_id as string,
      c.service_version as number,
    );
    const events = await tx
      .select({
        id: caseEvents.id,
        at: caseEvents.at,
        type: caseEvents.type,
        internal: caseEvents.internal,
        body: caseEvents.body,
        data: caseEvents.data,
        actor: users.displayName,
      })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorUserId))
      .where(eq(caseEvents.caseId, id))
      .orderBy(asc(caseEvents.id));
    const files = await tx
      .select({
        id: attachments.id,
        fileName: attachments.fileName,
        size: attachments.size,
        mimeType: attachments.mimeType,
      })
      .from(attachments)
      .where(eq(attachments.caseId, id));
    const [unit] = await tx
      .select()
      .from(orgUnits)
      .where(eq(orgUnits.id, c.unit_id as string));
    const leaders = await tx
      .select({ firstName: persons.firstName, lastName: persons.lastName })
      .from(unitManagers)
      .innerJoin(persons, eq(persons.id, unitManagers.personId))
      .where(eq(unitManagers.unitId, c.unit_id as string));
    const subjectId = c.subject_person_id as string | null;
    const subject = subjectId
      ? (await tx.select().from(persons).where(eq(persons.id, subjectId)))[0]
      : undefined;
    const subjectJobs = subjectId
      ? await tx
          .select({
            unitId: employments.unitId,
            position: employments.position,
            agreement: employments.agreement,
            weeklyHoursCenti: employments.weeklyHoursCenti,
            startDate: employments.startDate,
            endDate: employments.endDate,
          })
          .from(employments)
          .where(eq(employments.personId, subjectId))
      : [];
    const anchors = await tx
      .select({ name: users.displayName })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(
        sql`${roleAssignments.role} = 'anchor' AND (${roleAssignments.serviceId} = ${c.service_id as string} OR (${roleAssignments.serviceId} IS NULL AND ${roleAssignments.teamId} = ${c.team_id as string}))`,
      );
    const teamMembers = await tx
      .selectDistinct({ id: users.id, name: users.displayName })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(inArray(roleAssignments.role, ['caseworker', 'anchor', 'team_lead']))
      .orderBy(asc(users.displayName));
    const reasons = await tx.select().from(returnReasons).orderBy(asc(returnReasons.code));
    const templates = await tx.select().from(replyTemplates).orderBy(asc(replyTemplates.id));
    const merge = {
      'submitter.name': c.submitter_name as string,
      'case.number': c.number as string,
      'service.name': textOf(def.name, 'da'),
      'caseworker.name': actor.displayName,
    };
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'case.read_backoffice',
      entityType: 'case',
      entityId: id,
      subjectPersonId: subjectId,
    });
    // Sensitive answers are masked for everyone; those with the CPR permission may ask to see them (revealCaseAnswers).
    const { answers, masked } = maskAnswers(def, c.answers as Answers);
    return {
      id,
      number: c.number as string,
      status: c.status as string,
      version: c.version as number,
      teamId: c.team_id as string,
      assigneeUserId: (c.assignee_user_id as string | null) ?? null,
      assigneeName: (c.assignee_name as string | null) ?? null,
      submitter: { name: c.submitter_name as string, email: (c.submitter_email as string | null) ?? null },
      onBehalfOf: (c.on_behalf_of_name as string | null) ?? null,
      stagesReached: c.stages_reached as string[],
      hiddenFromSubjectUntil: (c.subject_hidden_until as string | null) ?? null,
      definition: def,
      answers,
      masked,
      canReveal: masked.length > 0 && can(actor, 'person.readCpr'),
      attachments: files,
      outcome: (c.outcome as string | null) ?? null,
      unit: {
        id: unit!.id,
        name: unit!.name,
        code: unit!.code,
        leaders: leaders.map((l) => `${l.firstName} ${l.lastName}`),
      },
      person: subject
        ? {
            id: subject.id,
            name: `${subject.firstName} ${subject.lastName}`,
            employeeNumber: subject.employeeNumber,
            email: subject.email,
            employments: subjectJobs.map((j) => ({ ...j, weeklyHours: j.weeklyHoursCenti / 100 })),
          }
        : null,
      timeline: events.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        type: e.type,
        internal: e.internal,
        body: e.body,
        data: e.data,
        actor: e.actor,
      })),
      anchors: anchors.map((a) => a.name),
      teamMembers,
      returnReasons: reasons,
      templates: templates.map((t) => ({ id: t.id, name: t.name, text: renderTemplate(t.body, merge) })),
      ...describeCase(
        def,
        {
          status: c.status as string,
          dueDate: c.due_date as string,
          pausedSince: (c.paused_since as string | null) ?? null,
        },
        deps.calendar,
      ),
      dueDate: c.due_date as string,
    };
  });
}
