import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { sessions, type Db } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { appendAudit } from '../audit/appendAudit';

export interface Session { userId: string; csrfToken: string; expiresAt: Date }

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session: the random token goes to the browser cookie, only its hash is stored. */
export async function createSession(deps: { db: Db }, userId: string, method: 'demo' | 'oidc', ttlHours = 10): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const session: Session = { userId, csrfToken: randomBytes(24).toString('base64url'), expiresAt: new Date(Date.now() + ttlHours * 3600_000) };
  await deps.db.transaction(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    await tx.insert(sessions).values({ tokenHash: hashToken(token), ...session });
    await appendAudit(tx, { actorUserId: userId, action: 'session.login', entityType: 'user', entityId: userId, details: { method } });
  });
  return { token, session };
}

export async function findSession(db: Pick<Db, 'select'>, token: string): Promise<Session | null> {
  const [row] = await db.select().from(sessions).where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
  return row ? { userId: row.userId, csrfToken: row.csrfToken, expiresAt: row.expiresAt } : null;
}

export async function endSession(deps: { db: Db }, token: string): Promise<void> {
  await deps.db.transaction(async (tx: Tx) => {
    const [row] = await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).returning();
    if (row) await appendAudit(tx, { actorUserId: row.userId, action: 'session.logout', entityType: 'user', entityId: row.userId });
  });
}
