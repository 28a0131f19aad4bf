import { sql, type SQL } from 'drizzle-orm';
import { caseEvents } from '@indgang/db';
import { CASE_EVENTS, type CaseEventType, type CaseStatus } from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';

export interface CaseEvent {
  caseId: string;
  /** Null for what the platform did by itself. */
  actorUserId: string | null;
  type: CaseEventType;
  body?: string | null;
  data?: Record<string, unknown>;
}

/** The one writer of a case's timeline: whether an event is internal follows from its type. */
export async function appendCaseEvent(tx: Pick<Tx, 'insert'>, event: CaseEvent): Promise<void> {
  await tx.insert(caseEvents).values({
    caseId: event.caseId,
    actorUserId: event.actorUserId,
    type: event.type,
    internal: isInternalEvent(event.type),
    body: event.body ?? null,
    data: event.data ?? {},
  });
}

export const isInternalEvent = (type: CaseEventType): boolean => CASE_EVENTS[type] === 'internal';

/** An event type or status as an SQL literal, for statements that filter on it (checked names only). */
export const eventTypeSql = (type: CaseEventType): SQL => sql.raw(`'${type}'`);
export const internalSql = (type: CaseEventType): SQL => sql.raw(String(isInternalEvent(type)));
export const statusSql = (status: CaseStatus): SQL => sql.raw(`'${status}'`);
