import { sql } from 'drizzle-orm';
import { sqlArray, type Db } from '@indgang/db';
import { checkBusinessCase, computeBusinessCase, fromUnits, type BusinessCaseInput } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { getProgramme } from './getProgramme';

export interface RegisterRow {
  projectId: string;
  projectName: string;
  year: number;
  expected: number;
  realised: number | null;
  difference: number | null;
  note: string;
}

/**
 * Expected against realised benefits per project and year, in 1,000 DKK: expected is the business
 * case's permanent saving (a negative permanent change is a gain), realised what the benefit owner
 * reported.
 */
export async function benefitRegister(
  deps: { db: Db },
  actor: Actor,
  programmeId: string,
): Promise<RegisterRow[]> {
  const programme = await getProgramme(deps, actor, programmeId);
  return registerFor(deps.db, programme.projects as Array<{ id: string; name: string }>);
}

/** The register rows of projects the caller has already found the actor may see. */
export async function registerFor(
  db: Db,
  projects: Array<{ id: string; name: string }>,
): Promise<RegisterRow[]> {
  if (projects.length === 0) return [];
  const ids = sqlArray(projects.map((p) => p.id));
  const cases = await db.execute(
    sql`SELECT project_id, data FROM business_cases WHERE project_id = ANY(${ids}::text[])`,
  );
  const realised = await db.execute(
    sql`SELECT project_id, year, realised_kroner, note FROM benefit_realisations WHERE project_id = ANY(${ids}::text[])`,
  );
  const rows: RegisterRow[] = [];
  for (const project of projects) {
    const expectedByYear = new Map<number, number>();
    const data = cases.rows.find((c) => c.project_id === project.id)?.data as BusinessCaseInput | undefined;
    const checked = data ? checkBusinessCase(data).value : undefined;
    if (checked) {
      const result = computeBusinessCase(checked);
      result.years.forEach((year, j) => expectedByYear.set(year, -result.permanentTotal[j]!));
    }
    const reported = realised.rows.filter((r) => r.project_id === project.id);
    const years = [...new Set([...expectedByYear.keys(), ...reported.map((r) => Number(r.year))])].sort();
    for (const year of years) {
      const r = reported.find((x) => Number(x.year) === year);
      const expected = expectedByYear.get(year) ?? 0;
      const real = r ? fromUnits(Number(r.realised_kroner), 3) : null;
      rows.push({
        projectId: project.id,
        projectName: project.name,
        year,
        expected,
        realised: real,
        difference:
          real === null ? null : fromUnits(Number(r!.realised_kroner) - Math.round(expected * 1000), 3),
        note: (r?.note as string) ?? '',
      });
    }
  }
  return rows;
}
