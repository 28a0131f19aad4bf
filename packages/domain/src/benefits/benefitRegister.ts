import { sql } from 'drizzle-orm';
import { benefitRealisations, businessCases, sqlArray, type Db } from '@indgang/db';
import { checkBusinessCase, computeBusinessCase, fromUnits } from '@indgang/schemas';
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
 * Expected against realised benefits per project and year, in 1,000 DKK with the business case's sign
 * (an amount is its effect on the budget: a saving is negative, a cost positive): expected is the
 * business case's permanent change, realised what the benefit owner reported, and the difference
 * realised minus expected (negative: more saved than expected).
 */
export async function benefitRegister(
  deps: { db: Db },
  actor: Actor,
  programmeId: string,
): Promise<RegisterRow[]> {
  const programme = await getProgramme(deps, actor, programmeId);
  return registerFor(deps.db, programme.projects);
}

/** The register rows of projects the caller has already found the actor may see. */
export async function registerFor(
  db: Db,
  projects: Array<{ id: string; name: string }>,
): Promise<RegisterRow[]> {
  if (projects.length === 0) return [];
  const ids = sqlArray(projects.map((p) => p.id));
  // The business cases as stored: checkBusinessCase reads them.
  const cases = await db
    .select({ projectId: businessCases.projectId, data: businessCases.data })
    .from(businessCases)
    .where(sql`${businessCases.projectId} = ANY(${ids}::text[])`);
  const realised = await db
    .select({
      projectId: benefitRealisations.projectId,
      year: benefitRealisations.year,
      realisedKroner: benefitRealisations.realisedKroner,
      note: benefitRealisations.note,
    })
    .from(benefitRealisations)
    .where(sql`${benefitRealisations.projectId} = ANY(${ids}::text[])`);
  const rows: RegisterRow[] = [];
  for (const project of projects) {
    const expectedByYear = new Map<number, number>();
    const data = cases.find((c) => c.projectId === project.id)?.data;
    const checked = data ? checkBusinessCase(data).value : undefined;
    if (checked) {
      const result = computeBusinessCase(checked);
      result.years.forEach((year, j) => expectedByYear.set(year, result.permanentTotal[j]!));
    }
    const reported = realised.filter((r) => r.projectId === project.id);
    const years = [...new Set([...expectedByYear.keys(), ...reported.map((r) => r.year)])].sort();
    for (const year of years) {
      const r = reported.find((x) => x.year === year);
      const expected = expectedByYear.get(year) ?? 0;
      // Stored as a gain (a saving positive), as it always was; answered with the business case's sign.
      const realKroner = r ? -r.realisedKroner : null;
      const real = realKroner === null ? null : fromUnits(realKroner, 3);
      rows.push({
        projectId: project.id,
        projectName: project.name,
        year,
        expected,
        realised: real,
        difference: realKroner === null ? null : fromUnits(realKroner - Math.round(expected * 1000), 3),
        note: r?.note ?? '',
      });
    }
  }
  return rows;
}
