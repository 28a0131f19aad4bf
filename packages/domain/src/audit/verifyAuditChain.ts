import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { auditHash, GENESIS_HASH } from './auditHash';
import { contentOf } from './sealAuditChain';

export interface AuditVerification {
  ok: boolean;
  /** Entries checked through the chain. */
  entries: number;
  /** Final entries not yet sealed into the chain (sealing runs every second). */
  pending: number;
  headHash: string;
  /** The audit entry (seq) where the chain breaks. */
  firstBrokenSeq: number | null;
  reason: 'edited' | 'deleted' | 'broken_link' | null;
}

/** Recomputes every link of the chain from the stored entries; names the first edited, deleted or unlinked one. */
export async function verifyAuditChain(db: Pick<Db, 'execute'>, batchSize = 5000): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let lastPos = 0;
  let entries = 0;
  for (;;) {
    const { rows } = await db.execute(sql`
      SELECT c.pos, c.seq AS chain_seq, c.prev_hash, c.hash, a.seq, a.at, a.actor_user_id, a.action, a.entity_type, a.entity_id, a.subject_person_id, a.details
      FROM audit_chain c LEFT JOIN audit_log a ON a.seq = c.seq
      WHERE c.pos > ${lastPos} ORDER BY c.pos LIMIT ${batchSize}`);
    if (rows.length === 0) break;
    for (const row of rows as Array<Record<string, unknown>>) {
      const seq = Number(row.chain_seq);
      const broken = (reason: AuditVerification['reason']): AuditVerification => ({ ok: false, entries, pending: 0, headHash: prev, firstBrokenSeq: seq, reason });
      if (Number(row.pos) !== lastPos + 1 || row.prev_hash !== prev) return broken('broken_link');
      if (row.seq === null) return broken('deleted');
      if (auditHash(prev, contentOf(row as never)) !== row.hash) return broken('edited');
      prev = row.hash as string;
      lastPos += 1;
      entries += 1;
    }
  }
  const { rows } = await db.execute(sql`SELECT count(*)::int AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = a.seq)`);
  return { ok: true, entries, pending: rows[0]!.n as number, headHash: prev, firstBrokenSeq: null, reason: null };
}
