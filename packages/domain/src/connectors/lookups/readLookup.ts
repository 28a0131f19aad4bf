import { sql } from 'drizzle-orm';
import type { LookupName, LookupStatus } from '@indgang/schemas';
import type { Db } from '@indgang/db';
import type { Actor } from '../../access/Actor';
import { DomainError } from '../../errors/DomainError';
import type { LocalizedText } from '../../errors/DomainError';
import { LOOKUP_MINUTES } from './lookupLimits';

export type LookupState = {
  id: string;
  name: LookupName;
  status: LookupStatus;
  result: unknown;
  error: LocalizedText | null;
};

/**
 * A lookup's state for the one who asked (nobody else ever reads it): pending, its answer, or why
 * it failed. An answer older than LOOKUP_MINUTES is gone.
 */
export async function readLookup(deps: { db: Db }, actor: Actor, id: string): Promise<LookupState> {
  const { rows } = await deps.db.execute<LookupState>(sql`
    SELECT id, operation AS name, status, result, error FROM connector_lookups
    WHERE id = ${id} AND user_id = ${actor.userId}
      AND created_at > now() - make_interval(mins => ${LOOKUP_MINUTES})`);
  if (!rows[0])
    throw new DomainError('not_found', 'lookup_not_found', {
      da: 'Opslaget findes ikke, eller svaret er slettet igen. Slå op igen.',
      en: 'The lookup does not exist, or its answer has been deleted again. Look it up again.',
    });
  return { ...rows[0], result: rows[0].result ?? null, error: rows[0].error ?? null };
}
