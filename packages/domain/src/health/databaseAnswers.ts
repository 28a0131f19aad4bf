import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';

/** Whether the database answers a trivial query within the time given; a database that hangs counts as down. */
export async function databaseAnswers(deps: { db: Pick<Db, 'execute'> }, timeoutMs = 2000): Promise<boolean> {
  try {
    await Promise.race([
      deps.db.execute(sql`SELECT 1`),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('health check timed out')), timeoutMs).unref(),
      ),
    ]);
    return true;
  } catch {
    return false;
  }
}
