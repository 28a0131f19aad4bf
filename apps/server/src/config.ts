import { join, resolve } from 'node:path';
import type { AnchorFiles, UploadLimits } from '@indgang/domain';
import type { RateLimitConfig } from './http/rateLimits';
import { loadConnectorConfig, type ConnectorConfig } from './connectors/connectorConfig';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  scopes: string;
  allowHttp: boolean;
}

export interface Config {
  host: string;
  port: number;
  /** Absent: the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** Connections to PostgreSQL per process. */
  databasePoolSize: number;
  /** How long start-up keeps trying a database that does not answer before it gives up. */
  databaseWaitSeconds: number;
  dataDir: string;
  /** The demo municipality and demo login page; on by default in the embedded mode only. */
  demo: boolean;
  demoSeed: number;
  /** A year of resolved demo cases, so that the KPIs measured from cases have a history. */
  demoHistory: boolean;
  demoScale?: number;
  publicUrl: string;
  cookieSecure: boolean;
  sessionSecret?: string;
  oidc?: OidcConfig;
  logLevel: string;
  webDist: string;
  catalogDir: string;
  /** smtp://user:pass@host:port; without it mails are logged, not sent. */
  smtpUrl?: string;
  mailFrom: string;
  /** Run the job worker in this process (INDGANG_WORKER=false leaves jobs to `indgang worker` processes). */
  worker: boolean;
  /** How a worker runs jobs: claim loops side by side, how long a claim holds, how often it looks. */
  jobs: { concurrency: number; leaseSeconds: number; pollMs: number };
  /** Which proxies to believe about the client's address (X-Forwarded-For): none, all, or the listed addresses. */
  trustProxy: boolean | string;
  rateLimits: RateLimitConfig;
  /** Bearer token for /metrics; without it, /metrics answers only the machine itself. */
  metricsToken?: string;
  /** How many months ahead a leader's delegation may end. */
  delegationMaxMonths: number;
  /** Files and bytes one person may upload in 24 hours, and one case may hold. */
  uploadLimits: UploadLimits;
  /** Each municipal system's endpoint (or its simulator, or off), and where the simulators answer. */
  connectors: ConnectorConfig;
  /** The audit chain's signing key and anchor file (outside the database), and how often the head is anchored. */
  audit: AnchorFiles & { anchorIntervalSeconds: number };
}

export const DEFAULT_PORT = 3100;

/** Reads the configuration from environment variables; see the README for each of them. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST ?? '127.0.0.1';
  const port = Number(env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  const publicUrl = (env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(
    /\/$/,
    '',
  );
  const dataDir = resolve(env.INDGANG_DATA_DIR ?? 'data');
  const demo = env.INDGANG_DEMO ? env.INDGANG_DEMO === 'true' : !databaseUrl;
  const oidc = env.OIDC_ISSUER
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: required(env, 'OIDC_CLIENT_ID'),
        clientSecret: env.OIDC_CLIENT_SECRET,
        redirectUri: env.OIDC_REDIRECT_URI ?? `${publicUrl}/auth/oidc/callback`,
        scopes: env.OIDC_SCOPES ?? 'openid email profile',
        allowHttp: env.OIDC_ALLOW_HTTP === 'true',
      }
    : undefined;
  return {
    host,
    port,
    databaseUrl,
    databasePoolSize: whole(env, 'DATABASE_POOL_SIZE', 20),
    databaseWaitSeconds: whole(env, 'DATABASE_WAIT_SECONDS', 120),
    dataDir,
    demo,
    demoSeed: Number(env.INDGANG_DEMO_SEED ?? 2026),
    demoHistory: env.INDGANG_DEMO_HISTORY !== 'false',
    demoScale: env.INDGANG_DEMO_SCALE ? Number(env.INDGANG_DEMO_SCALE) : undefined,
    publicUrl,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : publicUrl.startsWith('https://'),
    sessionSecret: env.SESSION_SECRET,
    oidc,
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: resolve(env.INDGANG_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    catalogDir: resolve(env.INDGANG_CATALOG_DIR ?? new URL('../../../catalog', import.meta.url).pathname),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Indgang <indgang@localhost>',
    worker: env.INDGANG_WORKER ? env.INDGANG_WORKER === 'true' : true,
    jobs: {
      // The embedded database is one connection: one loop; PostgreSQL runs several.
      concurrency: Math.max(1, whole(env, 'INDGANG_WORKER_CONCURRENCY', databaseUrl ? 4 : 1)),
      leaseSeconds: Math.max(1, whole(env, 'INDGANG_JOB_LEASE_SECONDS', 120)),
      pollMs: Math.max(50, whole(env, 'INDGANG_JOB_POLL_MS', 1000)),
    },
    trustProxy: trustProxy(env.TRUST_PROXY),
    metricsToken: env.METRICS_TOKEN || undefined,
    audit: {
      keyFile: resolve(env.AUDIT_SIGNING_KEY_FILE ?? join(dataDir, 'audit', 'signing-key.pem')),
      anchorFile: resolve(env.AUDIT_ANCHOR_FILE ?? join(dataDir, 'audit', 'anchors.jsonl')),
      publicKeyFile: env.AUDIT_PUBLIC_KEY_FILE ? resolve(env.AUDIT_PUBLIC_KEY_FILE) : undefined,
      anchorIntervalSeconds: whole(env, 'AUDIT_ANCHOR_INTERVAL_SECONDS', 60),
    },
    delegationMaxMonths: whole(env, 'DELEGATION_MAX_MONTHS', 12),
    connectors: loadConnectorConfig(env, { demo, dataDir, smtpUrl: env.SMTP_URL || undefined }),
    uploadLimits: {
      filesPerUserPerDay: whole(env, 'UPLOAD_MAX_FILES_PER_DAY', 200),
      bytesPerUserPerDay: whole(env, 'UPLOAD_MAX_MB_PER_DAY', 500) * 1024 * 1024,
      filesPerCase: whole(env, 'CASE_MAX_FILES', 50),
      bytesPerCase: whole(env, 'CASE_MAX_MB', 200) * 1024 * 1024,
    },
    rateLimits: {
      loginPerMinute: whole(env, 'RATE_LIMIT_LOGIN_PER_MINUTE', 20),
      uploadsPerMinute: whole(env, 'RATE_LIMIT_UPLOADS_PER_MINUTE', 60),
      publicPerMinute: whole(env, 'RATE_LIMIT_PUBLIC_PER_MINUTE', 600),
    },
  };
}

/** TRUST_PROXY: unset or "false" trusts no proxy; "true" every one; or a comma list of proxy addresses (CIDR allowed). */
function trustProxy(raw: string | undefined): boolean | string {
  if (!raw || raw === 'false') return false;
  return raw === 'true' ? true : raw;
}

/** A whole number setting (0 or more), or its default; anything else stops start-up with the variable's name. */
function whole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number of 0 or more, got "${raw}"`);
  return value;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set when OIDC_ISSUER is set`);
  return value;
}
