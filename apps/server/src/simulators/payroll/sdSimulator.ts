import type { FastifyReply } from 'fastify';
import {
  isoFromSdQueryDate,
  SD_OPERATIONS,
  type SdChangeEmploymentBody,
  type SdCreateEmploymentBody,
  type SdGetEmploymentAnswer,
  type SdSalaryItemBody,
  type SdTerminateEmploymentBody,
} from '../../connectors/payroll/sdWire';
import type { SimulatorPlugin } from '../startSimulators';
import { SdDemoRegister } from './sdDemoRegister';
import { employmentOnDate, isPassive, statusAt, type SimEmployment } from './sdEmployment';
import { SdFault } from './sdFault';
import { answerOnce } from './sdIdempotency';
import { recentPayslips } from './sdPayslips';
import { SdRegistry } from './sdRegistry';
import { changeEmployment, createEmployment, createSalaryItem, terminateEmployment } from './sdWrites';

type Query = Record<string, string | undefined>;

const refuse = (reply: FastifyReply, error: unknown) => {
  if (!(error instanceof SdFault)) throw error;
  return reply.code(error.status).send(error.body());
};

/** The person a read names: ten digits, as SD knows CPR numbers. */
function cprOf(query: Query): string | null {
  const cpr = query.PersonCivilRegistrationIdentifier;
  if (cpr === undefined) return null;
  if (!/^\d{10}$/.test(cpr))
    throw new SdFault('InvalidCivilRegistration', 'Personnummeret skal være 10 cifre uden bindestreg.');
  return cpr;
}

/** The employments GetEmployment20111201 answers, by person or by employment and the status switches. */
function employmentsAsked(sd: SdRegistry, institution: string, query: Query, date: string): SimEmployment[] {
  const cpr = cprOf(query);
  const found = cpr
    ? sd.forCpr(institution, cpr)
    : query.EmploymentIdentifier
      ? [sd.find(institution, query.EmploymentIdentifier)].filter((e): e is SimEmployment => !!e)
      : null;
  if (!found)
    throw new SdFault(
      'MissingElement',
      'Angiv PersonCivilRegistrationIdentifier eller EmploymentIdentifier.',
    );
  const active = query.StatusActiveIndicator !== 'false';
  const passive = query.StatusPassiveIndicator === 'true';
  return found.filter((e) => (isPassive(statusAt(e, date)) ? passive : active));
}

/**
 * The simulated SD Løn: its employment read (GetEmployment20111201), the writes of its newer JSON
 * API (create, change from a date, terminate, a one-off payment) answered once per Idempotency-Key,
 * payslips, with SD's validation in its own Danish words. Each route names its operation, so
 * planned faults (unavailable, timeout, lost answer) can hit it.
 */
export const sdPayrollSimulator: SimulatorPlugin = {
  connector: 'payroll',
  prefix: '/sd',
  register(app, store, config) {
    // On first start the register's seed is kept, so a restart with other settings reads the same people.
    const demo =
      store.get<{ seed: number; scale?: number }>('meta', 'demo') ??
      (config?.demo ? store.put('meta', 'demo', config.demo) : undefined);
    const sd = new SdRegistry(store, new SdDemoRegister(demo));

    app.get<{ Querystring: Query }>(
      `/${SD_OPERATIONS.readEmployments}`,
      { config: { operation: 'readEmployments' } },
      async (request, reply) => {
        try {
          const query = request.query;
          const institution = sd.institution(query.InstitutionIdentifier);
          const date = isoFromSdQueryDate(query.EffectiveDate);
          if (!date)
            throw new SdFault('InvalidDate', 'EffectiveDate mangler eller er ikke en dato (DD.MM.ÅÅÅÅ).');
          const parts = {
            status: query.EmploymentStatusIndicator === 'true',
            department: query.DepartmentIndicator === 'true',
            profession: query.ProfessionIndicator === 'true',
            workingTime: query.WorkingTimeIndicator === 'true',
            salaryAgreement: query.SalaryAgreementIndicator === 'true',
          };
          const byPerson = new Map<string, SimEmployment[]>();
          for (const e of employmentsAsked(sd, institution, query, date))
            byPerson.set(e.cpr, [...(byPerson.get(e.cpr) ?? []), e]);
          const answer: SdGetEmploymentAnswer = {
            GetEmployment20111201: {
              InstitutionIdentifier: institution,
              EffectiveDate: date,
              Person: [...byPerson].map(([cpr, employments]) => ({
                PersonCivilRegistrationIdentifier: cpr,
                Employment: employments.map((e) => employmentOnDate(e, date, parts)),
              })),
            },
          };
          return answer;
        } catch (error) {
          return refuse(reply, error);
        }
      },
    );

    app.get<{ Querystring: Query }>(
      `/${SD_OPERATIONS.listPayslips}`,
      { config: { operation: 'listPayslips' } },
      async (request, reply) => {
        try {
          const institution = sd.institution(request.query.InstitutionIdentifier);
          const cpr = cprOf(request.query);
          if (!cpr)
            throw new SdFault('MissingElement', 'Elementet PersonCivilRegistrationIdentifier mangler.');
          const slips = recentPayslips(
            sd.forCpr(institution, cpr),
            (e) => sd.salaryItems(institution, e.employmentId),
            sd.today(),
          );
          return { [SD_OPERATIONS.listPayslips]: { Payslip: slips } };
        } catch (error) {
          return refuse(reply, error);
        }
      },
    );

    const write = <Body>(
      operation: keyof typeof SD_OPERATIONS,
      work: (body: Body) => unknown,
      created = false,
    ) =>
      app.post<{ Body: Body }>(`/${SD_OPERATIONS[operation]}`, { config: { operation } }, (request, reply) =>
        answerOnce(store, request, reply, operation, () => ({
          body: work((request.body ?? {}) as Body),
          status: created ? 201 : 200,
        })),
      );
    write<SdCreateEmploymentBody>('createEmployment', (body) => createEmployment(sd, body), true);
    write<SdChangeEmploymentBody>('changeEmployment', (body) => changeEmployment(sd, body));
    write<SdTerminateEmploymentBody>('endEmployment', (body) => terminateEmployment(sd, body));
    write<SdSalaryItemBody>('payAllowance', (body) => createSalaryItem(sd, body), true);
  },
};
