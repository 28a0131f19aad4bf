import type { Db } from '@indgang/db';
import type { TFollowUpReport } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { todayInDenmark } from '../time/isoDate';
import { registerFor } from './benefitRegister';
import { getBusinessCase } from './getBusinessCase';
import { listKpis } from './listKpis';
import { getProgramme } from './getProgramme';

/** The answer's shape is declared once, in the API contract. */
export type FollowUpReport = TFollowUpReport;

/** Everything the steering group reads about a programme: projects, risks, business cases, KPIs and benefits. */
export async function followUpReport(
  deps: { db: Db },
  actor: Actor,
  programmeId: string,
): Promise<FollowUpReport> {
  const programme = await getProgramme(deps, actor, programmeId);
  const projects: FollowUpReport['projects'] = [];
  for (const p of programme.projects) {
    const bc = await getBusinessCase(deps, actor, p.id);
    const r = bc.result;
    projects.push({
      id: p.id,
      name: p.name,
      status: p.status,
      riskLevel: p.riskLevel,
      riskDescription: p.riskDescription,
      ownerName: p.ownerName,
      benefitOwnerName: p.benefitOwnerName,
      businessCase: r
        ? {
            years: r.years,
            total: r.total,
            cumulative: r.cumulative,
            paybackYears: r.paybackYears,
            paybackYear: r.paybackYear,
            priceLevel: r.priceLevel,
            investment: r.implementationTotal.reduce((a, b) => a + Math.round(b * 1000), 0) / 1000,
            permanentFullYear: r.permanentTotal.at(-1)!,
            lines: r.lines,
            permanentTotal: r.permanentTotal,
            implementationTotal: r.implementationTotal,
          }
        : null,
      kpis: await listKpis(deps, actor, p.id),
    });
  }
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      description: programme.description,
      status: programme.status,
      ownerName: programme.ownerName,
    },
    generatedOn: todayInDenmark(),
    projects,
    register: await registerFor(deps.db, programme.projects),
  };
}
