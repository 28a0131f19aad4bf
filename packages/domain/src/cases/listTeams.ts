import { asc } from 'drizzle-orm';
import { teams } from '@indgang/db';
import { type Actor } from '../access/Actor';
import type { CaseDeps } from './CaseDeps';
import { requireBackoffice } from './caseAccess';

/** The service centre's teams, for choosing a queue. */
export async function listTeams(deps: CaseDeps, actor: Actor) {
  requireBackoffice(actor, false);
  return deps.db
    .select({ id: teams.id, name: teams.name, area: teams.area })
    .from(teams)
    .orderBy(asc(teams.name));
}
