import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { getPerson, type PersonDetail } from './getPerson';

/** The actor's own record (audited like any read of a person); null for a user who is no person of the organisation. */
export async function readProfile(
  deps: { db: Db },
  actor: Actor,
  today: string,
): Promise<{ person: PersonDetail | null }> {
  if (!actor.personId) return { person: null };
  return { person: await getPerson(deps, actor, actor.personId, { today }) };
}
