import type { PayrollEndReason } from '../../connectors/payrollPort';
import type { ConnectorAction } from '../automatedActions';
import { conditionAnswers } from '../processCase';
import { refuse } from './decide';
import { employmentOn, payrollPerson, unitDepartment, withoutCpr } from './payrollFacts';
import { answerOf, END_REASONS, TERMINATION_FIELDS } from './payrollFields';

interface EndPayload {
  cpr: string;
  lastDay: string;
  reason: PayrollEndReason;
  department: string;
}

/**
 * A termination registered in payroll: the last day and the reason from the answers (the field ids
 * in TERMINATION_FIELDS), sent to the employment in force on the last day, found by the employee's
 * CPR number. Payroll settles the final pay with the run it names.
 */
export const payrollEndEmployment: ConnectorAction = {
  name: 'payroll',
  operation: 'endEmployment',
  async prepare({ tx, pc }) {
    const answers = conditionAnswers(pc);
    const person = answerOf(answers, TERMINATION_FIELDS.person);
    const lastDay = answerOf(answers, TERMINATION_FIELDS.lastDay);
    if (typeof lastDay !== 'string')
      throw refuse(
        'payroll_end_no_date',
        'Fratrædelsen har ingen sidste arbejdsdag.',
        'The termination has no last working day.',
      );
    const given = String(answerOf(answers, TERMINATION_FIELDS.reason) ?? 'other');
    return {
      payload: {
        kind: 'end',
        ...(await payrollPerson(tx, typeof person === 'string' ? person : pc.subjectPersonId)),
        department: await unitDepartment(tx, pc.unitId),
        lastDay,
        reason: END_REASONS[given] ?? 'other',
      },
    };
  },
  async send(connectors, payload, call) {
    const p = payload as unknown as EndPayload;
    const employments = await connectors.payroll.readEmployments(
      { cpr: p.cpr, effectiveDate: p.lastDay },
      call,
    );
    const employment = employmentOn(employments, p.lastDay, p.department, true);
    const ended = await connectors.payroll.endEmployment(
      {
        employmentId: employment.employmentId,
        institution: employment.institution,
        lastDay: p.lastDay,
        reason: p.reason,
      },
      call,
    );
    return { ...withoutCpr(payload), employmentId: employment.employmentId, ...ended };
  },
};
