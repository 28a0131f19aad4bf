import type { Permission, Role } from './roles';
import { ORG_WIDE_ROLES, roleGrants } from './roles';

/** Who is asking, and what that person may see: computed once per request from the database. */
export interface Actor {
  userId: string;
  personId: string | null;
  displayName: string;
  roles: ReadonlySet<Role>;
  /** Units the actor leads (with all units below). */
  ledUnitIds: readonly string[];
  /** Units delegated to the actor today (with all units below). */
  delegatedUnitIds: readonly string[];
  teamIds: readonly string[];
  /** Path prefixes of the units in scope; 'all' for organisation-wide roles. */
  unitScope: 'all' | readonly string[];
}

export function can(actor: Actor, permission: Permission): boolean {
  for (const role of actor.roles) if (roleGrants(role, permission)) return true;
  return false;
}

export function isOrgWide(roles: Iterable<Role>): boolean {
  for (const role of roles) if (ORG_WIDE_ROLES.has(role)) return true;
  return false;
}

/** The auditor reads everything and changes nothing. */
export function isReadOnly(actor: Actor): boolean {
  return actor.roles.size > 0 && [...actor.roles].every((r) => r === 'auditor');
}
