import { createHash } from 'node:crypto';

/** SQLSTATE classes and codes that mean "the database cannot be reached now", not "the query is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300)$/;
const UNAVAILABLE_SYSCALL = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOENT',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection ended|connection timeout|not currently accepting connections|the database system is (starting up|shutting down|in recovery)/i;

interface ErrorLike {
  message?: string;
  code?: string;
  cause?: unknown;
  query?: string;
  severity?: string;
  routine?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** The driver's error inside a wrapper (drizzle wraps each failed query with its text and parameters). */
function innermost(error: unknown): ErrorLike {
  let e = error as ErrorLike | undefined;
  for (let i = 0; i < 5 && e && e.cause && typeof e.cause === 'object'; i += 1) e = e.cause as ErrorLike;
  return e ?? {};
}

/** Marks an error as coming from the database, so a refused connection elsewhere is not taken for one. */
export function fromDatabase<E>(error: E, query?: string): E {
  if (error && typeof error === 'object')
    Object.assign(error, { fromDatabase: true, ...(query && !('query' in error) ? { query } : {}) });
  return error;
}

/**
 * True when the error says the database is out of reach (a dropped connection, a restart, no
 * server). Only errors from the database driver count: a failed query (drizzle's wrapper carries
 * it), an error marked with `fromDatabase`, or a server error with a SQLSTATE of that kind.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const outer = (error ?? {}) as ErrorLike & { fromDatabase?: boolean };
  const e = innermost(error);
  if (typeof e.code === 'string' && UNAVAILABLE_SQLSTATE.test(e.code)) return true;
  if (!outer.fromDatabase && typeof outer.query !== 'string') return false;
  if (typeof e.code === 'string' && UNAVAILABLE_SYSCALL.has(e.code)) return true;
  return typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message);
}

/** The name a statement is known by in logs: a hash of its text, never the text with its values. */
export function statementName(text: string): string {
  return `indgang_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}

/**
 * What may be logged of an error: its type, code and the statement's name, never the query's
 * parameters or the message (which can quote a value, e.g. "invalid input syntax … "0101…"").
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!error || typeof error !== 'object') return { type: typeof error };
  const outer = error as ErrorLike & { name?: string; stack?: string; constructor?: { name?: string } };
  const inner = innermost(error);
  const query = typeof outer.query === 'string' ? outer.query : undefined;
  const isDatabase =
    query !== undefined ||
    typeof inner.severity === 'string' ||
    (typeof inner.code === 'string' && /^[0-9A-Z]{5}$/.test(inner.code));
  const frames = (outer.stack ?? '')
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .slice(0, 8)
    .join('\n');
  if (!isDatabase) {
    return {
      type: outer.constructor?.name ?? outer.name ?? 'Error',
      message: outer.message,
      ...(inner.code ? { code: inner.code } : {}),
      stack: frames,
    };
  }
  return {
    type: 'DatabaseError',
    code: inner.code ?? null,
    ...(query ? { statement: statementName(query) } : {}),
    ...(inner.routine ? { routine: inner.routine } : {}),
    ...(inner.constraint ? { constraint: inner.constraint } : {}),
    ...(inner.table ? { table: inner.table } : {}),
    stack: frames,
  };
}

/**
 * One line that says why the database cannot be used, for an operator reading the log at start:
 * which host does not answer, that the password was refused, that the database does not exist.
 */
export function describeDatabaseError(
  error: unknown,
  target: { host?: string; port?: number | string; user?: string; database?: string },
): string {
  const e = innermost(error);
  const where = `${target.host ?? 'localhost'}:${target.port ?? 5432}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `nothing answers at ${where} (connection refused): is PostgreSQL running there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name "${target.host}" cannot be resolved`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} cannot be reached (${e.code})`;
    case 'ENOENT':
      return `no database socket at ${where}`;
    case '28P01':
      return `authentication failed for user "${target.user}" at ${where}: wrong password`;
    case '28000':
      return `user "${target.user}" may not connect at ${where} (authentication refused)`;
    case '3D000':
      return `database "${target.database}" does not exist at ${where}`;
    case '57P03':
      return `PostgreSQL at ${where} is starting up or shutting down`;
    case '53300':
      return `PostgreSQL at ${where} has no free connections`;
    default:
      if (typeof e.message === 'string' && /timeout/i.test(e.message))
        return `${where} did not answer in time`;
      if (typeof e.message === 'string' && /terminated|ended/i.test(e.message))
        return `the connection to ${where} was closed before PostgreSQL answered (network, firewall or server restarting)`;
      return `the database at ${where} cannot be used (${e.code ?? 'no code'})`;
  }
}

/** The SQLSTATE `indgang_fail(reason)` raises; the reason travels as the error's constraint name. */
export const INDGANG_FAILURE_SQLSTATE = 'IG001';

/**
 * True when the database refused with this named condition: `indgang_fail(reason)` inside a
 * statement, or a constraint of that name (e.g. a unique index). Recognised by SQLSTATE class and
 * constraint name, never by message text.
 */
export function isNamedFailure(error: unknown, name: string): boolean {
  const e = innermost(error);
  if (e.constraint !== name || typeof e.code !== 'string') return false;
  return e.code === INDGANG_FAILURE_SQLSTATE || e.code.startsWith('23');
}
