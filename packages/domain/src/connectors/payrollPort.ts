import type { ConnectorCall } from './ConnectorCall';

/**
 * Payroll (shaped after SD Løn's employment data and KMD OPUS's info types): an employment is
 * known by institution and employment id; its terms change by dated versions, never overwritten.
 * The institution is the payroll system's own (SD's InstitutionIdentifier); absent, the client's
 * configured one.
 */
export interface PayrollTerms {
  /** Overenskomst, SD's SalaryAgreementIdentifier. */
  agreement: string;
  /** Pay grade (løntrin, SD's SalaryClassIdentifier). */
  payGrade: string;
  /** Supplements by Indgang's wage type code; amounts are kroner a year with two decimals. */
  supplements: Array<{ code: string; amount: string; pensionable: boolean; until?: string | null }>;
  /** Fraction of full time (37 hours): 0.8 is 29.6 hours a week; 0 for the hourly paid. */
  occupationRate: number;
  /** Stillingsbetegnelse as the payslip shows it (SD's EmploymentName). */
  position: string;
  /** Stillingskode (SD's JobPositionIdentifier) when known; the system derives it from the title otherwise. */
  positionCode: string | null;
  /** Where the employment is placed (SD's DepartmentIdentifier): the unit's code. */
  department: string;
  costCentre: string;
}

export interface PayrollEmployment extends PayrollTerms {
  institution: string;
  employmentId: string;
  cpr: string;
  activationDate: string;
  deactivationDate: string | null;
  /** SD's EmploymentStatusCode on the day read: 0 hired, not yet paid; 1 paid; 3/4 leave; 7 dead or emigrated; 8 left; 9 retired. */
  status: string;
}

/** The payroll run a change reaches: a change after the run's cut-off goes to the next. */
export interface PayrollRunRef {
  month: string;
  cutOff: string;
  payDay: string;
}

export interface Payslip {
  id: string;
  month: string;
  payDay: string;
  employmentId: string;
  gross: string;
  net: string;
  lines: Array<{ text: string; amount: string }>;
}

/** Which employment a write concerns. */
export interface PayrollEmploymentRef {
  employmentId: string;
  institution?: string;
}

/** Why an employment ends; the client maps it to the system's status code. */
export type PayrollEndReason =
  'resignation' | 'dismissal' | 'summary_dismissal' | 'retirement' | 'death' | 'other';

export interface PayrollConnector {
  /** The employments with their terms on `effectiveDate` (today when absent), ended ones too. */
  readEmployments(
    query: ({ cpr: string } | { employmentId: string }) & { effectiveDate?: string; institution?: string },
    call: ConnectorCall,
  ): Promise<PayrollEmployment[]>;
  createEmployment(
    input: PayrollTerms & {
      cpr: string;
      institution?: string;
      activationDate: string;
      deactivationDate: string | null;
    },
    call: ConnectorCall,
  ): Promise<{ employmentId: string; institution: string; run: PayrollRunRef }>;
  changeEmployment(
    input: PayrollEmploymentRef & { from: string; changes: Partial<PayrollTerms> },
    call: ConnectorCall,
  ): Promise<{ run: PayrollRunRef }>;
  endEmployment(
    input: PayrollEmploymentRef & { lastDay: string; reason: PayrollEndReason },
    call: ConnectorCall,
  ): Promise<{ run: PayrollRunRef }>;
  payAllowance(
    input: PayrollEmploymentRef & {
      wageType: string;
      amount: string;
      period: { from: string | null; to: string | null };
      lines: Array<{ date: string | null; text: string; amount: string }>;
    },
    call: ConnectorCall,
  ): Promise<{ paymentId: string; run: PayrollRunRef }>;
  listPayslips(query: { cpr: string }, call: ConnectorCall): Promise<Payslip[]>;
}
