import { eventTypeSql, statusSql } from './appendCaseEvent';
import { sqlArray, users } from '@indgang/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CaseEventType } from '@indgang/schemas';
import { type Actor } from '../access/Actor';
import { storedDefinition } from '../catalog/latestServices';
import type { CaseDeps } from './CaseDeps';
import { hiddenFromSubject, requireBackoffice } from './caseAccess';
import { c, caseListColumns, pinnedService, s, u } from './caseRows';
import { describeCase } from './describeCase';

export interface QueueFilter {
  teamId?: string;
  assigned?: 'me' | 'none' | 'any';
  status?: string;
}

const assignee = alias(users, 'a');

/** What the submitter does that a caseworker should see: an answer, a message, a reopening. */
const FROM_SUBMITTER = ['answered', 'message_from_submitter', 'reopened'] as const;
/** What a caseworker does that takes the submitter's last word into account. */
const BY_CASEWORKER: CaseEventType[] = ['note', 'message_to_submitter', 'returned', 'resolved', 'stage'];
const list = (types: readonly CaseEventType[]) =>
  sql.join(
    types.map((t) => eventTypeSql(t)),
    sql`, `,
  );

/**
 * The submitter's latest answer, message or reopening when no caseworker has acted on the case since
 * (a note, a message, a return, a stage, the resolution): the "new reply" sign of the queue.
 */
const submitterActivity = sql<{ type: (typeof FROM_SUBMITTER)[number]; at: string } | null>`(
  SELECT json_build_object('type', e.type, 'at', e.at) FROM case_events e
  WHERE e.case_id = ${c.id} AND e.type IN (${list(FROM_SUBMITTER)})
    AND NOT EXISTS (SELECT 1 FROM case_events f WHERE f.case_id = e.case_id AND f.id > e.id AND f.type IN (${list(BY_CASEWORKER)}))
  ORDER BY e.id DESC LIMIT 1)`;

/** A team's queue: open cases, the least time left first, with who has them and whether the submitter answered. */
export async function listQueue(deps: CaseDeps, actor: Actor, filter: QueueFilter) {
  requireBackoffice(actor, false);
  const teams = filter.teamId ? [filter.teamId] : actor.teamIds;
  const rows = await deps.db
    .select({
      ...caseListColumns,
      serviceId: c.serviceId,
      teamId: c.teamId,
      assignee: assignee.displayName,
      assigneeUserId: c.assigneeUserId,
      submitterActivity,
    })
    .from(c)
    .innerJoin(u, eq(u.id, c.unitId))
    .innerJoin(s, pinnedService)
    .leftJoin(assignee, eq(assignee.id, c.assigneeUserId))
    .where(
      and(
        teams.length > 0 ? sql`${c.teamId} = ANY(${sqlArray(teams)}::text[])` : sql`true`,
        filter.status ? sql`${c.status} = ${filter.status}` : sql`${c.status} <> ${statusSql('resolved')}`,
        sql`NOT ${hiddenFromSubject(actor)}`,
        filter.assigned === 'me'
          ? eq(c.assigneeUserId, actor.userId)
          : filter.assigned === 'none'
            ? sql`${c.assigneeUserId} IS NULL`
            : undefined,
      ),
    )
    .orderBy(asc(c.dueDate), asc(c.submittedAt))
    .limit(500);
  const items = rows.map((r) => {
    const def = storedDefinition(r.definition);
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      teamId: r.teamId,
      unitName: r.unitName,
      serviceId: r.serviceId,
      serviceName: def.name,
      assignee: r.assignee,
      assigneeUserId: r.assigneeUserId,
      dueDate: r.dueDate,
      submittedAt: r.submittedAt.toISOString(),
      submitterActivity: r.submitterActivity
        ? { type: r.submitterActivity.type, at: new Date(r.submitterActivity.at).toISOString() }
        : null,
      ...describeCase(def, r, deps.calendar),
    };
  });
  // A paused clock keeps what was left, so the deadline alone does not order by time left.
  const left = (i: (typeof items)[number]) => i.workingDaysLeft ?? Number.MAX_SAFE_INTEGER;
  return items.sort((a, b) => left(a) - left(b) || a.submittedAt.localeCompare(b.submittedAt));
}
