import { sqlArray } from '@indgang/db';
import { sql } from 'drizzle-orm';
import { can, type Actor } from '../access/Actor';
import { countApprovals } from '../approvals/listApprovals';
import { todayInDenmark } from '../time/isoDate';
import type { CaseDeps } from './CaseDeps';
import { hiddenFromSubject, ownCase, portalCaseVisible } from './caseAccess';

/**
 * What waits on the actor, counted in SQL for the start page: approvals waiting on her, her cases returned to her or waiting
 * for her answer, her cases received and in progress, for a leader or deputy her units' cases waiting on their
 * submitters, and for a caseworker her teams' open cases (all teams' for one in none, as the queue does; unassigned, hers, past their deadline).
 */
export async function countWaitingCases(deps: Pick<CaseDeps, 'db'>, actor: Actor) {
  const leads = actor.ledUnitIds.length + actor.delegatedUnitIds.length > 0;
  const {
    rows: [own],
  } = await deps.db.execute<{
    returned: number;
    submitted: number;
    in_progress: number;
    units_returned: number | null;
  }>(sql`
    SELECT count(*) FILTER (WHERE c.status = 'awaiting_submitter' AND ${ownCase(actor)})::int AS returned,
      count(*) FILTER (WHERE c.status = 'submitted' AND ${ownCase(actor)})::int AS submitted,
      count(*) FILTER (WHERE c.status = 'in_progress' AND ${ownCase(actor)})::int AS in_progress,
      ${leads ? sql`count(*) FILTER (WHERE c.status = 'awaiting_submitter')::int` : sql`NULL::int`} AS units_returned
    FROM cases c JOIN org_units u ON u.id = c.unit_id
    WHERE c.status <> 'resolved' AND ${portalCaseVisible(actor)}`);
  let queue = null;
  if (can(actor, 'cases.handle')) {
    const today = todayInDenmark();
    const {
      rows: [q],
    } = await deps.db.execute<{ unassigned: number; mine: number; overdue: number }>(sql`
      SELECT count(*) FILTER (WHERE c.assignee_user_id IS NULL)::int AS unassigned,
        count(*) FILTER (WHERE c.assignee_user_id = ${actor.userId})::int AS mine,
        count(*) FILTER (WHERE c.due_date < coalesce(c.paused_since, ${today}::date))::int AS overdue
      FROM cases c
      WHERE c.status <> 'resolved'
        AND ${actor.teamIds.length > 0 ? sql`c.team_id = ANY(${sqlArray(actor.teamIds)}::text[])` : sql`true`}
        AND NOT ${hiddenFromSubject(actor)}`);
    queue = q!;
  }
  return {
    returned: own!.returned,
    submitted: own!.submitted,
    inProgress: own!.in_progress,
    unitsReturned: own!.units_returned,
    approvals: await countApprovals(deps, actor),
    queue,
  };
}
