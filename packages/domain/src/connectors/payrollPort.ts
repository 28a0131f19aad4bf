import type { ConnectorCall } from './ConnectorCall';

/**
 * Payroll (shaped after SD Løn's employment data and KMD OPUS's info types): an employment is
 * known by institution and employment id; its terms change by dated versions, never overwritten.
 */
export interface PayrollTerms {
  /** Overenskomst, e.g. SD's SalaryAgreementIdentifier. */
  agreement: string;
  /** Pay grade (løntrin / SalaryClassIdentifier). */
  payGrade: string;
  supplements: Array<{ code: string; amount: string; pensionable: boolean; until?: string | null }>;
  /** Fraction of full time (37 hours): 0.8 is 29.6 hours a week. */
  occupationRate: number;
  /** Stilling, JobPositionIdentifier. */
  position: string;
  costCentre: string;
}

export interface PayrollEmployment extends PayrollTerms {
  institution: string;
  employmentId: string;
  cpr: string;
  activationDate: string;
  deactivationDate: string | null;
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
  gross: string;
  net: string;
  lines: Array<{ text: string; amount: string }>;
}

export interface PayrollConnector {
  readEmployments(
    query: { cpr: string } | { employmentId: string },
    call: ConnectorCall,
  ): Promise<PayrollEmployment[]>;
  createEmployment(
    input: PayrollTerms & {
      cpr: string;
      institution: string;
      activationDate: string;
      deactivationDate: string | null;
    },
    call: ConnectorCall,
  ): Promise<{ employmentId: string; run: PayrollRunRef }>;
  changeEmployment(
    input: { employmentId: string; from: string; changes: Partial<PayrollTerms> },
    call: ConnectorCall,
  ): Promise<{ run: PayrollRunRef }>;
  endEmployment(
    input: { employmentId: string; lastDay: string; reason: string },
    call: ConnectorCall,
  ): Promise<{ run: PayrollRunRef }>;
  payAllowance(
    input: {
      employmentId: string;
      wageType: string;
      amount: string;
      period: { from: string | null; to: string | null };
      lines: Array<{ date: string; text: string; amount: string }>;
    },
    call: ConnectorCall,
  ): Promise<{ paymentId: string; run: PayrollRunRef }>;
  listPayslips(query: { cpr: string }, call: ConnectorCall): Promise<Payslip[]>;
}
