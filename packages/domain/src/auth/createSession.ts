import { createHash, randomBytes } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { sessions, type Db } from '@indgang/db';
import { appendAudit } from '../audit/appendAudit';

export interface Session {
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Sessions are stored by the SHA-256 of their token, never the token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

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
