import { desc, sql } from 'drizzle-orm';
import { auditLog, type Db } from '@indgang/db';
import { auditHash, GENESIS_HASH, type AuditContent } from './auditHash';

export type AuditEntry = Omit<AuditContent, 'at' | 'details' | 'entityId' | 'subjectPersonId'> & {
  entityId?: string | null;
  subjectPersonId?: string | null;
  details?: Record<string, unknown>;
};

/** Any drizzle handle: the database or an open transaction. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

const CHAIN_LOCK = 720_002;

/**
 * Appends one entry to the hash chain inside the caller's transaction. The advisory lock
 * orders writers so each entry links to the one committed before it.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    at: new Date().toISOString(),
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    subjectPersonId: entry.subjectPersonId ?? null,
    details: entry.details ?? {},
  };
  await tx.insert(auditLog).values({ ...content, at: new Date(content.at), details: content.details as object, prevHash, hash: auditHash(prevHash, content) });
}
