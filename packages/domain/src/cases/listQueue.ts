import { statusSql } from './appendCaseEvent';
import { sqlArray } from '@indgang/db';
import { sql } from 'drizzle-orm';
import { type TServiceDefinition } from '@indgang/schemas';
import { type Actor } from '../access/Actor';
import type { CaseDeps } from './CaseDeps';
import { hiddenFromSubject, requireBackoffice } from './caseAccess';
import { describeCase } from './describeCase';

export interface QueueFilter {
  teamId?: string;
  assigned?: 'me' | 'none' | 'any';
  status?: string;
}

/** A team's queue: open cases, most urgent first, with who has them. */
export async function listQueue(deps: CaseDeps, actor: Actor, filter: QueueFilter) {
  requireBackoffice(actor, false);
  const teams = filter.teamId ? [filter.teamId] : actor.teamIds;
  const { rows } = await deps.db.execute(sql`
    SELECT c.id, c.number, c.status, c.due_date, c.paused_since, c.team_id, c.submitted_at, c.version, s.definition, u.name AS unit_name, a.display_name AS assignee, c.assignee_user_id
    FROM cases c JOIN org_units u ON u.id = c.unit_id JOIN services s ON s.id = c.service_id AND s.version = c.service_version
    LEFT JOIN users a ON a.id = c.assignee_user_id
    WHERE ${teams.length > 0 ? sql`c.team_id = ANY(${sqlArray(teams)}::text[])` : sql`true`}
      AND ${filter.status ? sql`c.status = ${filter.status}` : sql`c.status <> ${statusSql('resolved')}`} AND NOT ${hiddenFromSubject(actor)}
      ${filter.assigned === 'me' ? sql`AND c.assignee_user_id = ${actor.userId}` : filter.assigned === 'none' ? sql`AND c.assignee_user_id IS NULL` : sql``}
    ORDER BY c.due_date ASC, c.submitted_at ASC LIMIT 500`);
  return rows.map((r) => ({
    id: r.id as string,
    number: r.number as string,
    status: r.status as string,
    teamId: r.team_id as string,
    unitName: r.unit_name as string,
    serviceName: (r.definition as TServiceDefinition).name,
    assignee: (r.assignee as string | null) ?? null,
    assigneeUserId: (r.assignee_user_id as string | null) ?? null,
    dueDate: r.due_date as string,
    submittedAt: new Date(r.submitted_at as string).toISOString(),
    ...describeCase(
      r.definition as TServiceDefinition,
      {
        status: r.status as string,
        dueDate: r.due_date as string,
        pausedSince: r.paused_since as string | null,
      },
      deps.calendar,
    ),
  }));
}
