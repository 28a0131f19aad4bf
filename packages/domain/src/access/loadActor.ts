import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { delegationInForce } from '../delegations/delegationInForce';
import { DomainError } from '../errors/DomainError';
import type { Actor } from './Actor';
import { isOrgWide } from './Actor';
import { ROLES, type Role } from './roles';

export interface ActorRow {
  person_id: string | null;
  display_name: string;
  assignments: Array<{ role: string; unit_id: string | null; team_id: string | null }>;
  managed: Array<{ id: string; path: string }>;
  delegated: Array<{ id: string; path: string }>;
  assigned_paths: Array<{ id: string; path: string }>;
}

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
  const { rows } = await db.execute(actorQuery(sql``, sql`FROM users u WHERE u.id = ${userId}`, today));
  const row = rows[0] as unknown as ActorRow | undefined;
  if (!row)
    throw new DomainError('unauthenticated', 'unknown_user', {
      da: 'Brugeren findes ikke.',
      en: 'Unknown user.',
    });
  return toActor(userId, row);
}

/** The user's row and everything the actor is built from; `from` names the users row `u`. */
export function actorQuery(extraColumns: SQL, from: SQL, today: string): SQL {
  return sql`
    SELECT u.id AS user_id, u.person_id, u.display_name ${extraColumns},
      coalesce((SELECT json_agg(json_build_object('role', r.role, 'unit_id', r.unit_id, 'team_id', r.team_id)) FROM role_assignments r WHERE r.user_id = u.id), '[]') AS assignments,
      coalesce((SELECT json_agg(json_build_object('id', o.id, 'path', o.path)) FROM unit_managers m JOIN org_units o ON o.id = m.unit_id WHERE m.person_id = u.person_id), '[]') AS managed,
      coalesce((SELECT json_agg(DISTINCT jsonb_build_object('id', o.id, 'path', o.path)) FROM delegations d JOIN org_units o ON o.id = d.unit_id
        WHERE d.to_person_id = u.person_id AND ${delegationInForce(today)}), '[]') AS delegated,
      coalesce((SELECT json_agg(json_build_object('id', o.id, 'path', o.path)) FROM role_assignments r JOIN org_units o ON o.id = r.unit_id WHERE r.user_id = u.id AND r.role = 'leader'), '[]') AS assigned_paths
    ${from}`;
}

export function toActor(userId: string, row: ActorRow): Actor {
  const roles = new Set<Role>(
    row.assignments.map((a) => a.role).filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
  );
  const led = new Map([...row.assigned_paths, ...row.managed].map((u) => [u.id, u.path]));
  if (row.person_id) roles.add('employee');
  if (led.size > 0) roles.add('leader');
  if (row.delegated.length > 0) roles.add('deputy');
  return {
    userId,
    personId: row.person_id,
    displayName: row.display_name,
    roles,
    ledUnitIds: [...led.keys()],
    delegatedUnitIds: row.delegated.map((d) => d.id),
    teamIds: [...new Set(row.assignments.map((a) => a.team_id).filter((t): t is string => !!t))],
    unitScope: isOrgWide(roles) ? 'all' : [...led.values(), ...row.delegated.map((d) => d.path)],
  };
}
