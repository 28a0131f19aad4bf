import { eq } from 'drizzle-orm';
import { users, type Db } from '@indgang/db';
import { can, isReadOnly, mayChange, type Actor } from '../access/Actor';
import { PERMISSIONS, type Permission } from '../access/roles';

export interface UserDescription {
  userId: string;
  personId: string | null;
  displayName: string;
  email: string | null;
  roles: string[];
  orgWide: boolean;
  permissions: Permission[];
  /** What the user may change, by the domain's one read-only rule; pages offer only these actions. */
  mayChange: Permission[];
  readOnly: boolean;
  ledUnitIds: string[];
  delegatedUnitIds: string[];
  teamIds: string[];
  locale: 'da' | 'en';
}

/** Who the actor is and what she may do and change, with her chosen language. */
export async function describeUser(deps: { db: Db }, actor: Actor): Promise<UserDescription> {
  const [user] = await deps.db
    .select({ locale: users.locale, email: users.email })
    .from(users)
    .where(eq(users.id, actor.userId));
  return {
    userId: actor.userId,
    personId: actor.personId,
    displayName: actor.displayName,
    email: user?.email ?? null,
    roles: [...actor.roles],
    orgWide: actor.unitScope === 'all',
    permissions: PERMISSIONS.filter((p) => can(actor, p)),
    mayChange: PERMISSIONS.filter((p) => mayChange(actor, p)),
    readOnly: isReadOnly(actor),
    ledUnitIds: [...actor.ledUnitIds],
    delegatedUnitIds: [...actor.delegatedUnitIds],
    teamIds: [...actor.teamIds],
    locale: user?.locale === 'en' ? 'en' : 'da',
  };
}
