import { auditLog, type Db } from '@indgang/db';
import type { AuditContent } from './auditHash';

export type AuditEntry = Omit<AuditContent, 'seq' | 'at' | 'details' | 'entityId' | 'subjectPersonId'> & {
  entityId?: string | null;
  subjectPersonId?: string | null;
  details?: Record<string, unknown>;
};

/** Any drizzle handle: the database or an open transaction. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/**
 * Appends one entry inside the caller's transaction, so the entry exists exactly when the change
 * does. No lock is taken: the hash chain is sealed after commit (`sealAuditChain`), so concurrent
 * transactions never queue behind each other's commit.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at: new Date(),
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    subjectPersonId: entry.subjectPersonId ?? null,
    details: entry.details ?? {},
  });
}
