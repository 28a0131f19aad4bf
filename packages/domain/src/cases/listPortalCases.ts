import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../search/containsPattern';
import type { Actor } from '../access/Actor';
import { storedDefinition } from '../catalog/latestServices';
import type { CaseDeps } from './CaseDeps';
import { ownCase, portalCaseVisible } from './caseAccess';
import { c, caseListColumns, p, pinnedService, s, u } from './caseRows';
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
  const rows = await deps.db
    .select({
      ...caseListColumns,
      firstName: p.firstName,
      lastName: p.lastName,
      // A new person (a hire) is named only in the answers.
      newFirst: sql<string | null>`${c.answers}->'person'->>'firstName'`,
      newLast: sql<string | null>`${c.answers}->'person'->>'lastName'`,
    })
    .from(c)
    .innerJoin(u, eq(u.id, c.unitId))
    .innerJoin(s, pinnedService)
    .leftJoin(p, eq(p.id, c.subjectPersonId))
    .where(
      and(
        filter.view === 'mine' ? ownCase(actor) : portalCaseVisible(actor),
        filter.status ? sql`${c.status} = ${filter.status}` : undefined,
        q ? matchesVisibleText(containsPattern(q)) : undefined,
      ),
    )
    .orderBy(desc(c.submittedAt))
    .limit(200);
  return rows.map((r) => {
    const def = storedDefinition(r.definition);
    const subject = r.firstName
      ? `${r.firstName} ${r.lastName}`
      : r.newFirst
        ? `${r.newFirst} ${r.newLast}`
        : null;
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      serviceName: def.name,
      unitName: r.unitName,
      subject,
      submittedAt: r.submittedAt.toISOString(),
      ...describeCase(def, r, deps.calendar),
    };
  });
}
