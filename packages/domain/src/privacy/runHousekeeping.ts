import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { UNATTACHED_UPLOAD_HOURS } from '../cases/uploadLimits';
import { IDEMPOTENCY_KEY_HOURS } from '../idempotency/runIdempotent';

/** A form draft nobody has touched for this many days is deleted. */
export const DRAFT_DAYS = 90;

export interface HousekeepingOutcome { uploads: number; drafts: number; sessions: number; idempotencyKeys: number }

/**
 * Deletes what is kept only for a while: uploads never attached to a case (after a day), drafts
 * untouched for DRAFT_DAYS, expired sessions, and Idempotency-Key answers older than a day.
 * What was deleted is written to the audit trail as counts, never contents.
 */
export async function runHousekeeping(deps: { db: Db }, now: Date = new Date()): Promise<HousekeepingOutcome> {
  return deps.db.transaction(async (tx) => {
    const at = now.toISOString();
    const count = async (statement: ReturnType<typeof sql>) => (await tx.execute(statement)).rows.length;
    const outcome: HousekeepingOutcome = {
      uploads: await count(sql`DELETE FROM attachments WHERE case_id IS NULL AND created_at < ${at}::timestamptz - make_interval(hours => ${UNATTACHED_UPLOAD_HOURS}) RETURNING id`),
      drafts: await count(sql`DELETE FROM drafts WHERE updated_at < ${at}::timestamptz - make_interval(days => ${DRAFT_DAYS}) RETURNING user_id`),
      sessions: await count(sql`DELETE FROM sessions WHERE expires_at < ${at}::timestamptz RETURNING token_hash`),
      idempotencyKeys: await count(sql`DELETE FROM idempotency_keys WHERE created_at < ${at}::timestamptz - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS}) RETURNING key`),
    };
    if (Object.values(outcome).some((n) => n > 0)) {
      await tx.execute(sql`INSERT INTO audit_log (at, actor_user_id, action, entity_type, details) VALUES (now(), NULL, 'retention.housekeeping', 'platform', ${JSON.stringify(outcome)}::jsonb)`);
    }
    return outcome;
  });
}
