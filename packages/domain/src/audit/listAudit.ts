import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
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

/**
 * What an entry is about, by name: the case's number, the person's, unit's, user's, programme's,
 * project's or KPI's name. Null for what has no name (an import, the platform) or no longer exists.
 */
const entityLabel = sql<string | null>`(CASE ${auditLog.entityType}
  WHEN 'case' THEN (SELECT number FROM cases WHERE id = ${auditLog.entityId})
  WHEN 'person' THEN (SELECT first_name || ' ' || last_name FROM persons WHERE id = ${auditLog.entityId})
  WHEN 'org_unit' THEN (SELECT name FROM org_units WHERE id = ${auditLog.entityId})
  WHEN 'user' THEN (SELECT display_name FROM users WHERE id = ${auditLog.entityId})
  WHEN 'programme' THEN (SELECT name FROM programmes WHERE id = ${auditLog.entityId})
  WHEN 'project' THEN (SELECT name FROM projects WHERE id = ${auditLog.entityId})
  WHEN 'kpi' THEN (SELECT name FROM kpis WHERE id = ${auditLog.entityId})
  WHEN 'robot' THEN (SELECT name FROM robots WHERE id = ${auditLog.entityId})
  WHEN 'work_item' THEN (SELECT topic FROM work_items WHERE id = ${auditLog.entityId})
  END)`;

/**
 * The audit trail, newest first, for the auditor, with people, cases and units named (who did it,
 * what it was about, whose data it was); the auditor's own reading is logged as well.
 */
export async function listAudit(deps: { db: Db }, actor: Actor, filter: AuditFilter) {
  requirePermission(actor, 'audit.read');
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.subjectPersonId) conditions.push(eq(auditLog.subjectPersonId, filter.subjectPersonId));
  if (filter.beforeSeq) conditions.push(lt(auditLog.seq, filter.beforeSeq));
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        entry: auditLog,
        // A person by name; automation and robots by the name they act under (`details.by`, e.g. `robot:<name>`).
        actorName: sql<
          string | null
        >`coalesce((SELECT display_name FROM users WHERE id = ${auditLog.actorUserId}),
          CASE WHEN jsonb_typeof(${auditLog.details}->'by') = 'string' THEN ${auditLog.details}->>'by' END)`,
        entityLabel,
        subjectName: sql<
          string | null
        >`(SELECT first_name || ' ' || last_name FROM persons WHERE id = ${auditLog.subjectPersonId})`,
      })
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
    return rows.map(({ entry, ...names }) => ({ ...entry, ...names, at: entry.at.toISOString() }));
  });
}
