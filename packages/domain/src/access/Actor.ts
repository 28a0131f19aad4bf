import type { Permission, Role } from './roles';
import { ORG_WIDE_ROLES, READ_ONLY_ROLES, roleGrants } from './roles';

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

/**
 * The one read-only rule: the auditor's grants are grants to read. A change needs the permission
 * from another role, so an auditor who is also an employee may submit their own requests but never
 * handle a case.
 */
export function mayChange(actor: Actor, permission: Permission): boolean {
  for (const role of actor.roles) if (!READ_ONLY_ROLES.has(role) && roleGrants(role, permission)) return true;
  return false;
}

/** Every role the actor holds is read-only: nothing at all may be changed, not even one's own requests. */
export function isReadOnly(actor: Actor): boolean {
  return actor.roles.size > 0 && [...actor.roles].every((r) => READ_ONLY_ROLES.has(r));
}
