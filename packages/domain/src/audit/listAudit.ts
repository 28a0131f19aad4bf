import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { auditLog, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from './appendAudit';

export interface AuditFilter {
  action?: string;
  actorUserId?: string;
  subjectPersonId?: string;
  beforeSeq?: number;
  limit: number;
}

/** The audit trail, newest first, for the auditor; the auditor's own reading is logged as well. */
export async function listAudit(deps: { db: Db }, actor: Actor, filter: AuditFilter) {
  requirePermission(actor, 'audit.read');
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.subjectPersonId) conditions.push(eq(auditLog.subjectPersonId, filter.subjectPersonId));
  if (filter.beforeSeq) conditions.push(lt(auditLog.seq, filter.beforeSeq));
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.seq))
      .limit(filter.limit);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'audit.read',
      entityType: 'audit_log',
      details: { ...filter },
    });
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  });
}
