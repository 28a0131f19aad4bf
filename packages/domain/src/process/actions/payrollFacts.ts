import { sql } from 'drizzle-orm';
import type { Tx } from '../../audit/appendAudit';
import { ConnectorError } from '../../connectors/ConnectorError';
import type { PayrollEmployment } from '../../connectors/payrollPort';
import { danishDate } from '../../time/isoDate';
import { refuse } from './decide';

/** Kroner with two decimals from øre, as payroll writes amounts. */
export const kroner = (oere: number) => (oere / 100).toFixed(2);

/** Full time in hours a week: an occupation rate is hours / 37, with four decimals as payroll keeps it. */
export const FULL_TIME_HOURS = 37;
export const occupationRate = (hours: number) => Math.round((hours / FULL_TIME_HOURS) * 10_000) / 10_000;

/**
 * The person a payroll record is for, with her CPR number: payroll knows a person by it, and her
 * employment number is looked up by it when the record is sent.
 */
export async function payrollPerson(tx: Tx, personId: string | null) {
  if (!personId)
    throw refuse(
      'payroll_no_person',
      'Sagen nævner ingen medarbejder at registrere i lønsystemet.',
      'The case names no employee to register in payroll.',
    );
  const { rows } = await tx.execute<{ cpr: string | null }>(sql`
    SELECT cpr FROM persons WHERE id = ${personId}`);
  const cpr = rows[0]?.cpr;
  if (!cpr)
    throw refuse(
      'payroll_no_cpr',
      'Medarbejderen har intet CPR-nummer i Indgang, så lønsystemet kan ikke finde hende; en sagsbehandler må registrere det direkte.',
      'The employee has no CPR number in Indgang, so payroll cannot find her; a caseworker must register it directly.',
    );
  return { personId, cpr };
}

/**
 * A unit's department in payroll: its code, or its id in capitals when it has none (the
 * organisation import takes the codes from payroll).
 */
export async function unitDepartment(tx: Tx, unitId: string): Promise<string> {
  const { rows } = await tx.execute<{ department: string }>(sql`
    SELECT coalesce(code, upper(id)) AS department FROM org_units WHERE id = ${unitId}`);
  if (!rows[0])
    throw refuse(
      'payroll_unknown_unit',
      'Enheden på sagen findes ikke længere i organisationen.',
      "The case's unit no longer exists in the organisation.",
    );
  return rows[0].department;
}

/**
 * The employment a record concerns among a person's: the one in force on the date, that of the
 * case's department when she has several; with `orLatest`, her latest begun employment when none
 * is in force (an allowance after she left, an end payroll may find already registered). None, or
 * several in other departments, is payroll's answer that the record cannot be placed: refused, so
 * a person decides.
 */
export function employmentOn(
  employments: PayrollEmployment[],
  date: string,
  department: string | null,
  orLatest = false,
): PayrollEmployment {
  const begun = employments.filter((e) => e.activationDate <= date);
  const inForce = begun.filter((e) => e.deactivationDate === null || e.deactivationDate >= date);
  const here = inForce.filter((e) => e.department === department);
  const chosen = inForce.length === 1 ? inForce : here;
  if (chosen.length === 1) return chosen[0]!;
  if (orLatest && inForce.length === 0 && begun.length > 0)
    return begun.reduce((a, b) => ((b.deactivationDate ?? '') > (a.deactivationDate ?? '') ? b : a));
  throw new ConnectorError(
    'refused',
    inForce.length === 0 ? 'no_employment' : 'several_employments',
    inForce.length === 0
      ? `Lønsystemet har ingen ansættelse for medarbejderen den ${danishDate(date)}.`
      : `Medarbejderen har ${inForce.length} ansættelser den ${danishDate(date)}; en sagsbehandler må vælge den rigtige.`,
  );
}

/** The payload without the CPR number: what the step records beside payroll's answer. */
export function withoutCpr(payload: Record<string, unknown>): Record<string, unknown> {
  const { cpr: _cpr, ...rest } = payload;
  return rest;
}
