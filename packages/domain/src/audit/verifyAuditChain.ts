import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { AnchorLine } from './auditAnchor';
import { auditHash, GENESIS_HASH } from './auditHash';
import { auditEntryColumns, contentOf, type AuditEntryRow } from './sealAuditChain';

/** A link of the chain with the entry it covers; all of the entry null when it was deleted. */
type LinkRow = { pos: string; chainSeq: string; prevHash: string; hash: string } & (
  AuditEntryRow | { [K in keyof AuditEntryRow]: null }
);

export type AuditBreak =
  'edited' | 'deleted' | 'broken_link' | 'anchor_mismatch' | 'truncated' | 'other_chain';

export interface AuditVerification {
  ok: boolean;
  /** Entries checked through the chain. */
  entries: number;
  /** Final entries not yet sealed into the chain (sealing runs every second). */
  pending: number;
  headHash: string;
  headPos: number;
  /** The audit entry (seq) where the chain breaks. */
  firstBrokenSeq: number | null;
  reason: AuditBreak | null;
  /** Anchored heads the chain was checked against (outside the database, signed), and the newest. */
  anchors: { checked: number; lastPos: number | null; lastAt: string | null } | null;
  /** The anchored head the chain no longer agrees with. */
  brokenAnchor: { pos: number; at: string } | null;
}

/**
 * Recomputes every link of the chain from the stored entries, following each link to its
 * predecessor's hash (positions need not be consecutive), and names the first edited, deleted or
 * unlinked entry. With anchors (signed heads kept outside the database) it also checks that the
 * chain still holds each anchored head: a rewritten or shortened chain, even one re-sealed from
 * the start by someone with full database rights, no longer matches them.
 */
export async function verifyAuditChain(
  deps: { db: Pick<Db, 'execute'> },
  options: { anchors?: AnchorLine[]; chainId?: string; batchSize?: number } = {},
): Promise<AuditVerification> {
  const { db } = deps;
  const batchSize = options.batchSize ?? 5000;
  const anchors = options.anchors ?? null;
  const anchoredAt = new Map((anchors ?? []).map((a) => [a.pos, a]));
  const summary = () =>
    anchors
      ? { checked: anchors.length, lastPos: anchors.at(-1)?.pos ?? null, lastAt: anchors.at(-1)?.at ?? null }
      : null;
  let prev = GENESIS_HASH;
  let lastPos = 0;
  let entries = 0;
  const result = (
    reason: AuditBreak | null,
    seq: number | null,
    brokenAnchor: AnchorLine | null = null,
    pending = 0,
  ): AuditVerification => ({
    ok: reason === null,
    entries,
    pending,
    headHash: prev,
    headPos: lastPos,
    firstBrokenSeq: seq,
    reason,
    anchors: summary(),
    brokenAnchor: brokenAnchor ? { pos: brokenAnchor.pos, at: brokenAnchor.at } : null,
  });
  if (anchors && anchors.length > 0 && options.chainId && anchors.some((a) => a.chain !== options.chainId))
    return result(
      'other_chain',
      null,
      anchors.find((a) => a.chain !== options.chainId)!,
    );
  for (;;) {
    const { rows } = await db.execute<LinkRow>(sql`
      SELECT c.pos, c.seq AS "chainSeq", c.prev_hash AS "prevHash", c.hash, ${auditEntryColumns}
      FROM audit_chain c LEFT JOIN audit_log a ON a.seq = c.seq
      WHERE c.pos > ${lastPos} ORDER BY c.pos LIMIT ${batchSize}`);
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.chainSeq);
      if (row.prevHash !== prev) return result('broken_link', seq);
      if (row.seq === null) return result('deleted', seq);
      if (auditHash(prev, contentOf(row)) !== row.hash) return result('edited', seq);
      prev = row.hash;
      lastPos = Number(row.pos);
      entries += 1;
      const anchor = anchoredAt.get(lastPos);
      if (anchor && anchor.hash !== prev) return result('anchor_mismatch', seq, anchor);
      if (anchor) anchoredAt.delete(lastPos);
    }
  }
  // Anchors left unchecked: beyond the chain's end (it was shortened), or at a position it skips.
  const unchecked = [...anchoredAt.values()];
  const beyond = unchecked.find((a) => a.pos > lastPos);
  if (beyond) return result('truncated', null, beyond);
  if (unchecked[0]) return result('anchor_mismatch', null, unchecked[0]);
  const { rows } = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = a.seq)`,
  );
  return result(null, null, null, rows[0]!.n);
}
