import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../migrate';
import { openDatabase, type Database } from '../openDatabase';

export interface TestDatabase {
  database: Database;
  /** The embedded database's data as an archive another test database can start from. */
  dump?(): Promise<Blob>;
  url?: string;
  drop(): Promise<void>;
}
export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  /** A fresh migrated database; an embedded one may start as a copy of an archive (`from`). */
  create(options?: { from?: Blob }): Promise<TestDatabase>;
}

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The databases integration tests run on: always the embedded PGlite, and PostgreSQL when
 * TEST_DATABASE_URL (or the local default) answers. INDGANG_REQUIRE_POSTGRES=true makes an
 * unreachable PostgreSQL an error instead of a skip.
 */
export async function testDatabaseTargets(): Promise<TestDatabaseTarget[]> {
  const targets: TestDatabaseTarget[] = [
    {
      name: 'pglite',
      async create(options) {
        const database = await openDatabase({ loadDataDir: options?.from });
        await migrate(database.pool);
        return { database, dump: () => database.dumpDataDir!(), drop: () => database.close() };
      },
    },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  if (await reachable(adminUrl)) {
    targets.push({ name: 'postgres', create: () => createPostgresDatabase(adminUrl) });
  } else if (process.env.INDGANG_REQUIRE_POSTGRES === 'true') {
    throw new Error(`PostgreSQL is required for this run but does not answer at ${adminUrl}`);
  }
  return targets;
}

/** A fresh, migrated PostgreSQL database next to `adminUrl`'s, dropped again by `drop()`. */
export async function createPostgresDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `indgang_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.href });
  await migrate(database.pool);
  return {
    database,
    url: url.href,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
