import { sql } from 'drizzle-orm';
import type { Actor } from '../access/Actor';
import type { CaseDeps } from '../cases/CaseDeps';
import { mayReadBoards, seesEveryBoard } from './teamBoard';

/** The teams whose board the actor may open: a team lead's own teams, every team for the centre-wide roles. */
export async function boardTeams(deps: Pick<CaseDeps, 'db'>, actor: Actor) {
  mayReadBoards(actor);
  const all = seesEveryBoard(actor);
  const { rows } = await deps.db.execute<{ id: string; name: string }>(sql`
    SELECT t.id, t.name FROM teams t
    WHERE ${all} OR EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = ${actor.userId} AND r.role = 'team_lead' AND r.team_id = t.id)
    ORDER BY (EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = ${actor.userId} AND r.role = 'team_lead' AND r.team_id = t.id)) DESC, t.name`);
  return rows;
}
