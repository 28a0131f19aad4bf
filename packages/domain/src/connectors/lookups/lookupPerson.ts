import { sql, type SQL } from 'drizzle-orm';
import { sqlArray } from '@indgang/db';
import type { Actor } from '../../access/Actor';
import type { Tx } from '../../audit/appendAudit';
import { DomainError, notFound } from '../../errors/DomainError';

/**
 * A condition on `p` (persons): she works today in a unit the actor leads, or below it. Only her
 * leader's own units count, not a deputy's delegated ones.
 */
export function ledByActor(actor: Actor, today: string): SQL {
  if (actor.ledUnitIds.length === 0) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM employments e JOIN org_units u ON u.id = e.unit_id
    JOIN org_units led ON led.id = ANY(${sqlArray(actor.ledUnitIds)}::text[])
    WHERE e.person_id = p.id AND (e.end_date IS NULL OR e.end_date >= ${today}::date) AND starts_with(u.path, led.path))`;
}

/**
 * The CPR number of the person a lookup is about, when `allowed` (a condition on `p`) lets the
 * actor ask; otherwise the same "not found" as an unknown person, so nobody learns who exists.
 */
export async function lookupPersonCpr(tx: Tx, personId: string, allowed: SQL): Promise<string> {
  const { rows } = await tx.execute<{ cpr: string | null }>(sql`
    SELECT p.cpr FROM persons p WHERE p.id = ${personId} AND (${allowed})`);
  if (!rows[0]) throw notFound({ da: 'Medarbejderen', en: 'The employee' });
  if (!rows[0].cpr)
    throw new DomainError('unprocessable', 'person_no_cpr', {
      da: 'Medarbejderen har intet CPR-nummer i Indgang, så lønsystemet kan ikke slå hende op.',
      en: 'The employee has no CPR number in Indgang, so payroll cannot look her up.',
    });
  return rows[0].cpr;
}

/** The CPR number authorize read, which the job passes to run; its absence is the job's error, not the asker's. */
export function cprForRun(input: { cpr?: string }): string {
  if (!input.cpr) throw new Error('the lookup was run without the CPR number its authorize read');
  return input.cpr;
}
