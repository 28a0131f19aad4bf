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
  const { rows } = await executePrepared(
    db,
    actorQuery(
      sql`, s.csrf_token, s.expires_at`,
      sql`FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ${hashToken(token)} AND s.expires_at > now()`,
      today,
    ),
  );
  const row = rows[0] as unknown as
    (ActorRow & { user_id: string; csrf_token: string; expires_at: string }) | undefined;
  if (!row) return null;
  return {
    session: { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at) },
    actor: toActor(row.user_id, row),
  };
}
