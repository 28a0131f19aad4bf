import { asc, eq } from 'drizzle-orm';
import { users, type Db } from '@indgang/db';
import { DEMO_USERS } from '../demo/seedDemoMunicipality';
import type { LocalizedText } from '../errors/DomainError';

export interface DemoUser { id: string; displayName: string; description: LocalizedText }

/** The demo logins of the embedded mode, with what each of them does. */
export async function listDemoUsers(deps: { db: Db }): Promise<DemoUser[]> {
  const rows = await deps.db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.isDemo, true)).orderBy(asc(users.id));
  const order = new Map(DEMO_USERS.map((u, i) => [u.id, u]));
  return rows
    .filter((r) => order.has(r.id))
    .sort((a, b) => DEMO_USERS.indexOf(order.get(a.id)!) - DEMO_USERS.indexOf(order.get(b.id)!))
    .map((r) => ({ id: r.id, displayName: r.displayName, description: order.get(r.id)!.description }));
}
