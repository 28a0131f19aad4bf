import type { PayrollEndReason } from '../../connectors/payrollPort';

/**
 * Which answers of a service the payroll actions read, by field id (the first id the answers hold
 * wins), so a municipality's own copy of the new-hire or termination form works when it uses these
 * ids. A form for a new hire names at least the CPR number, the unit, the title, the agreement,
 * the pay grade, the hours (or an occupation rate as a fraction) and the start date.
 */
export const NEW_HIRE_FIELDS = {
  cpr: ['cpr'],
  unit: ['unit'],
  position: ['position'],
  positionCode: ['positionCode'],
  agreement: ['agreement'],
  payGrade: ['payGrade', 'payStep', 'salaryStep'],
  weeklyHours: ['weeklyHours'],
  occupationRate: ['occupationRate'],
  startDate: ['startDate'],
  endDate: ['endDate'],
  costCentre: ['costCentre'],
  supplement: ['allowance', 'supplement'],
} as const;

/**
 * The new-hire form's kinds of supplement (its repeated section `supplements`: kind, amount a
 * year in øre, pensionable) as Indgang's wage types; any other kind is a local supplement.
 */
export const SUPPLEMENT_CODES: Record<string, string> = {
  function: 'funktionstillaeg',
  qualification: 'kvalifikationstillaeg',
  other: 'lokaltillaeg',
};

/** The termination form: the last day of employment and why it ends. */
export const TERMINATION_FIELDS = {
  person: ['person'],
  lastDay: ['lastDay', 'terminationDate'],
  reason: ['reason', 'type'],
} as const;

/**
 * The new-hire form's agreement choices as payroll's agreement ids (SD's
 * SalaryAgreementIdentifier); a value not named here is sent as it is, so a form whose options are
 * payroll's ids needs no entry. The leaders' agreements (school leaders, leaders of day-care
 * institutions) are paid as leader pay under their organisation's agreement, which payroll keeps
 * as one agreement id; chief officers under chefaftalen.
 */
export const AGREEMENT_IDS: Record<string, string> = {
  laerere: '04011',
  paedagoger: '05011',
  foa: '06011',
  hk: '07011',
  ac: '08011',
  ledere: '09011',
  skoleledere: '09011',
  paedagogiskeLedere: '09011',
  sygeplejersker: '06021',
  chefer: '09021',
};

/** The termination form's reasons as payroll's; anything else ends as "other" (status: left). */
export const END_REASONS: Record<string, PayrollEndReason> = {
  resignation: 'resignation',
  dismissal: 'dismissal',
  summary_dismissal: 'summary_dismissal',
  summaryDismissal: 'summary_dismissal',
  retirement: 'retirement',
  death: 'death',
};

/** The first of the field ids the answers hold a value for. */
export function answerOf(answers: Record<string, unknown>, ids: readonly string[]): unknown {
  for (const id of ids)
    if (answers[id] !== undefined && answers[id] !== null && answers[id] !== '') return answers[id];
  return undefined;
}
