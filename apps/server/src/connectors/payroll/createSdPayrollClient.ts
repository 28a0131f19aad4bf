import { z } from 'zod';
import { ConnectorError, todayInDenmark, type ConnectorCall, type PayrollConnector } from '@indgang/domain';
import { connectorRequest, type ResolvedEndpoint } from '../connectorRequest';
import { fromSdEmployment, fromSdPayslip, runRef, SD_END_STATUS, sdSalaryCode, sdTerms } from './sdMapping';
import {
  sdCpr,
  sdQueryDate,
  SD_OPERATIONS,
  SD_SIMULATED_INSTITUTION,
  type SdEmployment,
  type SdPayslip,
} from './sdWire';

const ZRun = z.object({ PayrollMonth: z.string(), CutOffDate: z.string(), PayDate: z.string() });
const ZFault = z.object({ Fault: z.object({ FaultCode: z.string(), FaultText: z.string() }) });
const ZEmployments = z.object({
  GetEmployment20111201: z.object({
    Person: z.array(
      z.object({
        PersonCivilRegistrationIdentifier: z.string(),
        Employment: z.array(
          z.looseObject({
            EmploymentIdentifier: z.string(),
            EmploymentDate: z.string(),
            AnniversaryDate: z.string(),
          }),
        ),
      }),
    ),
  }),
});
const ZPayslips = z.object({
  [SD_OPERATIONS.listPayslips]: z.object({
    Payslip: z.array(z.looseObject({ PayslipIdentifier: z.string() })),
  }),
});

/** A CPR number in a system's text is never kept (the operations page shows the text). */
const withoutCpr = (text: string) => text.replace(/\b\d{6}-?\d{4}\b/g, '[cpr]').slice(0, 500);

/**
 * SD's institution: INDGANG_PAYROLL_INSTITUTION, required for a real SD (every call names it);
 * the simulator's own when the client talks to the simulator on loopback.
 */
function institutionOf(endpoint: ResolvedEndpoint, env: NodeJS.ProcessEnv): string {
  if (env.INDGANG_PAYROLL_INSTITUTION) return env.INDGANG_PAYROLL_INSTITUTION;
  const url = new URL(endpoint.url);
  if (url.hostname === '127.0.0.1' && url.pathname.replace(/\/$/, '').endsWith('/sd'))
    return SD_SIMULATED_INSTITUTION;
  throw new Error(
    "INDGANG_PAYROLL_INSTITUTION must name SD Løn's InstitutionIdentifier for the payroll connector",
  );
}

/**
 * The payroll connector for SD Løn: reads employments through GetEmployment20111201 with the
 * effective date and every part switched on, writes through SD's JSON writes under the call's
 * Idempotency-Key (SD answers a repeat with its first answer, so a retry after a lost answer never
 * creates twice), and turns SD's refusals into `refused` with SD's own words (CPR numbers removed).
 */
