import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJobKind } from '../jobs/defineJobKind';
import { todayInDenmark } from '../time/isoDate';
import { runHousekeeping } from './runHousekeeping';
import { runRetention } from './runRetention';

/** The setting the retention overview reads: the Danish date of the last retention run. */
export const LAST_RETENTION = 'retention.last_run';

/** Hourly housekeeping (a recurring job): deletes uploads, drafts, sessions and keys that have expired. */
export const housekeepingJob = defineJobKind({
  name: 'maintenance.housekeeping',
  title: { da: 'Oprydning', en: 'Housekeeping' },
  payload: z.object({}).strict(),
  maxAttempts: 3,
  timeoutMs: 10 * 60_000,
  async run(services) {
    const done = await runHousekeeping({ db: services.db });
    if (Object.values(done).some((n) => n > 0))
      services.log(`housekeeping deleted what had expired: ${JSON.stringify(done)}`);
  },
});

/** The nightly retention run (a recurring job): anonymises or deletes resolved cases by their service's rule. */
export const retentionJob = defineJobKind({
  name: 'privacy.retention',
  title: { da: 'Sletning efter opbevaringsregler', en: 'Retention run' },
  payload: z.object({}).strict(),
  maxAttempts: 3,
  timeoutMs: 60 * 60_000,
  async run(services) {
    const now = new Date();
    const outcomes = await runRetention({ db: services.db }, now);
    await services.db.execute(
      sql`INSERT INTO settings (key, value) VALUES (${LAST_RETENTION}, to_jsonb(${todayInDenmark(now)}::text)) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    services.log(`retention run done: ${JSON.stringify(outcomes)}`);
  },
});
