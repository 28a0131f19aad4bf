import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { CASE_LIST_SORTS } from '@indgang/schemas';
import { wordStartPatterns } from '../search/wordStartPatterns';
import type { Actor } from '../access/Actor';
import { storedDefinition } from '../catalog/latestServices';
import type { CaseDeps } from './CaseDeps';
import { ownCase, portalCaseVisible } from './caseAccess';
import { c, caseListColumns, p, pinnedService, s, u } from './caseRows';
import { describeCase } from './describeCase';

export interface PortalCaseFilter {
  view: 'mine' | 'units';
  status?: string;
  service?: string;
  q?: string;
  sort?: (typeof CASE_LIST_SORTS)[number];
  dir?: 'asc' | 'desc';
  lang?: 'da' | 'en';
  page?: number;
  pageSize?: number;
}

/** The service's name in `lang` (Danish when it has no other): what the list shows and sorts by. */
const serviceName = (lang: 'da' | 'en') =>
  sql`(CASE jsonb_typeof(s.definition->'name') WHEN 'string' THEN s.definition->>'name' ELSE coalesce(s.definition->'name'->>${lang}, s.definition->'name'->>'da') END)`;

/**
 * What the list shows of a case and nothing else, as one text: the case number, the person it is
 * about (a new hire is named only in the answers), the unit, and the service's name in both languages
 * (never the JSON around them).
 */
const visibleText = sql`concat_ws(' ', c.number, u.name, p.first_name || ' ' || p.last_name,
  (c.answers->'person'->>'firstName') || ' ' || (c.answers->'person'->>'lastName'),
  ${serviceName('da')}, s.definition->'name'->>'en')`;

/** The statuses in the order a case goes through them. */
const statusOrder = sql`array_position(ARRAY['submitted','in_progress','awaiting_submitter','resolved']::text[], c.status::text)`;

function orderBy(sort: PortalCaseFilter['sort'], dir: 'asc' | 'desc', lang: 'da' | 'en'): SQL {
  const d = sql.raw(dir === 'asc' ? 'ASC' : 'DESC');
  // The number last, so that a page boundary never falls between equal keys in different orders.
  switch (sort) {
    case 'status':
      return sql`${statusOrder} ${d}, c.submitted_at DESC, c.number DESC`;
    case 'service':
      return sql`lower(${serviceName(lang)}) ${d}, c.submitted_at DESC, c.number DESC`;
    case 'number':
      return sql`c.number ${d}`;
    case 'submitted':
    case undefined:
      return sql`c.submitted_at ${d}, c.number ${d}`;
  }
}

/**
 * "Mine sager" and the unit portfolio: one page of the cases the actor may follow, filtered by
 * status, service and the words they begin with, ordered as asked, with how many match in all and
 * which services the actor's list holds. Scope, filter, order and paging are all done in SQL.
 */
export async function listPortalCases(deps: CaseDeps, actor: Actor, filter: PortalCaseFilter) {
  const pageSize = filter.pageSize ?? 25;
  const page = filter.page ?? 1;
  const lang = filter.lang ?? 'da';
  const scope = filter.view === 'mine' ? ownCase(actor) : portalCaseVisible(actor);
  const where = and(
    scope,
    filter.status ? sql`${c.status} = ${filter.status}` : undefined,
    filter.service ? sql`${c.serviceId} = ${filter.service}` : undefined,
    ...wordStartPatterns(filter.q?.trim() ?? '').map((pattern) => sql`${visibleText} ~* ${pattern}`),
  );
  const rows = await deps.db
    .select({
      ...caseListColumns,
      firstName: p.firstName,
      lastName: p.lastName,
      newFirst: sql<string | null>`${c.answers}->'person'->>'firstName'`,
      newLast: sql<string | null>`${c.answers}->'person'->>'lastName'`,
      total: sql<number>`(count(*) OVER ())::int`,
    })
    .from(c)
    .innerJoin(u, eq(u.id, c.unitId))
    .innerJoin(s, pinnedService)
    .leftJoin(p, eq(p.id, c.subjectPersonId))
    .where(where)
    .orderBy(orderBy(filter.sort, filter.dir ?? 'desc', lang))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  // A page past the end has no rows to carry the count: count on its own then.
  const total =
    rows[0]?.total ??
    (page > 1
      ? ((
          await deps.db
            .select({ n: sql<number>`count(*)::int` })
            .from(c)
            .innerJoin(u, eq(u.id, c.unitId))
            .innerJoin(s, pinnedService)
            .leftJoin(p, eq(p.id, c.subjectPersonId))
            .where(where)
        )[0]?.n ?? 0)
      : 0);
  const services = await deps.db
    .selectDistinctOn([c.serviceId], { id: c.serviceId, definition: s.definition })
    .from(c)
    .innerJoin(u, eq(u.id, c.unitId))
    .innerJoin(s, pinnedService)
    .where(scope)
    .orderBy(c.serviceId, sql`c.service_version DESC`);
  return {
    items: rows.map((r) => {
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
    }),
    total,
    page,
    pageSize,
    services: services.map((r) => ({ id: r.id, name: storedDefinition(r.definition).name })),
  };
}
