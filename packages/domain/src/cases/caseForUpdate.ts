import { eq, sql } from 'drizzle-orm';
import { cases } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { DomainError, notFound } from '../errors/DomainError';

export type CaseRow = typeof cases.$inferSelect;

/**
 * Locks a case for a change. With `expectedVersion` a stale edit (someone changed the case since
 * it was read) is refused with a clear message instead of overwriting the other person's work.
 */
export async function caseForUpdate(tx: Tx, id: string, expectedVersion?: number): Promise<CaseRow> {
  const { rows } = await tx.execute(sql`SELECT id FROM cases WHERE id = ${id} FOR UPDATE`);
  if (!rows[0]) throw notFound({ da: 'Sagen', en: 'The case' });
  const [row] = await tx.select().from(cases).where(eq(cases.id, id));
  if (expectedVersion !== undefined && row!.version !== expectedVersion) {
    throw new DomainError(
      'conflict',
      'stale_case',
      {
        da: 'Sagen er blevet ændret af en anden, siden du åbnede den. Dine indtastninger er bevaret – genindlæs sagen og prøv igen.',
        en: 'Someone else changed the case since you opened it. Your input is kept – reload the case and try again.',
      },
      [],
      { currentVersion: row!.version },
    );
  }
  return row!;
}

export async function updateCase(tx: Tx, row: CaseRow, set: Partial<CaseRow>): Promise<number> {
  const version = row.version + 1;
  await tx
    .update(cases)
    .set({ ...set, version })
    .where(eq(cases.id, row.id));
  return version;
}
