import { eq } from 'drizzle-orm';
import { users, type Db } from '@indgang/db';
import { DEMO_USERS } from '../demo/seedDemoMunicipality';
import type { LocalizedText } from '../errors/DomainError';

export interface DemoUser {
  id: string;
  displayName: string;
  description: LocalizedText;
}

/** The demo logins of the embedded mode, with what each of them does. */
export async function listDemoUsers(deps: { db: Db }): Promise<DemoUser[]> {
  const rows = await deps.db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.isDemo, true));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return DEMO_USERS.flatMap((spec) => {
    const row = byId.get(spec.id);
    return row ? [{ id: row.id, displayName: row.displayName, description: spec.description }] : [];
  });
}
