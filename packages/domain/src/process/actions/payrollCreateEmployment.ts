import type { PayrollTerms } from '../../connectors/payrollPort';
import type { ConnectorAction } from '../automatedActions';
import { conditionAnswers } from '../processCase';
import { refuse } from './decide';
import { LOCAL_SUPPLEMENT } from './payrollChange';
import { kroner, occupationRate, unitDepartment, withoutCpr } from './payrollFacts';
import { AGREEMENT_IDS, answerOf, NEW_HIRE_FIELDS, SUPPLEMENT_CODES } from './payrollFields';
import { registerNewHire } from './registerNewHire';

/** What payroll cannot create an employment without, named for the person who must supply it. */
const NEEDED: Array<{ key: keyof typeof NEW_HIRE_FIELDS | 'hours'; da: string; en: string }> = [
  { key: 'cpr', da: 'CPR-nummer', en: 'CPR number' },
  { key: 'unit', da: 'enhed', en: 'unit' },
  { key: 'position', da: 'stilling', en: 'position' },
  { key: 'agreement', da: 'overenskomst', en: 'agreement' },
  { key: 'payGrade', da: 'løntrin', en: 'pay grade' },
  { key: 'hours', da: 'timetal', en: 'hours' },
  { key: 'startDate', da: 'startdato', en: 'start date' },
];

type HirePayload = PayrollTerms & { cpr: string; activationDate: string; deactivationDate: string | null };

/**
 * A new hire's employment created in payroll from the answers of the new-hire service (the field
 * ids in NEW_HIRE_FIELDS): department from the unit, the agreement as payroll's id, the hours as
 * a fraction of 37, from the start date (to the end date of a fixed-term contract). Payroll numbers
 * the employment; a retry under the step's key gets the same number, never a second employment.
 */
export const payrollCreateEmployment: ConnectorAction = {
  name: 'payroll',
  operation: 'createEmployment',
  async prepare({ tx, pc }) {
    const answers = conditionAnswers(pc);
    const get = (key: keyof typeof NEW_HIRE_FIELDS) => answerOf(answers, NEW_HIRE_FIELDS[key]);
    const hours = get('weeklyHours');
    const rate = get('occupationRate');
    const missing = NEEDED.filter((n) => (n.key === 'hours' ? (hours ?? rate) : get(n.key)) === undefined);
    if (missing.length > 0)
      throw refuse(
        'payroll_hire_incomplete',
        `Ansættelsen mangler oplysninger til lønsystemet: ${missing.map((m) => m.da).join(', ')}.`,
        `The employment lacks what payroll needs: ${missing.map((m) => m.en).join(', ')}.`,
      );
    const department = await unitDepartment(tx, String(get('unit')));
    const agreement = String(get('agreement'));
    const supplement = get('supplement');
    const listed = Array.isArray(answers.supplements)
      ? (answers.supplements as Array<Record<string, unknown>>)
      : [];
    const endDate = get('endDate');
    const deactivation = answers.timeLimited === false || endDate === undefined ? null : String(endDate);
    const payload: HirePayload & { kind: string } = {
      kind: 'hire',
      cpr: String(get('cpr')),
      activationDate: String(get('startDate')),
      deactivationDate: deactivation,
      agreement: AGREEMENT_IDS[agreement] ?? agreement,
      payGrade: String(get('payGrade')),
      occupationRate: hours !== undefined ? occupationRate(Number(hours)) : Number(rate),
      position: String(get('position')),
      positionCode: get('positionCode') === undefined ? null : String(get('positionCode')),
      department,
      costCentre: get('costCentre') === undefined ? department : String(get('costCentre')),
      supplements: [
        ...(supplement === undefined
          ? []
          : [{ code: LOCAL_SUPPLEMENT, amount: kroner(Number(supplement)), pensionable: true }]),
        ...listed
          .filter((s) => typeof s.amount === 'number' && s.amount > 0)
          .map((s) => ({
            code: SUPPLEMENT_CODES[String(s.kind)] ?? LOCAL_SUPPLEMENT,
            amount: kroner(s.amount as number),
            pensionable: s.pensionable === true,
            until: deactivation,
          })),
      ],
    };
    return { payload: { ...payload } };
  },
  async send(connectors, payload, call) {
    const { kind: _kind, ...hire } = payload as unknown as HirePayload & { kind: string };
    const created = await connectors.payroll.createEmployment(hire, call);
    return { ...withoutCpr(payload), ...created };
  },
  afterSend: registerNewHire,
};
