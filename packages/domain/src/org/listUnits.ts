import { asc, sql } from 'drizzle-orm';
import { orgUnits, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { unitInScope } from '../access/unitScopeSql';
import { todayInDenmark } from '../time/isoDate';

export interface UnitSummary {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  code: string | null;
  depth: number;
  employeeCount: number;
}

/** The units in the actor's scope, in tree order, with how many current employees each has. */
export async function listUnits(deps: { db: Db }, actor: Actor): Promise<UnitSummary[]> {
  requirePermission(actor, 'org.read');
  const rows = await deps.db
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      name: orgUnits.name,
      kind: orgUnits.kind,
      code: orgUnits.code,
      path: orgUnits.path,
      employeeCount: sql<number>`(SELECT count(*)::int FROM employments e WHERE e.unit_id = org_units.id AND (e.end_date IS NULL OR e.end_date >= ${todayInDenmark()}::date))`,
    })
    .from(orgUnits)
    .where(unitInScope(actor, orgUnits.path))
    .orderBy(asc(orgUnits.path));
  const ids = new Set(rows.map((r) => r.id));
  return rows.map(({ path, ...r }) => ({
    ...r,
    // The top of what the actor sees has no visible parent.
    parentId: r.parentId && ids.has(r.parentId) ? r.parentId : null,
    depth: path.split('/').length - 3,
  }));
}
