import { hashToken, type Session } from './createSession';
import { sql } from 'drizzle-orm';
import { executePrepared, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { actorQuery, toActor, type ActorRow } from '../access/loadActor';

/** The live session of a cookie token and the actor it belongs to, in one query; null when there is none. */
export async function authenticateSession(
  deps: { db: Pick<Db, 'execute'> },
  token: string,
  today: string,
): Promise<{ session: Session; actor: Actor } | null> {
  const { db } = deps;
  // expiresAt is a Date from the pool's prepared statement and PostgreSQL's text inside a transaction.
  const {
    rows: [row],
  } = await executePrepared<ActorRow & { csrfToken: string; expiresAt: Date | string }>(
    db,
    actorQuery(
      sql`, s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt"`,
      sql`FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ${hashToken(token)} AND s.expires_at > now()`,
      today,
    ),
  );
  if (!row) return null;
  return {
    session: { userId: row.userId, csrfToken: row.csrfToken, expiresAt: new Date(row.expiresAt) },
    actor: toActor(row.userId, row),
  };
}
