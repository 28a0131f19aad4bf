import { textOf } from '@indgang/schemas';
import type { ConnectorAction, ActionContext } from '../automatedActions';
import { todayInDenmark } from '../../time/isoDate';
import { decide, latestDecision, refuse } from './decide';
import { employmentOn, kroner, payrollPerson, unitDepartment, withoutCpr } from './payrollFacts';

interface AllowancePayload {
  cpr: string;
  wageType: string;
  amount: string;
  department: string;
  period: { from: string | null; to: string | null };
  lines: Array<{ date: string | null; text: string; amount: string }>;
}

const comma = (n: number, decimals: number) => n.toFixed(decimals).replace('.', ',');

async function mileageAllowance(context: ActionContext) {
  const { tx, pc } = context;
  const rates = await latestDecision(tx, pc.id, 'kilometertakst');
  if (!rates)
    throw refuse(
      'payroll_no_rates',
      'Kilometertaksten er ikke afgjort for sagen; en sagsbehandler må beregne godtgørelsen.',
      'The mileage rate was not decided for the case; a caseworker must compute the allowance.',
    );
  const trips = (pc.answers.trips ?? []) as Array<{ date: string; km: number }>;
  const km = trips.reduce((sum, t) => sum + Number(t.km), 0);
  const up = Number(rates.outputs.rateUpToLimit);
  const above = Number(rates.outputs.rateAboveLimit);
  const left = Number(rates.outputs.kmLeftAtUpperRate);
  if (![up, above, left].every(Number.isFinite))
    throw refuse(
      'payroll_rates_missing',
      'Kilometertabellen gav ingen sats for kørslen; en sagsbehandler må beregne godtgørelsen.',
      'The mileage table gave no rate for the trips; a caseworker must compute the allowance.',
    );
  const kmUp = Math.min(km, Math.max(left, 0));
  // Money in whole øre: km to one decimal times a rate in øre, rounded once per band.
  const bands = [
    { km: kmUp, rate: up, oere: Math.round(kmUp * Math.round(up * 100)) },
    { km: km - kmUp, rate: above, oere: Math.round((km - kmUp) * Math.round(above * 100)) },
  ].filter((b) => b.km > 0);
  return {
    kind: 'allowance',
    wageType: 'koerselsgodtgoerelse',
    amount: kroner(bands.reduce((sum, b) => sum + b.oere, 0)),
    currency: 'DKK',
    km: Math.round(km * 10) / 10,
    kmAtUpperRate: Math.round(kmUp * 10) / 10,
    rates: { upToLimit: up, aboveLimit: above, revision: rates.revision },
    year: (pc.periodFrom ?? todayInDenmark()).slice(0, 4),
    lines: bands.map((b) => ({
      date: null,
      text: `Kørsel ${comma(Math.round(b.km * 10) / 10, 1)} km à ${comma(b.rate, 2)} kr.`,
      amount: kroner(b.oere),
    })),
  };
}

async function expenseRefund(context: ActionContext) {
  const receipts = (context.pc.answers.receipts ?? []) as Array<{
    date: string;
    amount: number;
    description: string;
  }>;
  const oere = receipts.reduce((sum, r) => sum + Number(r.amount), 0); // money answers are whole øre
  return {
    kind: 'allowance',
    wageType: 'udlaeg',
    amount: kroner(oere),
    currency: 'DKK',
    lines: receipts.map((r) => ({
      date: r.date,
      text: String(r.description).slice(0, 120),
      amount: kroner(Number(r.amount)),
    })),
  };
}

/**
 * What payroll.allowance pays, by the repeated section the service's answers hold: trips (a
 * mileage claim) or receipts (an expense claim), so a municipality's own copy of either service
 * works too; a service with neither is refused by name.
 */
const ALLOWANCES: Record<string, (context: ActionContext) => Promise<Record<string, unknown>>> = {
  trips: mileageAllowance,
  receipts: expenseRefund,
};

/**
 * An allowance paid through payroll: prepared from the case (the step's decision, if it names a
 * table, then the amount in øre written as kroner with its lines), sent as a one-off payment to
 * the employment in force at the end of the claim's period, found by the claimant's CPR number.
 */
export const payrollAllowance: ConnectorAction = {
  name: 'payroll',
  operation: 'payAllowance',
  async prepare(context) {
    const { pc } = context;
    const section = Object.keys(ALLOWANCES).find((id) =>
      pc.pinned.service.sections.some((s) => s.id === id && s.repeat),
    );
    const allowance = section ? ALLOWANCES[section] : undefined;
    if (!allowance)
      throw refuse(
        'payroll_unknown_service',
        `Der er ingen lønregistrering for servicen "${textOf(pc.pinned.service.name, 'da')}".`,
        `There is no payroll record for the service "${textOf(pc.pinned.service.name, 'en')}".`,
      );
    const decided = context.step.decision ? await decide(context, context.step.decision) : null;
    const record = await allowance(context);
    return {
      payload: {
        ...(await payrollPerson(context.tx, pc.subjectPersonId)),
        department: await unitDepartment(context.tx, pc.unitId),
        period: { from: pc.periodFrom, to: pc.periodTo },
        ...record,
      },
      data: decided?.data,
      system: decided?.system,
    };
  },
  async send(connectors, payload, call) {
    const p = payload as unknown as AllowancePayload;
    const employments = await connectors.payroll.readEmployments({ cpr: p.cpr }, call);
    const employment = employmentOn(employments, p.period.to ?? todayInDenmark(), p.department, true);
    const paid = await connectors.payroll.payAllowance(
      {
        employmentId: employment.employmentId,
        institution: employment.institution,
        wageType: p.wageType,
        amount: p.amount,
        period: p.period,
        lines: p.lines,
      },
      call,
    );
    return { ...withoutCpr(payload), employmentId: employment.employmentId, ...paid };
  },
};
