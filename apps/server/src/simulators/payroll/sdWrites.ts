import type {
  SdChangeEmploymentBody,
  SdCreateEmploymentBody,
  SdPayrollRun,
  SdSalaryItemBody,
  SdTerminateEmploymentBody,
} from '../../connectors/payroll/sdWire';
import { SD_SALARY_CODES } from './sdCatalogue';
import type { SimEmployment, SimTerms } from './sdEmployment';
import { versionAt } from './sdEmployment';
import { SdFault, requireDate, requireText, sdTextDate } from './sdFault';
import { payRunFor } from './sdPayRun';
import type { SdRegistry } from './sdRegistry';
import { requireAmount, termsFromBody } from './sdTerms';

/** What each write answers: the run it reaches, and what it made. */
export type SdWriteAnswer = { PayrollRun: SdPayrollRun } & Record<string, unknown>;

/** A new employment, with its terms from its first day; numbered by SD. */
export function createEmployment(sd: SdRegistry, body: SdCreateEmploymentBody): SdWriteAnswer {
  const institution = sd.institution(body.InstitutionIdentifier);
  const cpr = requireText(body.PersonCivilRegistrationIdentifier, 'PersonCivilRegistrationIdentifier');
  if (!/^\d{10}$/.test(cpr))
    throw new SdFault('InvalidCivilRegistration', 'Personnummeret skal være 10 cifre uden bindestreg.');
  const start = requireDate(body.EmploymentDate, 'EmploymentDate');
  const end = body.DeactivationDate ? requireDate(body.DeactivationDate, 'DeactivationDate') : null;
  if (end && end < start)
    throw new SdFault(
      'DateBeforeEmployment',
      `Fratrædelsesdatoen ${sdTextDate(end)} ligger før ansættelsesdatoen ${sdTextDate(start)}.`,
    );
  const terms = termsFromBody(body, sd.demo, institution, true) as SimTerms;
  const employment: SimEmployment = {
    institution,
    employmentId: sd.nextEmploymentId(),
    cpr,
    employmentDate: start,
    anniversaryDate: start,
    endDate: end,
    endStatus: end ? '8' : null,
    versions: [{ from: start, terms }],
  };
  sd.save(employment);
  return {
    EmploymentIdentifier: employment.employmentId,
    InstitutionIdentifier: institution,
    PayrollRun: payRunFor(sd.today(), start),
  };
}

/**
 * A change from a date: a new version with the terms in force that day and what changes, never
 * before the employment began nor after it ended; a version already from that day is replaced.
 */
export function changeEmployment(sd: SdRegistry, body: SdChangeEmploymentBody): SdWriteAnswer {
  const institution = sd.institution(body.InstitutionIdentifier);
  const employment = sd.get(institution, body.EmploymentIdentifier);
  const from = requireDate(body.ActivationDate, 'ActivationDate');
  if (from < employment.employmentDate)
    throw new SdFault(
      'DateBeforeEmployment',
      `Ændringen kan ikke have virkning før ansættelsesdatoen ${sdTextDate(employment.employmentDate)}.`,
    );
  if (employment.endDate && from > employment.endDate)
    throw new SdFault(
      'DateAfterEmployment',
      `Ansættelsen ${employment.employmentId} er fratrådt pr. ${sdTextDate(employment.endDate)}; en ændring efter fratrædelsen kan ikke registreres.`,
    );
  const changes = termsFromBody(body, sd.demo, institution, false);
  if (Object.keys(changes).length === 0)
    throw new SdFault('NothingToChange', 'Ændringen indeholder ingen oplysninger at ændre.');
  const terms = { ...versionAt(employment, from).version.terms, ...changes };
  employment.versions = [...employment.versions.filter((v) => v.from !== from), { from, terms }].sort(
    (a, b) => a.from.localeCompare(b.from),
  );
  sd.save(employment);
  return { PayrollRun: payRunFor(sd.today(), from) };
}

/** The end of an employment on its last day, with the status it ends in; an ended one is refused. */
export function terminateEmployment(sd: SdRegistry, body: SdTerminateEmploymentBody): SdWriteAnswer {
  const institution = sd.institution(body.InstitutionIdentifier);
  const employment = sd.get(institution, body.EmploymentIdentifier);
  const lastDay = requireDate(body.DeactivationDate, 'DeactivationDate');
  if (employment.endDate)
    throw new SdFault(
      'EmploymentAlreadyEnded',
      `Ansættelsen ${employment.employmentId} er allerede fratrådt pr. ${sdTextDate(employment.endDate)}.`,
    );
  if (lastDay < employment.employmentDate)
    throw new SdFault(
      'DateBeforeEmployment',
      `Fratrædelsesdatoen ${sdTextDate(lastDay)} ligger før ansættelsesdatoen ${sdTextDate(employment.employmentDate)}.`,
    );
  if (!['7', '8', '9'].includes(String(body.EmploymentStatusCode)))
    throw new SdFault(
      'InvalidStatusCode',
      `Statuskode ${String(body.EmploymentStatusCode).slice(0, 4)} kan ikke bruges ved fratrædelse (7, 8 eller 9).`,
    );
  employment.endDate = lastDay;
  employment.endStatus = String(body.EmploymentStatusCode);
  sd.save(employment);
  // The final pay is settled with the run of the last day's month (a later one when it arrives late).
  return { PayrollRun: payRunFor(sd.today(), lastDay) };
}

/** A one-off payment (kørselsgodtgørelse, udlæg, vikartimer) with its lines, paid with the next run. */
export function createSalaryItem(sd: SdRegistry, body: SdSalaryItemBody): SdWriteAnswer {
  const institution = sd.institution(body.InstitutionIdentifier);
  const employment = sd.get(institution, body.EmploymentIdentifier);
  const code = requireText(body.SalaryCodeIdentifier, 'SalaryCodeIdentifier');
  const known = SD_SALARY_CODES[code];
  if (!known) throw new SdFault('UnknownSalaryCode', `Lønart ${code.slice(0, 10)} findes ikke.`);
  if (known.kind === 'supplement')
    throw new SdFault(
      'SalaryCodeNotOneOff',
      `Lønart ${code} (${known.name}) kan ikke udbetales som engangsbeløb.`,
    );
  const amount = requireAmount(body.Amount, 'Amount');
  if (Number(amount) <= 0) throw new SdFault('InvalidAmount', 'Beløbet skal være større end 0.');
  const lines = (Array.isArray(body.Line) ? body.Line : []).map((l) => ({
    date: l.Date ? requireDate(l.Date, 'Line.Date') : null,
    text: requireText(l.Text, 'Line.Text').slice(0, 120),
    amount: requireAmount(l.Amount, 'Line.Amount'),
  }));
  const lineOere = lines.reduce((sum, l) => sum + Math.round(Number(l.amount) * 100), 0);
  if (lines.length > 0 && lineOere !== Math.round(Number(amount) * 100))
    throw new SdFault(
      'LinesDoNotAddUp',
      `Summen af linjerne (${(lineOere / 100).toFixed(2)}) svarer ikke til beløbet (${amount}).`,
    );
  const today = sd.today();
  const run = payRunFor(today, today);
  const id = `L${sd.store.next()}`;
  sd.store.put('salaryItems', id, {
    id,
    institution,
    employmentId: employment.employmentId,
    code,
    amount,
    lines,
    received: today,
    runMonth: run.PayrollMonth,
  });
  return { SalaryItemIdentifier: id, PayrollRun: run };
}
