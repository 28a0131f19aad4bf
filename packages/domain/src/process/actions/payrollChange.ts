import type { PayrollTerms } from '../../connectors/payrollPort';
import type { ConnectorAction } from '../automatedActions';
import { conditionAnswers } from '../processCase';
import { refuse } from './decide';
import {
  employmentOn,
  kroner,
  occupationRate,
  payrollPerson,
  unitDepartment,
  withoutCpr,
} from './payrollFacts';

/** The pay change fields payroll needs, from the answers of a pay change (loen-aendring). */
const PAY_CHANGE_FIELDS = [
  'kind',
  'effectiveDate',
  'newHours',
  'allowance',
  'newPosition',
  'newUnit',
] as const;

/** The wage type of a supplement agreed locally (tillæg efter lokalaftale). */
export const LOCAL_SUPPLEMENT = 'lokaltillaeg';

interface ChangePayload {
  cpr: string;
  from: string;
  department: string;
  changes: Partial<PayrollTerms>;
}

/**
 * A change of pay, hours, position or unit from a date: prepared from the answers (hours as a
 * fraction of 37, a yearly supplement in kroner, the new title, the new unit's department), sent
 * to the employment in force on that date, found by the employee's CPR number. A new local
 * supplement replaces the old one and keeps the others payroll holds.
 */
export const payrollChange: ConnectorAction = {
  name: 'payroll',
  operation: 'changeEmployment',
  async prepare({ tx, pc }) {
    const answers = conditionAnswers(pc);
    const personId = typeof answers.person === 'string' ? answers.person : pc.subjectPersonId;
    const change = Object.fromEntries(
      PAY_CHANGE_FIELDS.filter((f) => answers[f] !== undefined && answers[f] !== null).map((f) => [
        f,
        answers[f],
      ]),
    );
    const from = typeof answers.effectiveDate === 'string' ? answers.effectiveDate : null;
    if (!from)
      throw refuse(
        'payroll_change_no_date',
        'Ændringen har ingen dato, den gælder fra.',
        'The change has no date it takes effect from.',
      );
    const changes: Partial<PayrollTerms> = {};
    if (answers.kind === 'hours') changes.occupationRate = occupationRate(Number(answers.newHours));
    else if (answers.kind === 'allowance')
      changes.supplements = [
        { code: LOCAL_SUPPLEMENT, amount: kroner(Number(answers.allowance)), pensionable: true },
      ];
    else if (answers.kind === 'position') {
      changes.position = String(answers.newPosition);
      changes.positionCode = null;
    } else if (answers.kind === 'transfer' && typeof answers.newUnit === 'string') {
      changes.department = await unitDepartment(tx, answers.newUnit);
      changes.costCentre = changes.department;
    } else
      throw refuse(
        'payroll_change_unknown',
        `Lønsystemet kender ikke ændringen "${String(answers.kind)}"; en sagsbehandler må registrere den.`,
        `Payroll does not know the change "${String(answers.kind)}"; a caseworker must register it.`,
      );
    return {
      payload: {
        kind: 'change',
        ...(await payrollPerson(tx, personId)),
        department: await unitDepartment(tx, pc.unitId),
        change,
        from,
        changes,
      },
    };
  },
  async send(connectors, payload, call) {
    const p = payload as unknown as ChangePayload;
    const employments = await connectors.payroll.readEmployments({ cpr: p.cpr, effectiveDate: p.from }, call);
    const employment = employmentOn(employments, p.from, p.department);
    const changes = { ...p.changes };
    if (changes.supplements)
      changes.supplements = [
        ...employment.supplements.filter((s) => s.code !== LOCAL_SUPPLEMENT),
        ...changes.supplements,
      ];
    const changed = await connectors.payroll.changeEmployment(
      { employmentId: employment.employmentId, institution: employment.institution, from: p.from, changes },
      call,
    );
    return { ...withoutCpr(payload), employmentId: employment.employmentId, ...changed };
  },
};
