import type { Db } from '@indgang/db';
import { DomainError } from '../errors/DomainError';
import { createSession, type Session } from './createSession';
import { listDemoUsers } from './listDemoUsers';

/** Starts a session as one of the demo users (embedded and demo mode only); any other user id is refused. */
export async function startDemoSession(
  deps: { db: Db },
  userId: string,
): Promise<{ token: string; session: Session }> {
  const demo = (await listDemoUsers(deps)).some((u) => u.id === userId);
  if (!demo)
    throw new DomainError('not_found', 'unknown_demo_user', {
      da: 'Demo-brugeren findes ikke.',
      en: 'Unknown demo user.',
    });
  return createSession(deps, userId, 'demo');
}
