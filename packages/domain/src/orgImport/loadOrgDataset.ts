import { inArray, sql } from 'drizzle-orm';
import { employments, orgUnits, persons, unitManagers } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import type { OrgDataset } from './OrgDataset';

export interface LoadProgress {
  done: number;
  total: number;
}

export interface LoadSummary {
  units: number;
  people: number;
  employments: number;
  managers: number;
}

const BATCH = 500;

export const personIdFor = (employeeNumber: string) => `p-${employeeNumber}`;
export const employmentIdFor = (employeeNumber: string, unitId: string, startDate: string) =>
  `e-${employeeNumber}-${unitId}-${startDate}`;

/**
 * Writes a validated data set: units, people and affiliations are created or updated
 * (keyed by unit id, employee number, and person+unit+start date); a person's "manager of"
 * list replaces the one held before. Runs inside the caller's transaction.
 */
export async function loadOrgDataset(
  tx: Tx,
  dataset: OrgDataset,
  onProgress: (p: LoadProgress) => void = () => undefined,
): Promise<LoadSummary> {
  const employmentRows = dataset.people.flatMap((p) =>
    p.affiliations.map((a) => ({
      id: employmentIdFor(p.employeeNumber, a.unitId, a.startDate),
      personId: personIdFor(p.employeeNumber),
      ...a,
    })),
  );
  const managerRows = dataset.people.flatMap((p) =>
    p.managerOf.map((unitId) => ({ unitId, personId: personIdFor(p.employeeNumber) })),
  );
  const total = dataset.units.length + dataset.people.length + employmentRows.length + managerRows.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    onProgress({ done, total });
  };

  const existing = new Map(
    (
      await tx
        .select({
          id: orgUnits.id,
          path: orgUnits.path,
          administrationId: orgUnits.administrationId,
          kind: orgUnits.kind,
        })
        .from(orgUnits)
    ).map((u) => [u.id, u]),
  );
  const byId = new Map(dataset.units.map((u) => [u.id, u]));
  const paths = new Map<string, { path: string; administrationId: string }>();
  const resolve = (id: string): { path: string; administrationId: string } => {
    const known = paths.get(id);
    if (known) return known;
    const unit = byId.get(id);
    if (!unit) {
      const row = existing.get(id);
      if (!row) throw new Error(`unit ${id} missing after validation`);
      return { path: row.path, administrationId: row.administrationId };
    }
    const parent = unit.parentId ? resolve(unit.parentId) : null;
    const path = `${parent?.path ?? '/'}${unit.id}/`;
    const administrationId = unit.kind === 'administration' || !parent ? unit.id : parent.administrationId;
    const result = { path, administrationId };
    paths.set(id, result);
    return result;
  };
  const unitRows = dataset.units
    .map((u) => ({ ...u, ...resolve(u.id) }))
    .sort((a, b) => a.path.length - b.path.length);
  for (const u of unitRows) {
    const before = existing.get(u.id);
    if (before && before.path !== u.path) {
      await tx.execute(
        sql`UPDATE org_units SET path = ${u.path} || substr(path, ${before.path.length + 1}) WHERE starts_with(path, ${before.path})`,
      );
    }
  }
  for (let i = 0; i < unitRows.length; i += BATCH) {
    const batch = unitRows.slice(i, i + BATCH);
    await tx
      .insert(orgUnits)
      .values(batch)
      .onConflictDoUpdate({
        target: orgUnits.id,
        set: {
          parentId: sql`excluded.parent_id`,
          path: sql`excluded.path`,
          kind: sql`excluded.kind`,
          code: sql`excluded.code`,
          name: sql`excluded.name`,
          administrationId: sql`excluded.administration_id`,
        },
      });
    step(batch.length);
  }
  for (let i = 0; i < dataset.people.length; i += BATCH) {
    const batch = dataset.people.slice(i, i + BATCH).map((p) => ({
      id: personIdFor(p.employeeNumber),
      employeeNumber: p.employeeNumber,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      cpr: p.cpr,
      cprIsTestData: p.cprIsTestData,
    }));
    await tx
      .insert(persons)
      .values(batch)
      .onConflictDoUpdate({
        target: persons.id,
        set: {
          firstName: sql`excluded.first_name`,
          lastName: sql`excluded.last_name`,
          email: sql`excluded.email`,
          cpr: sql`coalesce(excluded.cpr, persons.cpr)`,
          cprIsTestData: sql`excluded.cpr_is_test_data`,
        },
      });
    step(batch.length);
  }
  for (let i = 0; i < employmentRows.length; i += BATCH) {
    const batch = employmentRows.slice(i, i + BATCH);
    await tx
      .insert(employments)
      .values(batch)
      .onConflictDoUpdate({
        target: employments.id,
        set: {
          position: sql`excluded.position`,
          agreement: sql`excluded.agreement`,
          weeklyHoursCenti: sql`excluded.weekly_hours_centi`,
          seniorityDate: sql`excluded.seniority_date`,
          endDate: sql`excluded.end_date`,
        },
      });
    step(batch.length);
  }
  const personIds = dataset.people.map((p) => personIdFor(p.employeeNumber));
  for (let i = 0; i < personIds.length; i += BATCH) {
    await tx.delete(unitManagers).where(inArray(unitManagers.personId, personIds.slice(i, i + BATCH)));
  }
  for (let i = 0; i < managerRows.length; i += BATCH) {
    const batch = managerRows.slice(i, i + BATCH);
    await tx.insert(unitManagers).values(batch).onConflictDoNothing();
    step(batch.length);
  }
  return {
    units: unitRows.length,
    people: dataset.people.length,
    employments: employmentRows.length,
    managers: managerRows.length,
  };
}
