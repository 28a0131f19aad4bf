import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import { employments, orgUnits, persons, unitManagers, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { unitInScope } from '../access/unitScopeSql';
import { appendAudit } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';

export interface UnitDetail {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  parentId: string | null;
  parentName: string | null;
  leaders: Array<{ personId: string; name: string }>;
  children: Array<{ id: string; name: string; kind: string }>;
  employees: Array<{
    personId: string;
    name: string;
    employeeNumber: string | null;
    position: string;
    weeklyHours: number;
  }>;
}

/** One unit with its leaders, sub-units and current employees; reading the staff list is audited. */
export async function getUnit(
  deps: { db: Db },
  actor: Actor,
  unitId: string,
  today: string,
): Promise<UnitDetail> {
  requirePermission(actor, 'org.read');
  return deps.db.transaction(async (tx) => {
    const [unit] = await tx
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.id, unitId), unitInScope(actor, orgUnits.path)));
    if (!unit) throw notFound({ da: 'Enheden', en: 'The unit' });
    const parent = unit.parentId
      ? (
          await tx
            .select({ name: orgUnits.name })
            .from(orgUnits)
            .where(and(eq(orgUnits.id, unit.parentId), unitInScope(actor, orgUnits.path)))
        )[0]
      : undefined;
    const leaders = await tx
      .select({ personId: persons.id, firstName: persons.firstName, lastName: persons.lastName })
      .from(unitManagers)
      .innerJoin(persons, eq(persons.id, unitManagers.personId))
      .where(eq(unitManagers.unitId, unitId));
    const children = await tx
      .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
      .from(orgUnits)
      .where(eq(orgUnits.parentId, unitId))
      .orderBy(asc(orgUnits.name));
    const staff = await tx
      .select({
        personId: persons.id,
        firstName: persons.firstName,
        lastName: persons.lastName,
        employeeNumber: persons.employeeNumber,
        position: employments.position,
        hours: employments.weeklyHoursCenti,
      })
      .from(employments)
      .innerJoin(persons, eq(persons.id, employments.personId))
      .where(
        and(eq(employments.unitId, unitId), or(isNull(employments.endDate), gte(employments.endDate, today))),
      )
      .orderBy(asc(persons.lastName), asc(persons.firstName));
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'unit.read_staff',
      entityType: 'org_unit',
      entityId: unitId,
      details: { people: staff.length },
    });
    return {
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      code: unit.code,
      parentId: parent ? unit.parentId : null,
      parentName: parent?.name ?? null,
      leaders: leaders.map((l) => ({ personId: l.personId, name: `${l.firstName} ${l.lastName}` })),
      children,
      employees: staff.map((s) => ({
        personId: s.personId,
        name: `${s.firstName} ${s.lastName}`,
        employeeNumber: s.employeeNumber,
        position: s.position,
        weeklyHours: s.hours / 100,
      })),
    };
  });
}
