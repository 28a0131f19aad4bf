import type { SdTermsBody } from '../../connectors/payroll/sdWire';
import { OTHER_POSITION, professionCode, sdAgreement, SD_SALARY_CODES } from './sdCatalogue';
import type { SdDemoRegister } from './sdDemoRegister';
import type { SimTerms } from './sdEmployment';
import { SdFault, requireText } from './sdFault';

const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;

/** A kroner amount with two decimals, or SD's refusal. */
export function requireAmount(value: unknown, element: string): string {
  if (typeof value !== 'string' || !AMOUNT.test(value))
    throw new SdFault('InvalidAmount', `${element} er ikke et gyldigt beløb: ${String(value).slice(0, 20)}.`);
  return Number(value).toFixed(2);
}

/** OccupationRate: a fraction of full time from 0 (hourly paid) to 1, four decimals. */
function occupationRate(value: unknown): string {
  const rate = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  if (value === '' || value === null || !Number.isFinite(rate) || rate < 0 || rate > 1)
    throw new SdFault(
      'OccupationRateOutOfRange',
      `Beskæftigelsesbrøken skal være mellem 0 og 1 (0,0000–1,0000), men er ${String(value).slice(0, 20)}.`,
    );
  return rate.toFixed(4);
}

/**
 * The terms a create or a change carries, checked as SD checks them: a known agreement, a grade
 * on its scale, an occupation rate from 0 to 1, a department of the institution, known lønarter
 * for supplements. A create must carry all of them; a change only what changes.
 */
export function termsFromBody(
  body: SdTermsBody,
  demo: SdDemoRegister,
  institution: string,
  complete: boolean,
): Partial<SimTerms> {
  const terms: Partial<SimTerms> = {};
  const has = (value: unknown) => value !== undefined || complete;
  if (has(body.SalaryAgreementIdentifier)) {
    const id = requireText(body.SalaryAgreementIdentifier, 'SalaryAgreementIdentifier');
    const agreement = sdAgreement(id);
    if (!agreement)
      throw new SdFault('UnknownAgreement', `Overenskomst ${id.slice(0, 20)} findes ikke i SD Løn.`);
    terms.agreement = agreement.id;
    terms.scale = agreement.scale;
  }
  if (has(body.SalaryClassIdentifier)) {
    const grade = requireText(body.SalaryClassIdentifier, 'SalaryClassIdentifier');
    if (!/^\d{1,2}$/.test(grade) || Number(grade) < 10 || Number(grade) > 60)
      throw new SdFault(
        'UnknownSalaryClass',
        `Løntrin ${grade.slice(0, 10)} findes ikke på lønskalaen (løntrin 10–60).`,
      );
    terms.grade = String(Number(grade));
  }
  if (has(body.OccupationRate)) terms.occupationRate = occupationRate(body.OccupationRate);
  if (has(body.DepartmentIdentifier)) {
    const department = requireText(body.DepartmentIdentifier, 'DepartmentIdentifier');
    if (!demo.knowsDepartment(department))
      throw new SdFault(
        'UnknownDepartment',
        `Afdeling ${department.slice(0, 20)} findes ikke på institution ${institution}.`,
      );
    terms.department = department;
    terms.costCentre = department;
  }
  if (body.CostCentreIdentifier)
    terms.costCentre = requireText(body.CostCentreIdentifier, 'CostCentreIdentifier');
  if (has(body.EmploymentName)) {
    terms.position = requireText(body.EmploymentName, 'EmploymentName').slice(0, 60);
    terms.positionCode = professionCode(terms.position);
  }
  if (body.JobPositionIdentifier) {
    const code = String(body.JobPositionIdentifier);
    if (!/^\d{4}$/.test(code))
      throw new SdFault('UnknownJobPosition', `Stillingskode ${code.slice(0, 10)} findes ikke.`);
    terms.positionCode = code;
    if (!terms.position && code === OTHER_POSITION)
      throw new SdFault('MissingElement', 'Elementet EmploymentName mangler.');
  }
  if (has(body.SalarySupplement))
    terms.supplements = (body.SalarySupplement ?? []).map((s) => {
      const code = requireText(s.SalaryCodeIdentifier, 'SalaryCodeIdentifier');
      const known = SD_SALARY_CODES[code];
      if (!known) throw new SdFault('UnknownSalaryCode', `Lønart ${code.slice(0, 10)} findes ikke.`);
      if (known.kind !== 'supplement')
        throw new SdFault(
          'SalaryCodeNotSupplement',
          `Lønart ${code} (${known.name}) kan ikke bruges som fast tillæg.`,
        );
      return {
        code,
        amount: requireAmount(s.Amount, 'Amount'),
        pensionable: s.PensionIndicator === true,
        until: s.DeactivationDate ?? null,
      };
    });
  return terms;
}
