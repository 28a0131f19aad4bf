import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { todayInDenmark } from '../time/isoDate';
import { runHousekeeping } from './runHousekeeping';
import { runRetention } from './runRetention';

export interface MaintenanceLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

const LEASE = 'maintenance.lease';
const LAST_RETENTION = 'retention.last_run';
const HOUR_IN_DENMARK = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' });

/**
 * Takes the maintenance lease (a row in settings, so it works on the one-connection embedded
 * database too): one process at a time does maintenance, and a crashed holder's lease runs out.
 */
async function withLease(db: Db, minutes: number, work: () => Promise<void>): Promise<boolean> {
  const { rows } = await db.execute(sql`
    INSERT INTO settings (key, value) VALUES (${LEASE}, jsonb_build_object('until', now() + make_interval(mins => ${minutes})))
    ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE (settings.value->>'until')::timestamptz < now()
    RETURNING key`);
  if (rows.length === 0) return false;
  try {
    await work();
  } finally {
    await db.execute(sql`UPDATE settings SET value = jsonb_build_object('until', now()) WHERE key = ${LEASE}`);
  }
  return true;
}

/**
 * Housekeeping every hour, and once a day from `nightlyHour` (Danish time) the retention run,
 * which is recorded so that restarts and other processes do not repeat it the same day.
 */
export function startMaintenance(db: Db, options: { log: MaintenanceLog; checkEveryMs?: number; nightlyHour?: number; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  const nightlyHour = options.nightlyHour ?? 2;
  let lastHousekeeping = 0;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => withLease(db, 30, async () => {
      const at = now();
      if (at.getTime() - lastHousekeeping >= 3_600_000) {
        const done = await runHousekeeping({ db }, at);
        lastHousekeeping = at.getTime();
        if (Object.values(done).some((n) => n > 0)) options.log.info({ housekeeping: done }, 'housekeeping deleted what had expired');
      }
      const today = todayInDenmark(at);
      if (Number(HOUR_IN_DENMARK.format(at)) < nightlyHour) return;
      const { rows } = await db.execute(sql`SELECT value #>> '{}' AS day FROM settings WHERE key = ${LAST_RETENTION}`);
      if ((rows[0]?.day as string | undefined) === today) return;
      const outcomes = await runRetention({ db }, at);
      await db.execute(sql`INSERT INTO settings (key, value) VALUES (${LAST_RETENTION}, to_jsonb(${today}::text)) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
      options.log.info({ retention: outcomes }, 'retention run done');
    })).catch((err: unknown) => options.log.warn({ err }, 'maintenance failed'));
    return running;
  };
  const timer = setInterval(() => { void tick(); }, options.checkEveryMs ?? 600_000);
  void tick();
  return {
    async stop() { clearInterval(timer); await running; },
  };
}
