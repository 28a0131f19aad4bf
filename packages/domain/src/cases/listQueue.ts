import { statusSql } from './appendCaseEvent';
import { sqlArray, users } from '@indgang/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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

/** A team's queue: open cases, most urgent first, with who has them. */
export async function listQueue(deps: CaseDeps, actor: Actor, filter: QueueFilter) {
  requireBackoffice(actor, false);
  const teams = filter.teamId ? [filter.teamId] : actor.teamIds;
  const rows = await deps.db
    .select({
      ...caseListColumns,
      teamId: c.teamId,
      assignee: assignee.displayName,
      assigneeUserId: c.assigneeUserId,
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
  return rows.map((r) => {
    const def = storedDefinition(r.definition);
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      teamId: r.teamId,
      unitName: r.unitName,
      serviceName: def.name,
      assignee: r.assignee,
      assigneeUserId: r.assigneeUserId,
      dueDate: r.dueDate,
      submittedAt: r.submittedAt.toISOString(),
      ...describeCase(def, r, deps.calendar),
    };
  });
}
