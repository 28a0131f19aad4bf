import { sql } from 'drizzle-orm';
import type { Actor } from '../access/Actor';
import type { CaseDeps } from '../cases/CaseDeps';
import { requireBackoffice } from '../cases/caseAccess';
import { todayInDenmark } from '../time/isoDate';
import { markInForce, readWatchMarks } from './watchMarks';

export interface WatchListFilter {
  /** Only marks in force (default), or every mark including ended and expired ones. */
  all?: boolean;
  personId?: string;
  unitId?: string;
  caseId?: string;
}

/**
 * The watch list for the back office: marks (in force, or all), optionally of one person, unit or
 * case, with how many are in force by kind and how many open cases they keep from automation now.
 */
export async function listWatchMarks(deps: Pick<CaseDeps, 'db'>, actor: Actor, filter: WatchListFilter) {
  requireBackoffice(actor, false);
  const today = todayInDenmark();
  return deps.db.transaction(async (tx) => {
    const where = sql.join(
      [
        filter.all ? sql`true` : markInForce(today),
        filter.personId ? sql`w.person_id = ${filter.personId}` : sql`true`,
        filter.unitId ? sql`w.unit_id = ${filter.unitId}` : sql`true`,
        filter.caseId ? sql`w.case_id = ${filter.caseId}` : sql`true`,
      ],
      sql` AND `,
    );
    const marks = await readWatchMarks(tx, where, today);
    const { rows } = await tx.execute<{
      persons: number;
      units: number;
      cases: number;
      excluded: number;
      openKept: number;
    }>(sql`
      SELECT count(*) FILTER (WHERE w.person_id IS NOT NULL)::int AS persons,
        count(*) FILTER (WHERE w.unit_id IS NOT NULL)::int AS units,
        count(*) FILTER (WHERE w.case_id IS NOT NULL)::int AS cases,
        (SELECT count(*)::int FROM cases c WHERE c.automation = 'excluded' AND c.automation_reason LIKE 'Obsliste%') AS excluded,
        (SELECT count(*)::int FROM cases c JOIN org_units cu ON cu.id = c.unit_id WHERE c.status <> 'resolved'
          AND EXISTS (SELECT 1 FROM watch_list w LEFT JOIN org_units wu ON wu.id = w.unit_id WHERE ${markInForce(today)}
            AND (w.case_id = c.id OR w.person_id = c.subject_person_id OR (w.unit_id IS NOT NULL AND starts_with(cu.path, wu.path))))) AS "openKept"
      FROM watch_list w WHERE ${markInForce(today)}`);
    return { marks, counts: rows[0]! };
  });
}
