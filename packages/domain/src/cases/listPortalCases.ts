import { sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../search/containsPattern';
import type { TServiceDefinition } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import type { CaseDeps } from './CaseDeps';
import { ownCase, portalCaseVisible } from './caseAccess';
import { describeCase } from './describeCase';

export interface PortalCaseFilter {
  view: 'mine' | 'units';
  status?: string;
  q?: string;
}

/**
 * The search text against what the list shows and nothing else: the case number, the person it is
 * about, the unit, and the service's name (Danish and English, never the JSON around them).
 */
function matchesVisibleText(pattern: string): SQL {
  return sql`(c.number ILIKE ${pattern} OR u.name ILIKE ${pattern}
    OR (p.first_name || ' ' || p.last_name) ILIKE ${pattern}
    OR ((c.answers->'person'->>'firstName') || ' ' || (c.answers->'person'->>'lastName')) ILIKE ${pattern}
    OR (CASE jsonb_typeof(s.definition->'name') WHEN 'string' THEN s.definition->>'name' ELSE concat_ws(' · ', s.definition->'name'->>'da', s.definition->'name'->>'en') END) ILIKE ${pattern})`;
}

/** "Mine sager" and the unit portfolio: the cases the actor may follow, newest first. */
export async function listPortalCases(deps: CaseDeps, actor: Actor, filter: PortalCaseFilter) {
  const q = filter.q?.trim();
  const { rows } = await deps.db.execute(sql`
    SELECT c.id, c.number, c.status, c.due_date, c.paused_since, c.submitted_at, c.resolved_at, c.unit_id, u.name AS unit_name,
           s.definition AS definition, p.first_name, p.last_name, c.answers->'person'->>'firstName' AS new_first, c.answers->'person'->>'lastName' AS new_last
    FROM cases c JOIN org_units u ON u.id = c.unit_id
    JOIN services s ON s.id = c.service_id AND s.version = c.service_version
    LEFT JOIN persons p ON p.id = c.subject_person_id
    WHERE ${filter.view === 'mine' ? ownCase(actor) : portalCaseVisible(actor)}
      ${filter.status ? sql`AND c.status = ${filter.status}` : sql``}
      ${q ? sql`AND ${matchesVisibleText(containsPattern(q))}` : sql``}
    ORDER BY c.submitted_at DESC LIMIT 200`);
  return rows.map((r) => {
    const def = r.definition as TServiceDefinition;
    const d = describeCase(
      def,
      {
        status: r.status as string,
        dueDate: r.due_date as string,
        pausedSince: r.paused_since as string | null,
      },
      deps.calendar,
    );
    const subject = r.first_name
      ? `${r.first_name} ${r.last_name}`
      : r.new_first
        ? `${r.new_first} ${r.new_last}`
        : null;
    return {
      id: r.id as string,
      number: r.number as string,
      status: r.status as string,
      serviceName: def.name,
      unitName: r.unit_name as string,
      subject,
      submittedAt: new Date(r.submitted_at as string).toISOString(),
      ...d,
    };
  });
}
