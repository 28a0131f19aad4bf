import {
  addDays,
  type PayrollEmployment,
  type PayrollEndReason,
  type PayrollRunRef,
  type PayrollTerms,
  type Payslip,
} from '@indgang/domain';
import {
  indgangCpr,
  SD_OPEN_END,
  type SdEmployment,
  type SdPayrollRun,
  type SdPayslip,
  type SdTermsBody,
} from './sdWire';

/**
 * Indgang's wage types as the institution's lønarter. A municipality with other numbers changes
 * them here; a code not named here is sent as it is (it may be a lønart already).
 */
export const SD_SALARY_CODE_OF: Record<string, string> = {
  lokaltillaeg: '2100',
  funktionstillaeg: '2110',
  kvalifikationstillaeg: '2120',
  vikartimer: '1100',
  koerselsgodtgoerelse: '9100',
  udlaeg: '9200',
};
const codeOf = (wageType: string) => SD_SALARY_CODE_OF[wageType] ?? wageType;
const wageTypeOf = (code: string) =>
  Object.entries(SD_SALARY_CODE_OF).find(([, c]) => c === code)?.[0] ?? code;

/** EmploymentStatusCode an employment ends with: 7 dead (or emigrated), 9 retired, 8 left. */
export const SD_END_STATUS: Record<PayrollEndReason, string> = {
  resignation: '8',
  dismissal: '8',
  summary_dismissal: '8',
  retirement: '9',
  death: '7',
  other: '8',
};

export const runRef = (run: SdPayrollRun): PayrollRunRef => ({
  month: run.PayrollMonth,
  cutOff: run.CutOffDate,
  payDay: run.PayDate,
});

/** The terms as SD's write elements: only those given (a change carries only what changes). */
export function sdTerms(terms: Partial<PayrollTerms>): SdTermsBody {
  return {
    ...(terms.department !== undefined ? { DepartmentIdentifier: terms.department } : {}),
    ...(terms.costCentre !== undefined ? { CostCentreIdentifier: terms.costCentre } : {}),
    ...(terms.positionCode ? { JobPositionIdentifier: terms.positionCode } : {}),
    ...(terms.position !== undefined ? { EmploymentName: terms.position } : {}),
    ...(terms.occupationRate !== undefined ? { OccupationRate: terms.occupationRate.toFixed(4) } : {}),
    ...(terms.agreement !== undefined ? { SalaryAgreementIdentifier: terms.agreement } : {}),
    ...(terms.payGrade !== undefined ? { SalaryClassIdentifier: terms.payGrade } : {}),
    ...(terms.supplements !== undefined
      ? {
          SalarySupplement: terms.supplements.map((s) => ({
            SalaryCodeIdentifier: codeOf(s.code),
            Amount: s.amount,
            PensionIndicator: s.pensionable,
            DeactivationDate: s.until ?? null,
          })),
        }
      : {}),
  };
}

const openEnd = (date: string | undefined) => (!date || date === SD_OPEN_END ? null : date);

/** An employment as GetEmployment20111201 gave it, in the port's words. */
export function fromSdEmployment(institution: string, cpr: string, e: SdEmployment): PayrollEmployment {
  const status = e.EmploymentStatus?.EmploymentStatusCode ?? '1';
  const passive = ['7', '8', '9'].includes(status);
  return {
    institution,
    employmentId: e.EmploymentIdentifier,
    cpr: indgangCpr(cpr),
    activationDate: e.EmploymentDate,
    // An ended employment's status runs from the day after its last day.
    deactivationDate: passive
      ? addDays(e.EmploymentStatus!.ActivationDate, -1)
      : openEnd(e.EmploymentStatus?.DeactivationDate),
    status,
    agreement: e.SalaryAgreement?.SalaryAgreementIdentifier ?? '',
    payGrade: e.SalaryAgreement?.SalaryClassIdentifier ?? '',
    supplements: (e.SalarySupplement ?? []).map((s) => ({
      code: wageTypeOf(s.SalaryCodeIdentifier),
      amount: s.Amount,
      pensionable: s.PensionIndicator,
      until: openEnd(s.DeactivationDate),
    })),
    occupationRate: Number(e.WorkingTime?.OccupationRate ?? 0),
    position: e.Profession?.EmploymentName ?? '',
    positionCode: e.Profession?.JobPositionIdentifier ?? null,
    department: e.EmploymentDepartment?.DepartmentIdentifier ?? '',
    costCentre: e.EmploymentDepartment?.CostCentreIdentifier ?? '',
  };
}

export const fromSdPayslip = (p: SdPayslip): Payslip => ({
  id: p.PayslipIdentifier,
  month: p.PayrollMonth,
  payDay: p.PayDate,
  employmentId: p.EmploymentIdentifier,
  gross: p.GrossAmount,
  net: p.NetAmount,
  lines: p.Line.map((l) => ({ text: l.Text, amount: l.Amount })),
});

export { codeOf as sdSalaryCode };
