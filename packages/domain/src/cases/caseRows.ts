import { nameStepActors } from '../approvals/stepActorText';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { attachments, caseEvents, cases, orgUnits, persons, services, sqlArray, users } from '@indgang/db';
import type { Answers, TServiceDefinition } from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { answersOfType } from './fileFieldValues';

/**
 * The tables of a case query under the names the conditions of `caseAccess.ts` use: `c` the case,
 * `u` its unit. A query built from these can add `hiddenFromSubject`, `ownCase` or
 * `portalCaseVisible` to its WHERE, and its rows are typed by the schema.
 */
export const c = alias(cases, 'c');
export const u = alias(orgUnits, 'u');
/** The version of the service the case pinned (join on `pinnedService`). */
export const s = alias(services, 's');
/** The person the case is about (left join on `c.subjectPersonId`). */
export const p = alias(persons, 'p');

export const pinnedService: SQL = and(eq(s.id, c.serviceId), eq(s.version, c.serviceVersion))!;

/**
 * The case's answers as `submitCase` wrote them after `validateAnswers` (the retention run leaves
 * `{}`): the jsonb column read as the type it was written with.
 */
export const caseAnswers = sql<Answers>`${c.answers}`;

/**
 * What a case list shows of each case, and what `describeCase` needs. `definition` is the pinned
 * version as stored: read it through `storedDefinition`.
 */
export const caseListColumns = {
  id: c.id,
  number: c.number,
  status: c.status,
  dueDate: c.dueDate,
  pausedSince: c.pausedSince,
  submittedAt: c.submittedAt,
  unitName: u.name,
  definition: s.definition,
};

/** How many files and bytes the attachments matching `where` hold. */
export async function attachmentUsage(
  tx: Pick<Tx, 'execute'>,
  where: SQL,
): Promise<{ files: number; bytes: number }> {
  // sum() of integers is a bigint, which the driver hands over as text.
  const {
    rows: [usage],
  } = await tx.execute<{ files: number; bytes: string }>(
    sql`SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM attachments WHERE ${where}`,
  );
  return { files: usage!.files, bytes: Number(usage!.bytes) };
}

/**
 * A case's timeline, oldest first, with who did each step by name. `withInternal: false` is the
 * portal's view: internal events (assignments, notes) never leave the back office.
 */
export async function caseTimeline(
  tx: Pick<Tx, 'select' | 'execute'>,
  caseId: string,
  withInternal: boolean,
) {
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
    .where(
      withInternal
        ? eq(caseEvents.caseId, caseId)
        : and(eq(caseEvents.caseId, caseId), eq(caseEvents.internal, false)),
    )
    .orderBy(asc(caseEvents.id));
  // Each step names who or what did it, and the rule version that decided.
  return nameStepActors(
    tx,
    caseId,
    events.map((e) => ({ ...e, at: e.at.toISOString() })),
  );
}

/** The files of a case in the order they were uploaded. */
export function caseFiles(tx: Pick<Tx, 'select'>, caseId: string) {
  return tx
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      size: attachments.size,
      mimeType: attachments.mimeType,
    })
    .from(attachments)
    .where(eq(attachments.caseId, caseId))
    .orderBy(asc(attachments.createdAt));
}

/**
 * The names of the units and people a case's answers name, by id, so the case shows names instead
 * of ids. Only for a case the reader may see: `visible` is the condition on the case (`c`, its unit
 * `u`) the reading query used, so the names are scoped in SQL like the case itself.
 */
export async function answerNames(
  tx: Pick<Tx, 'execute'>,
  def: TServiceDefinition,
  answers: Answers,
  caseId: string,
  visible: SQL,
): Promise<{ units: Record<string, string>; persons: Record<string, string> }> {
  const ids = (type: 'unit' | 'person') => [
    ...new Set(answersOfType(def, answers, type).map((a) => a.value)),
  ];
  const units = ids('unit');
  const people = ids('person');
  const names = { units: {} as Record<string, string>, persons: {} as Record<string, string> };
  if (units.length === 0 && people.length === 0) return names;
  const { rows } = await tx.execute<{ kind: 'unit' | 'person'; id: string; name: string }>(sql`
    SELECT kind, id, name FROM (
      SELECT 'unit' AS kind, id, name FROM org_units WHERE id = ANY(${sqlArray(units)}::text[])
      UNION ALL
      SELECT 'person', id, first_name || ' ' || last_name FROM persons WHERE id = ANY(${sqlArray(people)}::text[])
    ) named
    WHERE EXISTS (SELECT 1 FROM cases c JOIN org_units u ON u.id = c.unit_id WHERE c.id = ${caseId} AND ${visible})`);
  for (const r of rows) (r.kind === 'unit' ? names.units : names.persons)[r.id] = r.name;
  return names;
}
