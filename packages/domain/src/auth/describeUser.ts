import { eq, inArray } from 'drizzle-orm';
import { orgUnits, users, type Db } from '@indgang/db';
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
  /** The names of the units she leads or is deputy for, by id: pages name units, never show their ids. */
  unitNames: Record<string, string>;
  teamIds: string[];
  locale: 'da' | 'en';
}

/** Who the actor is and what she may do and change, with her chosen language. */
export async function describeUser(deps: { db: Db }, actor: Actor): Promise<UserDescription> {
  const [user] = await deps.db
    .select({ locale: users.locale, email: users.email })
    .from(users)
    .where(eq(users.id, actor.userId));
  const ownUnits = [...actor.ledUnitIds, ...actor.delegatedUnitIds];
  const units =
    ownUnits.length > 0
      ? await deps.db
          .select({ id: orgUnits.id, name: orgUnits.name })
          .from(orgUnits)
          .where(inArray(orgUnits.id, ownUnits))
      : [];
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
    unitNames: Object.fromEntries(units.map((u) => [u.id, u.name])),
    teamIds: [...actor.teamIds],
    locale: user?.locale === 'en' ? 'en' : 'da',
  };
}
