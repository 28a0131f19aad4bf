import { generateDemoMunicipality } from '@indgang/domain';
import { sdCpr } from '../../connectors/payroll/sdWire';
import { agreementForName, professionCode, SD_INSTITUTION } from './sdCatalogue';
import type { SimEmployment } from './sdEmployment';

/** A unit's department in SD: its code, or its id in capitals when it has none. */
export const departmentOf = (unit: { id: string; code: string | null }) => unit.code ?? unit.id.toUpperCase();

/**
 * The employments the simulated SD already holds for Eksempel Kommune: generated from the same
 * seed as the demo municipality (the organisation an installation imports comes from payroll in
 * the first place), with its clearly fake CPR numbers (day 00). Built in memory, never written to
 * the store; what the simulator is sent is kept in the store and read before these.
 */
export class SdDemoRegister {
  private readonly byId = new Map<string, SimEmployment>();
  private readonly byCpr = new Map<string, SimEmployment[]>();
  readonly departments = new Set<string>();

  constructor(demo: { seed: number; scale?: number } | undefined) {
    if (!demo) return;
    const data = generateDemoMunicipality({ seed: demo.seed, scale: demo.scale });
    const units = new Map(data.units.map((u) => [u.id, u]));
    for (const unit of data.units) this.departments.add(departmentOf(unit));
    for (const person of data.people) {
      const job = person.affiliations[0];
      const unit = job && units.get(job.unitId);
      if (!job || !unit || !person.cpr) continue;
      const agreement = agreementForName(job.agreement);
      const department = departmentOf(unit);
      const employment: SimEmployment = {
        institution: SD_INSTITUTION,
        employmentId: person.employeeNumber,
        cpr: sdCpr(person.cpr),
        employmentDate: job.startDate,
        anniversaryDate: job.seniorityDate ?? job.startDate,
        endDate: job.endDate,
        endStatus: job.endDate ? '8' : null,
        versions: [
          {
            from: job.startDate,
            terms: {
              department,
              costCentre: department,
              positionCode: professionCode(job.position),
              position: job.position,
              occupationRate: (job.weeklyHoursCenti / 3700).toFixed(4),
              agreement: agreement.id,
              scale: agreement.scale,
              grade: String(agreement.grade + (person.managerOf.length > 0 ? 1 : 0)),
              supplements: [],
            },
          },
        ],
      };
      this.byId.set(employment.employmentId, employment);
      this.byCpr.set(employment.cpr, [...(this.byCpr.get(employment.cpr) ?? []), employment]);
    }
  }

  get(employmentId: string): SimEmployment | undefined {
    return this.byId.get(employmentId);
  }

  forCpr(cpr: string): SimEmployment[] {
    return this.byCpr.get(cpr) ?? [];
  }

  /** Whether SD knows the department (any, when there is no demo organisation to know it from). */
  knowsDepartment(id: string): boolean {
    return this.departments.size === 0 || this.departments.has(id);
  }
}
