import { escalateOverdueSteps } from '../process/escalateOverdueSteps';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { repeatEvery } from '../jobs/repeatEvery';
import { todayInDenmark } from '../time/isoDate';
import { runHousekeeping } from './runHousekeeping';
import { runRetention } from './runRetention';

export interface MaintenanceLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

const LEASE = 'maintenance.lease';
const LAST_HOUSEKEEPING = 'housekeeping.last_run';
const LAST_RETENTION = 'retention.last_run';
const HOUR_IN_DENMARK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  hourCycle: 'h23',
});

/**
 * Takes the maintenance lease (a row in settings, so it works on the one-connection embedded
 * database too): one process at a time does maintenance, a crashed holder's lease runs out, and a
 * holder gives back only a lease that is still its own.
 */
async function withLease(db: Db, minutes: number, work: () => Promise<void>): Promise<boolean> {
  const holder = randomUUID();
  const { rows } = await db.execute(sql`
    INSERT INTO settings (key, value) VALUES (${LEASE}, jsonb_build_object('until', now() + make_interval(mins => ${minutes}), 'holder', ${holder}::text))
    ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE (settings.value->>'until')::timestamptz < now()
    RETURNING key`);
  if (rows.length === 0) return false;
  try {
    await work();
  } finally {
    await db.execute(
      sql`UPDATE settings SET value = jsonb_build_object('until', now()) WHERE key = ${LEASE} AND value->>'holder' = ${holder}`,
    );
  }
  return true;
}

/** The time a maintenance task last ran, as recorded for every process. */
async function lastRun(db: Db, key: string): Promise<string | null> {
  const { rows } = await db.execute<{ at: string }>(
    sql`SELECT value #>> '{}' AS at FROM settings WHERE key = ${key}`,
  );
  return rows[0]?.at ?? null;
}

async function recordRun(db: Db, key: string, at: string): Promise<void> {
  await db.execute(
    sql`INSERT INTO settings (key, value) VALUES (${key}, to_jsonb(${at}::text)) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
}

/**
 * Housekeeping once an hour, and once a day from `nightlyHour` (Danish time) the retention run;
 * both are recorded in the database, so restarts and other processes do not repeat them.
 */
export function startMaintenance(
  deps: { db: Db },
  options: { log: MaintenanceLog; checkEveryMs?: number; nightlyHour?: number; now?: () => Date },
) {
  const { db } = deps;
  const now = options.now ?? (() => new Date());
  const nightlyHour = options.nightlyHour ?? 2;
  const loop = repeatEvery(
    options.checkEveryMs ?? 600_000,
    async () => {
      await withLease(db, 30, async () => {
        const at = now();
        const housekept = await lastRun(db, LAST_HOUSEKEEPING);
        if (!housekept || at.getTime() - new Date(housekept).getTime() >= 3_600_000) {
          const done = await runHousekeeping({ db }, at);
          // Overdue process steps escalate once (until the recurring job schedule takes this over).
          const escalated = await escalateOverdueSteps({ db }, todayInDenmark(at));
          if (escalated > 0) options.log.info({ escalated }, 'overdue process steps escalated');
          await recordRun(db, LAST_HOUSEKEEPING, at.toISOString());
          if (Object.values(done).some((n) => n > 0))
            options.log.info({ housekeeping: done }, 'housekeeping deleted what had expired');
        }
        const today = todayInDenmark(at);
        if (Number(HOUR_IN_DENMARK.format(at)) < nightlyHour || (await lastRun(db, LAST_RETENTION)) === today)
          return;
        const outcomes = await runRetention({ db }, at);
        await recordRun(db, LAST_RETENTION, today);
        options.log.info({ retention: outcomes }, 'retention run done');
      });
    },
    (err) => options.log.warn({ err }, 'maintenance failed'),
  );
  void loop.run();
  return { stop: loop.stop };
}
