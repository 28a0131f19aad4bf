import { asc, gt } from 'drizzle-orm';
import { auditLog, type Db } from '@indgang/db';
import { auditHash, GENESIS_HASH } from './auditHash';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  headHash: string;
  /** The first entry that was edited, or whose predecessor was deleted. */
  firstBrokenSeq: number | null;
  reason: 'edited' | 'broken_link' | null;
}

/** Recomputes every hash from the stored content and checks each link to its predecessor. */
export async function verifyAuditChain(db: Pick<Db, 'select'>, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, entries, headHash: prevHash, firstBrokenSeq: row.seq, reason: 'broken_link' };
      const expected = auditHash(row.prevHash, {
        at: row.at.toISOString(),
        actorUserId: row.actorUserId,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        subjectPersonId: row.subjectPersonId,
        details: row.details,
      });
      if (expected !== row.hash) return { ok: false, entries, headHash: prevHash, firstBrokenSeq: row.seq, reason: 'edited' };
      prevHash = row.hash;
      lastSeq = row.seq;
      entries += 1;
    }
  }
  return { ok: true, entries, headHash: prevHash, firstBrokenSeq: null, reason: null };
}
