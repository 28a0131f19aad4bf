import { sql } from 'drizzle-orm';
import { sqlArray, type Db } from '@indgang/db';
import { auditHash, GENESIS_HASH } from './auditHash';

/** One sealer at a time; anchoring takes the same lock, so one process at a time seals or anchors. */
export const SEAL_LOCK = 720_002;

/** An audit entry as the chain hashes it (`a` is audit_log); bigints and timestamps arrive as text. */
export type AuditEntryRow = {
  seq: string;
  at: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  subjectPersonId: string | null;
  /** What appendAudit was given, hashed as stored. */
  details: unknown;
};
export const auditEntryColumns = sql`a.seq, a.at, a.actor_user_id AS "actorUserId", a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.subject_person_id AS "subjectPersonId", a.details`;

/** The chain's last link; its position is a bigint, which arrives as text. */
export type ChainHeadRow = { pos: string; hash: string };

export function contentOf(row: AuditEntryRow) {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorUserId: row.actorUserId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    subjectPersonId: row.subjectPersonId,
    details: row.details,
  };
}

/**
 * Links every final audit entry into the hash chain. An entry is final when its transaction is
 * older than the oldest one still running (so no earlier-numbered entry can still appear). One
 * sealer at a time (advisory lock); safe to call from many processes and as often as wanted.
 */
export async function sealAuditChain(deps: { db: Db }, batchSize = 2000): Promise<number> {
  const { db } = deps;
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const { rows: lock } = await tx.execute<{ ok: boolean }>(
        sql`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS ok`,
      );
      if (!lock[0]?.ok) return 0;
      const { rows: last } = await tx.execute<ChainHeadRow>(
        sql`SELECT pos, hash FROM audit_chain ORDER BY pos DESC LIMIT 1`,
      );
      let prev = last[0]?.hash ?? GENESIS_HASH;
      // Positions follow the last link under the lock: a rolled-back round leaves no gap.
      let pos = Number(last[0]?.pos ?? 0);
      const { rows } = await tx.execute<AuditEntryRow>(sql`
        SELECT ${auditEntryColumns}
        FROM audit_log a
        WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = a.seq)
          AND a.xid < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
        ORDER BY a.seq LIMIT ${batchSize}`);
      if (rows.length === 0) return 0;
      const links = rows.map((row) => {
        const hash = auditHash(prev, contentOf(row));
        pos += 1;
        const link = { pos, seq: Number(row.seq), prevHash: prev, hash };
        prev = hash;
        return link;
      });
      await tx.execute(sql`INSERT INTO audit_chain (pos, seq, prev_hash, hash)
        SELECT * FROM unnest(${sqlArray(links.map((l) => l.pos))}::bigint[], ${sqlArray(links.map((l) => l.seq))}::bigint[], ${sqlArray(links.map((l) => l.prevHash))}::text[], ${sqlArray(links.map((l) => l.hash))}::text[])`);
      return links.length;
    });
    sealed += n;
    if (n < batchSize) return sealed;
  }
}
