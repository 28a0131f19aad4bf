import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import { executePrepared, sessions, type Db } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { appendAudit } from '../audit/appendAudit';
import type { Actor } from '../access/Actor';
import { actorQuery, toActor, type ActorRow } from '../access/loadActor';

export interface Session {
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session: the random token goes to the browser cookie, only its hash is stored. */
export async function createSession(
  deps: { db: Db },
  userId: string,
  method: 'demo' | 'oidc',
  ttlHours = 10,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const session: Session = {
    userId,
    csrfToken: randomBytes(24).toString('base64url'),
    expiresAt: new Date(Date.now() + ttlHours * 3600_000),
  };
  await deps.db.transaction(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    await tx.insert(sessions).values({ tokenHash: hashToken(token), ...session });
    await appendAudit(tx, {
      actorUserId: userId,
      action: 'session.login',
      entityType: 'user',
      entityId: userId,
      details: { method },
    });
  });
  return { token, session };
}

/** The live session of a cookie token and the actor it belongs to, in one query; null when there is none. */
export async function authenticateSession(
  db: Pick<Db, 'execute'>,
  token: string,
  today: string,
): Promise<{ session: Session; actor: Actor } | null> {
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

export async function endSession(deps: { db: Db }, token: string): Promise<void> {
  await deps.db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .delete(sessions)
      .where(eq(sessions.tokenHash, hashToken(token)))
      .returning();
    if (row)
      await appendAudit(tx, {
        actorUserId: row.userId,
        action: 'session.logout',
        entityType: 'user',
        entityId: row.userId,
      });
  });
}
