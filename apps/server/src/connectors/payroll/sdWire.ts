/**
 * SD Løn's employment data on the wire, as the client sends it and the simulator answers it.
 *
 * The read follows SD's published web service `GetEmployment20111201` (query parameters
 * InstitutionIdentifier, PersonCivilRegistrationIdentifier or EmploymentIdentifier, EffectiveDate as
 * DD.MM.YYYY and the *Indicator switches; an answer of Person → Employment with EmploymentStatus,
 * EmploymentDepartment, Profession, WorkingTime and SalaryAgreement, each with its Activation- and
 * DeactivationDate, 9999-12-31 for open-ended), answered as JSON with the same element names.
 * SD's public web services only read; the writes (`…20250101`) are the same element names in
 * SD's newer JSON style, with an `Idempotency-Key` that a repeated request is answered by.
 * A refusal is HTTP 4xx with `Fault` (the code and SD's own Danish text).
 */

/** The institution of the simulated SD (Eksempel Kommune); a real one is configured. */
export const SD_SIMULATED_INSTITUTION = 'EK';

/** SD's "no end" date. */
export const SD_OPEN_END = '9999-12-31';

/** The version stamp of the writes and the payslip read. */
export const SD_WRITE_VERSION = '20250101';

export const SD_OPERATIONS = {
  readEmployments: 'GetEmployment20111201',
  createEmployment: `CreateEmployment${SD_WRITE_VERSION}`,
  changeEmployment: `ChangeEmployment${SD_WRITE_VERSION}`,
  endEmployment: `TerminateEmployment${SD_WRITE_VERSION}`,
  payAllowance: `CreateSalaryItem${SD_WRITE_VERSION}`,
  listPayslips: `GetPayslip${SD_WRITE_VERSION}`,
} as const;

export interface SdDated {
  ActivationDate: string;
  DeactivationDate: string;
}

export interface SdSupplement extends SdDated {
  /** Lønart. */
  SalaryCodeIdentifier: string;
  /** Kroner a year, two decimals. */
  Amount: string;
  PensionIndicator: boolean;
}

/** An employment on the day asked for; each part only when its *Indicator was true. */
export interface SdEmployment {
  EmploymentIdentifier: string;
  EmploymentDate: string;
  AnniversaryDate: string;
  EmploymentStatus?: SdDated & { EmploymentStatusCode: string };
  EmploymentDepartment?: SdDated & { DepartmentIdentifier: string; CostCentreIdentifier: string };
  Profession?: SdDated & { JobPositionIdentifier: string; EmploymentName: string };
  /** OccupationRate with four decimals, as SD writes it. */
  WorkingTime?: SdDated & { OccupationRate: string; SalariedIndicator: boolean };
  SalaryAgreement?: SdDated & {
    SalaryAgreementIdentifier: string;
    SalaryScaleIdentifier: string;
    SalaryClassIdentifier: string;
  };
  SalarySupplement?: SdSupplement[];
}

export interface SdGetEmploymentAnswer {
  GetEmployment20111201: {
    InstitutionIdentifier: string;
    EffectiveDate: string;
    Person: Array<{ PersonCivilRegistrationIdentifier: string; Employment: SdEmployment[] }>;
  };
}

export interface SdPayrollRun {
  PayrollMonth: string;
  CutOffDate: string;
  PayDate: string;
}

/** The terms a create or a change carries; a change carries only what changes. */
export interface SdTermsBody {
  DepartmentIdentifier?: string;
  CostCentreIdentifier?: string;
  JobPositionIdentifier?: string | null;
  EmploymentName?: string;
  OccupationRate?: string;
  SalaryAgreementIdentifier?: string;
  SalaryClassIdentifier?: string;
  SalarySupplement?: Array<{
    SalaryCodeIdentifier: string;
    Amount: string;
    PensionIndicator: boolean;
    DeactivationDate?: string | null;
  }>;
}

export interface SdCreateEmploymentBody extends SdTermsBody {
  InstitutionIdentifier: string;
  PersonCivilRegistrationIdentifier: string;
  EmploymentDate: string;
  DeactivationDate?: string | null;
}

export interface SdChangeEmploymentBody extends SdTermsBody {
  InstitutionIdentifier: string;
  EmploymentIdentifier: string;
  ActivationDate: string;
}

export interface SdTerminateEmploymentBody {
  InstitutionIdentifier: string;
  EmploymentIdentifier: string;
  /** The last day of employment. */
  DeactivationDate: string;
  /** 7 dead or emigrated, 8 left (fratrådt), 9 retired. */
  EmploymentStatusCode: string;
}

export interface SdSalaryItemBody {
  InstitutionIdentifier: string;
  EmploymentIdentifier: string;
  SalaryCodeIdentifier: string;
  Amount: string;
  PeriodStartDate?: string | null;
  PeriodEndDate?: string | null;
  Line: Array<{ Date?: string | null; Text: string; Amount: string }>;
}

export interface SdPayslip {
  PayslipIdentifier: string;
  EmploymentIdentifier: string;
  PayrollMonth: string;
  PayDate: string;
  GrossAmount: string;
  NetAmount: string;
  Line: Array<{ Text: string; Amount: string }>;
}

export interface SdFaultBody {
  Fault: { FaultCode: string; FaultText: string };
}

/** SD writes dates in its query parameters as DD.MM.YYYY. */
export const sdQueryDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** An ISO date from SD's DD.MM.YYYY, or null when it is not one. */
export function isoFromSdQueryDate(value: string | undefined): string | null {
  const m = value ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** SD knows a CPR number as ten digits; Indgang writes DDMMYY-XXXX. */
export const sdCpr = (cpr: string) => cpr.replace('-', '');
export const indgangCpr = (digits: string) => `${digits.slice(0, 6)}-${digits.slice(6)}`;
