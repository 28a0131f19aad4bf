import { sql } from 'drizzle-orm';
import { cprProblem } from '@indgang/schemas';
import type { Tx } from '../../audit/appendAudit';
import { employmentIdFor, personIdFor } from '../../orgImport/loadOrgDataset';
import { conditionAnswers, lockProcessCase } from '../processCase';
import { NEW_HIRE_FIELDS, answerOf } from './payrollFields';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
const digits = (cpr: string) => cpr.replace('-', '');

/**
 * Registers a new hire in Indgang once payroll has created her employment, in the transaction that
 * records payroll's answer: the person (found by CPR when she has worked here before, else created
 * under payroll's employment number, which the organisation import knows her by later) and her
 * employment in the unit from the first working day (to the last day of a fixed-term contract).
 * The case is then about her, so the IT account, the letter and the personnel file reach her, and
 * her leader sees her among her staff from her first day. A case that already names its person
 * (a retry, a rehire registered by hand) is left as it is.
 */
export async function registerNewHire(
  tx: Tx,
  sent: { caseId: string; answer: Record<string, unknown> },
): Promise<void> {
  const employmentNumber = text(sent.answer.employmentId);
  if (!employmentNumber) return;
  const pc = await lockProcessCase(tx, sent.caseId);
  if (pc.subjectPersonId) return;
  const answers = conditionAnswers(pc);
  const get = (key: keyof typeof NEW_HIRE_FIELDS) => answerOf(answers, NEW_HIRE_FIELDS[key]);
  const cpr = text(get('cpr'));
  const firstName = text(answers.firstName);
  const lastName = text(answers.lastName);
  const startDate = text(get('startDate'));
  if (!cpr || !firstName || !lastName || !startDate) return;
  const { rows: known } = await tx.execute<{ id: string }>(sql`
    SELECT id FROM persons WHERE replace(cpr, '-', '') = ${digits(cpr)} ORDER BY created_at LIMIT 1`);
  const personId = known[0]?.id ?? personIdFor(employmentNumber);
  if (!known[0])
    await tx.execute(sql`
      INSERT INTO persons (id, cpr, cpr_is_test_data, first_name, last_name, email, employee_number)
      VALUES (${personId}, ${cpr}, ${cprProblem(cpr, { testCpr: false }) !== null}, ${firstName}, ${lastName},
              ${text(answers.email)}, ${employmentNumber})
      ON CONFLICT (id) DO NOTHING`);
  const hours = Number(get('weeklyHours') ?? 37);
  const endDate = answers.timeLimited === true ? text(get('endDate')) : null;
  await tx.execute(sql`
    INSERT INTO employments (id, person_id, unit_id, position, agreement, weekly_hours_centi, seniority_date, start_date, end_date)
    VALUES (${employmentIdFor(employmentNumber, pc.unitId, startDate)}, ${personId}, ${pc.unitId},
            ${text(get('position')) ?? ''}, ${text(get('agreement')) ?? ''}, ${Math.round(hours * 100)},
            ${text(answers.seniorityDate) ?? startDate}, ${startDate}, ${endDate})
    ON CONFLICT (id) DO NOTHING`);
  await tx.execute(sql`UPDATE cases SET subject_person_id = ${personId} WHERE id = ${pc.id}`);
}
