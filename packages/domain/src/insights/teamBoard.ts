import { sql } from 'drizzle-orm';
import type { CaseStatus, TText } from '@indgang/schemas';
import { can, type Actor } from '../access/Actor';
import type { Role } from '../access/roles';
import { eventTypeSql, statusSql } from '../cases/appendCaseEvent';
import type { CaseDeps } from '../cases/CaseDeps';
import { hiddenFromSubject } from '../cases/caseAccess';
import { DomainError, notFound } from '../errors/DomainError';
import { addDays, todayInDenmark } from '../time/isoDate';

/** How far back the board's rolling figures look (returns, automated share): calendar days. */
export const BOARD_WINDOW_DAYS = 30;
/** Cases due within this many working days count as due soon. */
export const DUE_SOON_WORKING_DAYS = 2;
/** The oldest open cases the board lists. */
export const BOARD_OLDEST = 10;

/** Roles that see every team's board (without its caseworkers' output). */
const CENTRE_WIDE: Role[] = ['process_owner', 'administrator', 'auditor'];

const TZ = 'Europe/Copenhagen';
/** The start of a Danish calendar day as a point in time. */
const dayStart = (day: string) => sql`((${day}::date)::timestamp AT TIME ZONE ${TZ})`;
const OPEN = sql`c.status <> ${statusSql('resolved')}`;
/** Waiting on the submitter: the clock stands still, so it is neither overdue nor due soon. */
const RUNNING = sql`c.status NOT IN (${statusSql('resolved')}, ${statusSql('awaiting_submitter')})`;

/** The name a service or step had in the newest version of the service. */
const serviceName = sql<TText>`(SELECT sv.definition->'name' FROM services sv WHERE sv.id = c.service_id ORDER BY sv.version DESC LIMIT 1)`;

/** Refuses anyone without the board permission. */
export function mayReadBoards(actor: Actor): void {
  if (!can(actor, 'insights.team'))
    throw new DomainError('forbidden', 'forbidden', {
      da: 'Tavlen er for teamledere, procesejere og ledelsen af Koncernservice.',
      en: "The board is for team leads, process owners and the service centre's management.",
    });
}

/** Whether the actor sees every team's board (the centre-wide roles), not only those she leads. */
export const seesEveryBoard = (actor: Actor) => CENTRE_WIDE.some((role) => actor.roles.has(role));

/**
 * Today's board for one team of the service centre ("tavlestyring"): what came in and was resolved
 * today, the backlog by service and the step it waits at, overdue and due within two working days,
 * the oldest waiting cases, returns by reason and the share automation resolved over the last 30
 * days, and, for the team's own team lead only, each caseworker's output. Counted from the cases
 * when asked (`asOf`), never from a copy. A case kept from the person it is about (a dismissal
 * before the hearing) is counted but never listed to her.
 */
