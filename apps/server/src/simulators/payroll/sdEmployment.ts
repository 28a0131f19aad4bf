import { addDays } from '@indgang/domain';
import { SD_OPEN_END, type SdEmployment } from '../../connectors/payroll/sdWire';

/** An employment's terms from one date on, as the simulated SD keeps them. */
export interface SimTerms {
  department: string;
  costCentre: string;
  positionCode: string;
  position: string;
  /** Four decimals, as SD writes it. */
  occupationRate: string;
  agreement: string;
  scale: string;
  grade: string;
  supplements: Array<{ code: string; amount: string; pensionable: boolean; until: string | null }>;
}

/**
 * An employment in the simulated SD: dated versions of its terms, never overwritten (a change
 * from a date adds a version; a later version keeps its own terms), and its end with the status.
 */
export interface SimEmployment {
  institution: string;
  employmentId: string;
  /** Ten digits. */
  cpr: string;
  employmentDate: string;
  anniversaryDate: string;
  endDate: string | null;
  /** 7 dead or emigrated, 8 left, 9 retired. */
  endStatus: string | null;
  versions: Array<{ from: string; terms: SimTerms }>;
}

/** The version in force on a date (the first before the employment starts). */
export function versionAt(employment: SimEmployment, date: string) {
  const index = employment.versions.findLastIndex((v) => v.from <= date);
  return { index: Math.max(index, 0), version: employment.versions[Math.max(index, 0)]! };
}

/** EmploymentStatusCode on a date: 0 hired, not yet paid; 1 paid; the end's code after the last day. */
export function statusAt(employment: SimEmployment, date: string): string {
  if (date < employment.employmentDate) return '0';
  if (employment.endDate && date > employment.endDate) return employment.endStatus ?? '8';
  return '1';
}

export const isPassive = (status: string) => ['7', '8', '9'].includes(status);

/**
 * The employment as GetEmployment20111201 shows it on a date: each part dated from the version
 * in force to the day before the next (or the last day, or 9999-12-31), only the parts asked for.
 */
export function employmentOnDate(
  employment: SimEmployment,
  date: string,
  parts: {
    status: boolean;
    department: boolean;
    profession: boolean;
    workingTime: boolean;
    salaryAgreement: boolean;
  },
): SdEmployment {
  const { index, version } = versionAt(employment, date);
  const next = employment.versions[index + 1];
  const dated = {
    ActivationDate: version.from,
    DeactivationDate: next ? addDays(next.from, -1) : (employment.endDate ?? SD_OPEN_END),
  };
  const t = version.terms;
  const status = statusAt(employment, date);
  return {
    EmploymentIdentifier: employment.employmentId,
    EmploymentDate: employment.employmentDate,
    AnniversaryDate: employment.anniversaryDate,
    ...(parts.status
      ? {
          EmploymentStatus: {
            ActivationDate: isPassive(status) ? addDays(employment.endDate!, 1) : employment.employmentDate,
            DeactivationDate: isPassive(status) ? SD_OPEN_END : (employment.endDate ?? SD_OPEN_END),
            EmploymentStatusCode: status,
          },
        }
      : {}),
    ...(parts.department
      ? {
          EmploymentDepartment: {
            ...dated,
            DepartmentIdentifier: t.department,
            CostCentreIdentifier: t.costCentre,
          },
        }
      : {}),
    ...(parts.profession
      ? { Profession: { ...dated, JobPositionIdentifier: t.positionCode, EmploymentName: t.position } }
      : {}),
    ...(parts.workingTime
      ? {
          WorkingTime: {
            ...dated,
            OccupationRate: t.occupationRate,
            SalariedIndicator: Number(t.occupationRate) > 0,
          },
        }
      : {}),
    ...(parts.salaryAgreement
      ? {
          SalaryAgreement: {
            ...dated,
            SalaryAgreementIdentifier: t.agreement,
            SalaryScaleIdentifier: t.scale,
            SalaryClassIdentifier: t.grade,
          },
          SalarySupplement: t.supplements
            .filter((s) => !s.until || s.until >= date)
            .map((s) => ({
              ...dated,
              DeactivationDate: s.until ?? dated.DeactivationDate,
              SalaryCodeIdentifier: s.code,
              Amount: s.amount,
              PensionIndicator: s.pensionable,
            })),
        }
      : {}),
  };
}
