import { sql, type SQL } from 'drizzle-orm';
import { executePrepared, type Db } from '@indgang/db';
import { DomainError } from '../errors/DomainError';

export interface IdempotencyClaim {
  userId: string;
  key: string;
  /** Method and route pattern, e.g. "POST /api/v1/cases". */
  route: string;
  /** Hash of what was asked (parameters and body). */
  requestHash: string;
}

export interface IdempotentOutcome<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** How long a key is remembered; the retention job forgets older ones. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** Thrown by a create whose claim's record already existed, so it wrote nothing: the first answer stands. */
export class IdempotencyKeyUsed extends Error {
  constructor() {
    super('idempotency key used before');
  }
}

async function stored<T>(db: Db, claim: IdempotencyClaim): Promise<IdempotentOutcome<T> | null> {
  // response is the first answer's body, as the create that used the key recorded it.
  const {
    rows: [row],
  } = await executePrepared<{ route: string; requestHash: string; status: number; response: T }>(
    db,
    sql`SELECT route, request_hash AS "requestHash", status, response FROM idempotency_keys WHERE user_id = ${claim.userId} AND key = ${claim.key}`,
  );
  if (!row) return null;
  if (row.route !== claim.route || row.requestHash !== claim.requestHash) {
    throw new DomainError('unprocessable', 'idempotency_key_reused', {
      da: 'Idempotency-Key er allerede brugt til en anden forespørgsel. Send en ny nøgle med en ny forespørgsel.',
      en: 'The Idempotency-Key was already used for another request. Send a new key with a new request.',
    });
  }
  return { status: row.status, body: row.response, replayed: true };
}

/**
 * The statement that records a claim with its answer (`from` may name the rows the answer is built
 * from). A create that writes in one statement puts it in that statement (see
 * `runIdempotentInline`); a second record of the same key fails the statement.
 */
export function idempotencyRecordSql(
  claim: IdempotencyClaim,
  status: number,
  response: SQL,
  from: SQL = sql``,
): SQL {
  return sql`INSERT INTO idempotency_keys (user_id, key, route, request_hash, status, response)
    SELECT ${claim.userId}, ${claim.key}, ${claim.route}, ${claim.requestHash}, ${status}::int, ${response} ${from}`;
}

/**
 * Runs a create once per key. The work runs in a transaction that also records the key with the
 * answer, so both exist or neither does: an answer lost after commit is found by the retry. When
 * the work fails in any way (its record conflicts because the key was used before, or a check
 * refuses what the first request already did), the first answer, if there is one, is the answer.
 * Two concurrent requests with one key: the second's record waits for the first's commit,
 * conflicts, and is rolled back with everything it did.
 */
export async function runIdempotent<T>(
  db: Db,
  claim: IdempotencyClaim,
  work: (tx: Db) => Promise<{ status: number; body: T }>,
): Promise<IdempotentOutcome<T>> {
  return runIdempotentInline(db, claim, () =>
    db.transaction(async (tx) => {
      const result = await work(tx as unknown as Db);
      await tx.execute(
        idempotencyRecordSql(claim, result.status, sql`${JSON.stringify(result.body ?? null)}::jsonb`),
      );
      return result;
    }),
  );
}

/**
 * The same for a create that records the claim itself, atomically with what it writes (one
 * statement, no transaction round trips: the hot intake path). `work` writes the record with
 * `idempotencyRecordSql` and throws `IdempotencyKeyUsed` when it wrote nothing because of it.
 * Nothing is read before the work, so a first request costs no extra round trip.
 */
export async function runIdempotentInline<T>(
  db: Db,
  claim: IdempotencyClaim,
  work: (claim: IdempotencyClaim) => Promise<{ status: number; body: T }>,
): Promise<IdempotentOutcome<T>> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return { ...(await work(claim)), replayed: false };
    } catch (error) {
      const first = await stored<T>(db, claim);
      if (first) return first;
      // The record that stopped the work was forgotten in between (keys live a day): do it now.
      if (error instanceof IdempotencyKeyUsed && attempt === 0) continue;
      throw error;
    }
  }
}
