import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { appendAudit } from '../audit/appendAudit';
import { UNATTACHED_UPLOAD_HOURS } from '../cases/uploadLimits';
import { LOOKUP_MINUTES } from '../connectors/lookups/lookupLimits';
import { IDEMPOTENCY_KEY_HOURS } from '../idempotency/runIdempotent';

/** A form draft nobody has touched for this many days is deleted. */
export const DRAFT_DAYS = 90;

export interface HousekeepingOutcome {
  uploads: number;
  drafts: number;
  sessions: number;
  idempotencyKeys: number;
  lookups: number;
}

/**
 * Deletes what is kept only for a while: uploads never attached to a case (after a day, unless a
 * draft still names them: they go with the draft), drafts untouched for DRAFT_DAYS, expired
 * sessions, Idempotency-Key answers older than a day, and lookups' answers (personal data from
 * other systems) after LOOKUP_MINUTES. What was deleted is written to the
 * audit trail as counts, never contents.
 */
export async function runHousekeeping(
  deps: { db: Db },
  now: Date = new Date(),
): Promise<HousekeepingOutcome> {
  return deps.db.transaction(async (tx) => {
    const at = now.toISOString();
    const count = async (statement: ReturnType<typeof sql>) => (await tx.execute(statement)).rows.length;
    const outcome: HousekeepingOutcome = {
      drafts: await count(
        sql`DELETE FROM drafts WHERE updated_at < ${at}::timestamptz - make_interval(days => ${DRAFT_DAYS}) RETURNING user_id`,
      ),
      uploads:
        await count(sql`DELETE FROM attachments a WHERE a.case_id IS NULL AND a.created_at < ${at}::timestamptz - make_interval(hours => ${UNATTACHED_UPLOAD_HOURS})
        AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.user_id = a.uploaded_by_user_id AND strpos(d.answers::text, a.id) > 0) RETURNING a.id`),
      sessions: await count(
        sql`DELETE FROM sessions WHERE expires_at < ${at}::timestamptz RETURNING token_hash`,
      ),
      idempotencyKeys: await count(
        sql`DELETE FROM idempotency_keys WHERE created_at < ${at}::timestamptz - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS}) RETURNING key`,
      ),
      lookups: await count(
        sql`DELETE FROM connector_lookups WHERE created_at < ${at}::timestamptz - make_interval(mins => ${LOOKUP_MINUTES}) RETURNING id`,
      ),
    };
    if (Object.values(outcome).some((n) => n > 0)) {
      await appendAudit(tx, {
        actorUserId: null,
        action: 'retention.housekeeping',
        entityType: 'platform',
        details: { ...outcome },
      });
    }
    return outcome;
  });
}
