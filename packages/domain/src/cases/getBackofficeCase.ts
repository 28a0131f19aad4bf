import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  employments,
  orgUnits,
  persons,
  replyTemplates,
  returnReasons,
  roleAssignments,
  unitManagers,
  users,
} from '@indgang/db';
import {
  maskAnswers,
  requiredDocuments,
  textOf,
  type TemplateMergeField,
  type TServiceDefinition,
  type TTemplateInput,
} from '@indgang/schemas';
import { can, type Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import type { ReturnReason } from '../catalog/Catalog';
import { serviceVersion } from '../catalog/latestServices';
import { notFound } from '../errors/DomainError';
import type { CaseDeps } from './CaseDeps';
import { hiddenFromSubject, requireBackoffice } from './caseAccess';
import { answerNames, c, caseAnswers, caseFiles, caseTimeline } from './caseRows';
import { caseOutcome } from './caseOutcome';
import { danishDate, todayInDenmark } from '../time/isoDate';
import { describeCase } from './describeCase';
import { renderTemplate } from './renderTemplate';

const submitter = alias(users, 'sub');
const onBehalfOf = alias(users, 'ob');
const assignee = alias(users, 'asg');

/** Everything about a case in one place for the caseworker; reading the person's data is logged. */
export async function getBackofficeCase(deps: CaseDeps, actor: Actor, id: string) {
  requireBackoffice(actor, false);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        number: c.number,
        status: c.status,
        version: c.version,
        serviceId: c.serviceId,
        serviceVersion: c.serviceVersion,
        unitId: c.unitId,
        subjectPersonId: c.subjectPersonId,
        teamId: c.teamId,
        assigneeUserId: c.assigneeUserId,
        answers: caseAnswers,
        dueDate: c.dueDate,
        pausedSince: c.pausedSince,
        submittedAt: c.submittedAt,
        outcomeId: c.outcomeId,
        outcome: c.outcome,
        subjectHiddenUntil: c.subjectHiddenUntil,
        stagesReached: c.stagesReached,
        submitterName: submitter.displayName,
        submitterEmail: submitter.email,
        onBehalfOfName: onBehalfOf.displayName,
        assigneeName: assignee.displayName,
      })
      .from(c)
      .innerJoin(submitter, eq(submitter.id, c.submittedByUserId))
      .leftJoin(onBehalfOf, eq(onBehalfOf.id, c.onBehalfOfUserId))
      .leftJoin(assignee, eq(assignee.id, c.assigneeUserId))
      .where(and(eq(c.id, id), sql`NOT ${hiddenFromSubject(actor)}`));
    if (!row) throw notFound({ da: 'Sagen', en: 'The case' });
    const def: TServiceDefinition = await serviceVersion(tx, row.serviceId, row.serviceVersion);
    const events = await caseTimeline(tx, id, true);
    const files = await caseFiles(tx, id);
    const [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.id, row.unitId));
    const leaders = await tx
      .select({ firstName: persons.firstName, lastName: persons.lastName })
      .from(unitManagers)
      .innerJoin(persons, eq(persons.id, unitManagers.personId))
      .where(eq(unitManagers.unitId, row.unitId));
    const subjectId = row.subjectPersonId;
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
        sql`${roleAssignments.role} = 'anchor' AND (${roleAssignments.serviceId} = ${row.serviceId} OR (${roleAssignments.serviceId} IS NULL AND ${roleAssignments.teamId} = ${row.teamId}))`,
      );
    const teamMembers = await tx
      .selectDistinct({ id: users.id, name: users.displayName })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(inArray(roleAssignments.role, ['caseworker', 'anchor', 'team_lead']))
      .orderBy(asc(users.displayName));
    // Labels as installCatalog stored them, checked by ZReturnReason.
    const reasons = await tx
      .select({ code: returnReasons.code, label: sql<ReturnReason['label']>`${returnReasons.label}` })
      .from(returnReasons)
      .orderBy(asc(returnReasons.code));
    // Inputs as installCatalog stored them, checked by ZReplyTemplate.
    const templates = await tx
      .select({
        id: replyTemplates.id,
        name: replyTemplates.name,
        body: replyTemplates.body,
        inputs: sql<TTemplateInput[]>`${replyTemplates.inputs}`,
      })
      .from(replyTemplates)
      .orderBy(asc(replyTemplates.id));
    const names = await answerNames(tx, def, row.answers, id, sql`NOT ${hiddenFromSubject(actor)}`);
    const progress = describeCase(def, row, deps.calendar);
    const newPerson = row.answers.person;
    const personName = subject
      ? `${subject.firstName} ${subject.lastName}`
      : newPerson && !Array.isArray(newPerson) && typeof newPerson.firstName === 'string'
        ? `${newPerson.firstName} ${String(newPerson.lastName ?? '')}`.trim()
        : undefined;
    const merge: Partial<Record<TemplateMergeField, string>> = {
      'submitter.name': row.submitterName,
      'case.number': row.number,
      'case.submittedDate': danishDate(todayInDenmark(row.submittedAt)),
      'case.expectedDate': danishDate(progress.expectedDate),
      'service.name': textOf(def.name, 'da'),
      'unit.name': unit?.name,
      'person.name': personName,
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
    const { answers, masked } = maskAnswers(def, row.answers);
    return {
      id,
      number: row.number,
      status: row.status,
      version: row.version,
      teamId: row.teamId,
      assigneeUserId: row.assigneeUserId,
      assigneeName: row.assigneeName,
      submitter: { name: row.submitterName, email: row.submitterEmail },
      onBehalfOf: row.onBehalfOfName,
      stagesReached: row.stagesReached,
      hiddenFromSubjectUntil: row.subjectHiddenUntil,
      definition: def,
      answers,
      masked,
      canReveal: masked.length > 0 && can(actor, 'person.readCpr'),
      attachments: files,
      documents: requiredDocuments(def, row.answers),
      names,
      outcome: caseOutcome(def, row),
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
      timeline: events,
      anchors: anchors.map((a) => a.name),
      teamMembers,
      returnReasons: reasons,
      templates: templates.map((t) => renderTemplate(t, merge)),
      ...progress,
      dueDate: row.dueDate,
    };
  });
}
