import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';

/** The legal holds in force, newest first, with what they cover in words. */
export async function listLegalHolds(deps: { db: Db }, actor: Actor) {
  requirePermission(actor, 'privacy.manage');
  const { rows } = await deps.db.execute(sql`
    SELECT h.id, h.case_id, c.number AS case_number, h.person_id, p.first_name || ' ' || p.last_name AS person_name, h.reason, h.set_at, u.display_name AS set_by
    FROM legal_holds h JOIN users u ON u.id = h.set_by_user_id LEFT JOIN cases c ON c.id = h.case_id LEFT JOIN persons p ON p.id = h.person_id
    WHERE h.released_at IS NULL ORDER BY h.set_at DESC`);
  return rows.map((r) => ({
    id: r.id as string,
    caseId: (r.case_id as string | null) ?? null,
    caseNumber: (r.case_number as string | null) ?? null,
    personId: (r.person_id as string | null) ?? null,
    personName: (r.person_name as string | null) ?? null,
    reason: r.reason as string,
    setAt: new Date(r.set_at as string).toISOString(),
    setBy: r.set_by as string,
  }));
}