export async function teamBoard(deps: CaseDeps, actor: Actor, input: { teamId: string }) {
  mayReadBoards(actor);
  const today = todayInDenmark();
  const soon = deps.calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  const windowStart = addDays(today, -BOARD_WINDOW_DAYS);
  return deps.db.transaction(async (tx) => {
    const { rows: teams } = await tx.execute<{ id: string; name: string; isLead: boolean; asOf: string }>(sql`
      SELECT t.id, t.name, now() AS "asOf", EXISTS (SELECT 1 FROM role_assignments r
        WHERE r.user_id = ${actor.userId} AND r.role = 'team_lead' AND r.team_id = t.id) AS "isLead"
      FROM teams t WHERE t.id = ${input.teamId}`);
    const team = teams[0];
    // A team lead sees her own teams; the whole centre's roles see every team.
    if (!team || (!team.isLead && !seesEveryBoard(actor))) throw notFound({ da: 'Teamet', en: 'The team' });
    const { rows: figures } = await tx.execute<
      Record<
        | 'incomingToday'
        | 'resolvedToday'
        | 'open'
        | 'overdue'
        | 'dueSoon'
        | 'waitingOnSubmitter'
        | 'unassigned'
        | 'resolvedInWindow'
        | 'automatedInWindow',
        number
      >
    >(sql`
      SELECT
        count(*) FILTER (WHERE c.submitted_at >= ${dayStart(today)})::int AS "incomingToday",
        count(*) FILTER (WHERE c.resolved_at >= ${dayStart(today)})::int AS "resolvedToday",
        count(*) FILTER (WHERE ${OPEN})::int AS open,
        count(*) FILTER (WHERE ${RUNNING} AND c.due_date < ${today}::date)::int AS overdue,
        count(*) FILTER (WHERE ${RUNNING} AND c.due_date BETWEEN ${today}::date AND ${soon}::date)::int AS "dueSoon",
        count(*) FILTER (WHERE c.status = ${statusSql('awaiting_submitter')})::int AS "waitingOnSubmitter",
        count(*) FILTER (WHERE ${OPEN} AND c.assignee_user_id IS NULL AND c.status IN (${statusSql('submitted')}, ${statusSql('in_progress')}))::int AS unassigned,
        count(*) FILTER (WHERE c.resolved_at >= ${dayStart(windowStart)})::int AS "resolvedInWindow",
        count(*) FILTER (WHERE c.resolved_at >= ${dayStart(windowStart)} AND c.automation = 'full')::int AS "automatedInWindow"
      FROM cases c
      WHERE c.team_id = ${team.id}
        AND (${OPEN} OR c.resolved_at >= ${dayStart(windowStart)} OR c.submitted_at >= ${dayStart(today)})`);
    const f = figures[0]!;
    const { rows: backlog } = await tx.execute<{
      serviceId: string;
      serviceName: TText;
      stepId: string | null;
      stepName: TText | null;
      status: CaseStatus;
      cases: number;
      overdue: number;
    }>(sql`
      SELECT c.service_id AS "serviceId", ${serviceName} AS "serviceName", st.step_id AS "stepId",
        (SELECT x->'name' FROM services sv CROSS JOIN LATERAL jsonb_array_elements(coalesce(sv.definition->'process'->'steps', '[]'::jsonb)) x
          WHERE sv.id = c.service_id AND x->>'id' = st.step_id ORDER BY sv.version DESC LIMIT 1) AS "stepName",
        c.status, count(*)::int AS cases,
        count(*) FILTER (WHERE ${RUNNING} AND c.due_date < ${today}::date)::int AS overdue
      FROM cases c
      LEFT JOIN LATERAL (SELECT s.step_id FROM case_steps s WHERE s.case_id = c.id AND s.status = 'active'
        AND s.kind NOT IN ('parallel', 'join') ORDER BY s.id LIMIT 1) st ON true
      WHERE c.team_id = ${team.id} AND ${OPEN}
      GROUP BY c.service_id, st.step_id, c.status
      ORDER BY count(*) DESC, c.service_id, st.step_id NULLS FIRST, c.status`);
    const { rows: oldest } = await tx.execute<{
      id: string;
      number: string;
      serviceName: TText;
      unitName: string;
      status: CaseStatus;
      submittedAt: string;
      dueDate: string;
      assignee: string | null;
    }>(sql`
      SELECT c.id, c.number, ${serviceName} AS "serviceName", u.name AS "unitName", c.status,
        c.submitted_at AS "submittedAt", c.due_date::text AS "dueDate", a.display_name AS assignee
      FROM cases c JOIN org_units u ON u.id = c.unit_id LEFT JOIN users a ON a.id = c.assignee_user_id
      WHERE c.team_id = ${team.id} AND ${OPEN} AND NOT ${hiddenFromSubject(actor)}
      ORDER BY c.submitted_at, c.number LIMIT ${BOARD_OLDEST}`);
    const { rows: returns } = await tx.execute<{
      reason: string | null;
      label: TText | null;
      returns: number;
    }>(sql`
      SELECT e.data->>'reasonCode' AS reason, min(rr.label::text)::jsonb AS label, count(*)::int AS returns
      FROM case_events e JOIN cases c ON c.id = e.case_id LEFT JOIN return_reasons rr ON rr.code = e.data->>'reasonCode'
      WHERE c.team_id = ${team.id} AND e.type = ${eventTypeSql('returned')} AND e.at >= ${dayStart(windowStart)}
      GROUP BY 1 ORDER BY 3 DESC, 1`);
    // Each caseworker's output: for the team's own lead only, never for colleagues or the centre.
    const caseworkers = team.isLead
      ? (
          await tx.execute<{
            userId: string;
            name: string;
            open: number;
            resolvedToday: number;
            resolvedInWindow: number;
            returnsInWindow: number;
          }>(sql`
            SELECT w.id AS "userId", w.display_name AS name,
              (SELECT count(*) FROM cases c WHERE c.team_id = ${team.id} AND ${OPEN} AND c.assignee_user_id = w.id)::int AS open,
              (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.team_id = ${team.id}
                AND e.type = ${eventTypeSql('resolved')} AND e.actor_user_id = w.id AND e.at >= ${dayStart(today)})::int AS "resolvedToday",
              (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.team_id = ${team.id}
                AND e.type = ${eventTypeSql('resolved')} AND e.actor_user_id = w.id AND e.at >= ${dayStart(windowStart)})::int AS "resolvedInWindow",
              (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.team_id = ${team.id}
                AND e.type = ${eventTypeSql('returned')} AND e.actor_user_id = w.id AND e.at >= ${dayStart(windowStart)})::int AS "returnsInWindow"
            FROM users w WHERE EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = w.id
              AND r.team_id = ${team.id} AND r.role IN ('caseworker', 'anchor'))
            ORDER BY w.display_name`)
        ).rows
      : null;
    const share = (n: number, of: number) => (of === 0 ? null : Math.round((10000 * n) / of) / 100);
    return {
      teamId: team.id,
      teamName: team.name,
      asOf: new Date(team.asOf).toISOString(),
      today,
      dueSoonUntil: soon,
      windowDays: BOARD_WINDOW_DAYS,
      figures: { ...f, automatedShare: share(f.automatedInWindow, f.resolvedInWindow) },
      backlog,
      oldest: oldest.map((o) => ({ ...o, submittedAt: new Date(o.submittedAt).toISOString() })),
      returns: returns.map((r) => ({
        reason: r.reason,
        label: r.label ?? { da: r.reason ?? 'Uden årsag', en: r.reason ?? 'No reason' },
        returns: r.returns,
      })),
      caseworkers,
    };
  });
}
