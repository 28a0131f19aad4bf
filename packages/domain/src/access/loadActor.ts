import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { delegationInForce } from '../delegations/delegationInForce';
import { DomainError } from '../errors/DomainError';
import type { Actor } from './Actor';
import { isOrgWide } from './Actor';
import { ROLES, type Role } from './roles';

/** The row of `actorQuery`: the user, and the JSON arrays the query builds of what she holds. */
export type ActorRow = {
  userId: string;
  personId: string | null;
  displayName: string;
  assignments: Array<{ role: string; unitId: string | null; teamId: string | null }>;
  managed: Array<{ id: string; path: string }>;
  delegated: Array<{ id: string; path: string }>;
  assignedPaths: Array<{ id: string; path: string }>;
};

/**
 * Builds the actor for a user in one query: explicit role assignments, leadership from the
 * organisation ("manager of"), and delegations valid on `today` (YYYY-MM-DD).
 */
export async function loadActor(
  deps: { db: Pick<Db, 'execute'> },
  userId: string,
  today: string,
): Promise<Actor> {
  const { db } = deps;
  const {
    rows: [row],
  } = await db.execute<ActorRow>(actorQuery(sql``, sql`FROM users u WHERE u.id = ${userId}`, today));
  if (!row)
    throw new DomainError('unauthenticated', 'unknown_user', {
      da: 'Brugeren findes ikke.',
      en: 'Unknown user.',
    });
  return toActor(userId, row);
}

/** The user's row and everything the actor is built from (ActorRow); `from` names the users row `u`. */
export function actorQuery(extraColumns: SQL, from: SQL, today: string): SQL {
  return sql`
    SELECT u.id AS "userId", u.person_id AS "personId", u.display_name AS "displayName" ${extraColumns},
      coalesce((SELECT json_agg(json_build_object('role', r.role, 'unitId', r.unit_id, 'teamId', r.team_id)) FROM role_assignments r WHERE r.user_id = u.id), '[]') AS assignments,
      coalesce((SELECT json_agg(json_build_object('id', o.id, 'path', o.path)) FROM unit_managers m JOIN org_units o ON o.id = m.unit_id WHERE m.person_id = u.person_id), '[]') AS managed,
      coalesce((SELECT json_agg(DISTINCT jsonb_build_object('id', o.id, 'path', o.path)) FROM delegations d JOIN org_units o ON o.id = d.unit_id
        WHERE d.to_person_id = u.person_id AND ${delegationInForce(today)}), '[]') AS delegated,
      coalesce((SELECT json_agg(json_build_object('id', o.id, 'path', o.path)) FROM role_assignments r JOIN org_units o ON o.id = r.unit_id WHERE r.user_id = u.id AND r.role = 'leader'), '[]') AS "assignedPaths"
    ${from}`;
}

export function toActor(userId: string, row: ActorRow): Actor {
  const roles = new Set<Role>(
    row.assignments.map((a) => a.role).filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
  );
  const led = new Map([...row.assignedPaths, ...row.managed].map((u) => [u.id, u.path]));
  if (row.personId) roles.add('employee');
  if (led.size > 0) roles.add('leader');
  if (row.delegated.length > 0) roles.add('deputy');
  return {
    userId,
    personId: row.personId,
    displayName: row.displayName,
    roles,
    ledUnitIds: [...led.keys()],
    delegatedUnitIds: row.delegated.map((d) => d.id),
    teamIds: [...new Set(row.assignments.map((a) => a.teamId).filter((t): t is string => !!t))],
    unitScope: isOrgWide(roles) ? 'all' : [...led.values(), ...row.delegated.map((d) => d.path)],
  };
}
