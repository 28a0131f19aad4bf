import type { Logger } from 'pino';
import { describeDatabaseError, type Database } from '@indgang/db';

/** The database did not answer within the configured time; `message` is one line for the operator. */
export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** Host, port, user and database of a connection string, never its password. */
export function databaseTarget(url: string | undefined) {
  if (!url) return { host: 'embedded', port: '-', user: 'postgres', database: 'postgres' };
  try {
    const u = new URL(url);
    return {
      host: u.hostname || 'localhost',
      port: u.port || '5432',
      user: decodeURIComponent(u.username) || process.env.USER,
      database: decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username),
    };
  } catch {
    return { host: '(unreadable DATABASE_URL)', port: '-', user: '-', database: '-' };
  }
}

/**
 * Tries the database until it answers, with back-off (0.5 s doubling to 15 s), for at most
 * `timeoutMs`. Each failed try logs one line saying what is wrong and is passed to `onWaiting`.
 */
export async function waitForDatabase(
  database: Database,
  options: {
    url?: string;
    timeoutMs: number;
    log: Logger;
    onWaiting(reason: string): void;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<void> {
  const target = databaseTarget(options.url);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  let delay = 500;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await database.pool.query('SELECT 1');
      if (attempt > 1)
        options.log.info({ attempt, waitedS: Math.round((Date.now() - started) / 1000) }, 'database answers');
      return;
    } catch (error) {
      const line = describeDatabaseError(error, target);
      const waited = Date.now() - started;
      if (waited >= options.timeoutMs) {
        throw new DatabaseUnreachableError(
          `${line} (gave up after ${Math.round(waited / 1000)} s; DATABASE_WAIT_SECONDS=${Math.round(options.timeoutMs / 1000)})`,
        );
      }
      const pause = Math.min(delay, options.timeoutMs - waited);
      options.onWaiting(line);
      options.log.warn(`database not ready: ${line}; retrying in ${(pause / 1000).toFixed(1)} s`);
      await sleep(pause);
      delay = Math.min(delay * 2, 15_000);
    }
  }
}
