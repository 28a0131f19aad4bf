import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { fromDatabase } from './databaseErrors';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  kind: 'embedded' | 'postgres';
  db: Db;
  pool: pg.Pool;
  /** Connection settings for other clients (job workers, benchmarks) of the same database. */
  connection: pg.PoolConfig;
  close(): Promise<void>;
  /** The embedded database's data folder as an archive, to open copies of it (`loadDataDir`). */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenDatabaseOptions {
  /** postgres://… for PostgreSQL; absent for the embedded database. */
  url?: string;
  /** Data folder of the embedded database; absent means in memory. */
  dataDir?: string;
  /** An archive of an embedded database's data folder to start from (see `dumpDataDir`). */
  loadDataDir?: Blob;
  /** Connections to PostgreSQL (default 10); the embedded database always uses one. */
  poolSize?: number;
  /**
   * Told of a connection that broke outside any query (terminated by the server, a restart, a
   * network fault). The connection is dropped and the next query opens a new one.
   */
  onConnectionError?: (error: Error) => void;
}

const CONNECT_TIMEOUT_MS = 5000;

/**
 * A pool whose connections never crash the process: a connection the server terminates emits
 * 'error' on its client, which without a listener would be an uncaught exception. Every client gets
 * a listener; pg marks the client unusable, so the pool discards it when it is released.
 */
function resilientPool(config: pg.PoolConfig, onConnectionError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool(config);
  // Errors of getting a connection are marked as the database's, so a 503 says so and nothing else does.
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | undefined;
  pool.connect = ((callback?: unknown) =>
    typeof callback === 'function'
      ? connect(callback)
      : connect()!.catch((error: unknown) => {
          throw fromDatabase(error);
        })) as typeof pool.connect;
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  pool.query = ((...args: unknown[]) =>
    typeof args.at(-1) === 'function'
      ? query(...args)
      : query(...args).catch((error: unknown) => {
          throw fromDatabase(error);
        })) as typeof pool.query;
  // pg-pool re-emits an idle client's error on the pool; the client's own listener reports it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', onConnectionError);
  });
  return pool;
}

const SOCKET_PORT = 5432;

// Calendar dates stay 'YYYY-MM-DD' strings in every query, never Dates shifted by a time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * Opens PostgreSQL or the embedded PGlite. PGlite is served over a Unix socket so that the
 * application talks node-postgres, with the same SQL and migrations, in both modes.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const poolSize = options.poolSize ?? 10;
  const onConnectionError = options.onConnectionError ?? (() => undefined);
  if (options.url) {
    const connection: pg.PoolConfig = {
      connectionString: options.url,
      max: poolSize,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    };
    const pool = resilientPool(connection, onConnectionError);
    return { kind: 'postgres', db: drizzle(pool, { schema }), pool, connection, close: () => pool.end() };
  }
  // PGlite is one session: the socket server interleaves the protocol messages of concurrent
  // connections, so the embedded mode keeps exactly one connection and queues requests for it.
  const embeddedPoolSize = 1;
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const socketDir = await mkdtemp(join(tmpdir(), 'indgang-pg-'));
  const server = new PGLiteSocketServer({
    db: pglite,
    path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    maxConnections: embeddedPoolSize + 1,
  });
  await server.start();
  const connection: pg.PoolConfig = {
    host: socketDir,
    port: SOCKET_PORT,
    user: 'postgres',
    database: 'postgres',
    max: embeddedPoolSize,
    idleTimeoutMillis: 0,
  };
  // Every socket connection reaches the same PGlite session, which outlives a replaced connection:
  // a new connection forgets the prepared statements an earlier one left behind, and the pool
  // waits for that (pg-pool's onConnect) before it hands the connection to anyone.
  const pool = resilientPool(
    {
      ...connection,
      // pg-pool awaits the promise, though @types/pg declares the hook as returning nothing.
      // eslint-disable-next-line @typescript-eslint/no-misused-promises
      onConnect: async (client) => {
        await client.query('DEALLOCATE ALL');
      },
    },
    onConnectionError,
  );
  return {
    kind: 'embedded',
    db: drizzle(pool, { schema }),
    pool,
    connection,
    dumpDataDir: () => pglite.dumpDataDir('none') as Promise<Blob>,
    async close() {
      await pool.end();
      await server.stop();
      await pglite.close();
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}