export function createSdPayrollClient(
  endpoint: ResolvedEndpoint,
  env: NodeJS.ProcessEnv = process.env,
): PayrollConnector {
  const defaultInstitution = institutionOf(endpoint, env);

  async function send<T>(
    method: 'GET' | 'POST',
    operation: string,
    call: ConnectorCall,
    schema: z.ZodType<T>,
    input: Record<string, unknown>,
  ): Promise<T> {
    const path =
      method === 'GET'
        ? `${operation}?${new URLSearchParams(Object.entries(input).map(([k, v]) => [k, String(v)])).toString()}`
        : operation;
    const response = await connectorRequest(
      endpoint,
      {
        method,
        path,
        headers: {
          accept: 'application/json',
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        body: method === 'POST' ? JSON.stringify(input) : undefined,
      },
      call,
    );
    let json: unknown;
    try {
      json = response.json();
    } catch {
      throw new ConnectorError('transient', 'bad_answer', `SD Løn answered ${response.status} without JSON`);
    }
    if (response.status >= 400) {
      const fault = ZFault.safeParse(json);
      throw new ConnectorError(
        'refused',
        fault.success ? fault.data.Fault.FaultCode : `http_${response.status}`,
        fault.success
          ? withoutCpr(fault.data.Fault.FaultText)
          : `SD Løn afviste kaldet (${response.status}).`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new ConnectorError(
        'transient',
        'bad_answer',
        `SD Løn's answer to ${operation} was not as expected`,
      );
    return parsed.data;
  }

  const institution = (given?: string) => given ?? defaultInstitution;

  return {
    async readEmployments(query, call) {
      const inst = institution(query.institution);
      const answer = await send('GET', SD_OPERATIONS.readEmployments, call, ZEmployments, {
        InstitutionIdentifier: inst,
        ...('cpr' in query
          ? { PersonCivilRegistrationIdentifier: sdCpr(query.cpr) }
          : { EmploymentIdentifier: query.employmentId }),
        EffectiveDate: sdQueryDate(query.effectiveDate ?? todayInDenmark()),
        StatusActiveIndicator: true,
        StatusPassiveIndicator: true,
        DepartmentIndicator: true,
        EmploymentStatusIndicator: true,
        ProfessionIndicator: true,
        SalaryAgreementIndicator: true,
        WorkingTimeIndicator: true,
      });
      return answer.GetEmployment20111201.Person.flatMap((p) =>
        p.Employment.map((e) =>
          fromSdEmployment(inst, p.PersonCivilRegistrationIdentifier, e as SdEmployment),
        ),
      );
    },

    async createEmployment(input, call) {
      const answer = await send(
        'POST',
        SD_OPERATIONS.createEmployment,
        call,
        z.object({ EmploymentIdentifier: z.string(), InstitutionIdentifier: z.string(), PayrollRun: ZRun }),
        {
          InstitutionIdentifier: institution(input.institution),
          PersonCivilRegistrationIdentifier: sdCpr(input.cpr),
          EmploymentDate: input.activationDate,
          DeactivationDate: input.deactivationDate,
          ...sdTerms(input),
        },
      );
      return {
        employmentId: answer.EmploymentIdentifier,
        institution: answer.InstitutionIdentifier,
        run: runRef(answer.PayrollRun),
      };
    },

    async changeEmployment(input, call) {
      const answer = await send(
        'POST',
        SD_OPERATIONS.changeEmployment,
        call,
        z.object({ PayrollRun: ZRun }),
        {
          InstitutionIdentifier: institution(input.institution),
          EmploymentIdentifier: input.employmentId,
          ActivationDate: input.from,
          ...sdTerms(input.changes),
        },
      );
      return { run: runRef(answer.PayrollRun) };
    },

    async endEmployment(input, call) {
      const answer = await send('POST', SD_OPERATIONS.endEmployment, call, z.object({ PayrollRun: ZRun }), {
        InstitutionIdentifier: institution(input.institution),
        EmploymentIdentifier: input.employmentId,
        DeactivationDate: input.lastDay,
        EmploymentStatusCode: SD_END_STATUS[input.reason] ?? '8',
      });
      return { run: runRef(answer.PayrollRun) };
    },

    async payAllowance(input, call) {
      const answer = await send(
        'POST',
        SD_OPERATIONS.payAllowance,
        call,
        z.object({ SalaryItemIdentifier: z.string(), PayrollRun: ZRun }),
        {
          InstitutionIdentifier: institution(input.institution),
          EmploymentIdentifier: input.employmentId,
          SalaryCodeIdentifier: sdSalaryCode(input.wageType),
          Amount: input.amount,
          PeriodStartDate: input.period.from,
          PeriodEndDate: input.period.to,
          Line: input.lines.map((l) => ({ Date: l.date, Text: l.text, Amount: l.amount })),
        },
      );
      return { paymentId: answer.SalaryItemIdentifier, run: runRef(answer.PayrollRun) };
    },

    async listPayslips(query, call) {
      const answer = await send('GET', SD_OPERATIONS.listPayslips, call, ZPayslips, {
        InstitutionIdentifier: defaultInstitution,
        PersonCivilRegistrationIdentifier: sdCpr(query.cpr),
      });
      return answer[SD_OPERATIONS.listPayslips].Payslip.map((p) => fromSdPayslip(p as unknown as SdPayslip));
    },
  };
}
