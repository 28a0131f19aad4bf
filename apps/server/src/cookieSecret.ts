import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { settings, type Db } from '@indgang/db';

/** The secret as this function stores it: a JSON string in settings. */
function secretOf(value: unknown): string {
  if (typeof value !== 'string') throw new Error('settings.cookie_secret is not a string');
  return value;
}

/** SESSION_SECRET when given; otherwise one generated on first start and kept in the database. */
export async function cookieSecret(db: Db, configured?: string): Promise<string> {
  if (configured) return configured;
  const [row] = await db.select().from(settings).where(eq(settings.key, 'cookie_secret'));
  if (row) return secretOf(row.value);
  const secret = randomBytes(32).toString('base64url');
  await db.insert(settings).values({ key: 'cookie_secret', value: secret }).onConflictDoNothing();
  const [stored] = await db.select().from(settings).where(eq(settings.key, 'cookie_secret'));
  return secretOf(stored?.value);
}
