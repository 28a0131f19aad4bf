import { sql } from 'drizzle-orm';
import { drafts, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { serviceVersion } from '../catalog/latestServices';
import { DomainError } from '../errors/DomainError';

const MAX_DRAFT_BYTES = 512 * 1024;

/** Saves what the user has filled in so far; a draft is the user's own and is never validated. */
export async function saveDraft(
  deps: { db: Db },
  actor: Actor,
  serviceId: string,
  answers: unknown,
): Promise<{ savedAt: string }> {
  const def = await serviceVersion(deps.db, serviceId);
  if (
    typeof answers !== 'object' ||
    answers === null ||
    Array.isArray(answers) ||
    JSON.stringify(answers).length > MAX_DRAFT_BYTES
  ) {
    throw new DomainError('invalid', 'draft_invalid', {
      da: 'Kladden kunne ikke gemmes.',
      en: 'The draft could not be saved.',
    });
  }
  const now = new Date();
  await deps.db
    .insert(drafts)
    .values({ userId: actor.userId, serviceId, serviceVersion: def.version, answers, updatedAt: now })
    .onConflictDoUpdate({
      target: [drafts.userId, drafts.serviceId],
      set: {
        answers: sql`excluded.answers`,
        serviceVersion: sql`excluded.service_version`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
  return { savedAt: now.toISOString() };
}
