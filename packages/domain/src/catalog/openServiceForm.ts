import type { PayrollRun, Persona, TServiceDefinition } from '@indgang/schemas';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import type { WorkCalendar } from '../calendar/WorkCalendar';
import { getDraft } from '../cases/getDraft';
import { todayInDenmark } from '../time/isoDate';
import { serviceForActor } from './personaFor';

/** Months of payroll runs a form is given: this one and the next year's, enough for any deadline warning. */
const PAYROLL_MONTHS = 14;

/**
 * What the portal needs to show a service's form: its current definition, the persona it adapts to,
 * the user's draft, and the payroll runs ahead when the form has dates from which pay changes.
 */
export async function openServiceForm(
  deps: { db: Db; calendar?: WorkCalendar },
  actor: Actor,
  serviceId: string,
): Promise<{
  definition: TServiceDefinition;
  persona: Persona;
  draft: Awaited<ReturnType<typeof getDraft>>;
  payrollRuns: PayrollRun[];
}> {
  const { definition, persona } = await serviceForActor(deps, actor, serviceId);
  const payrollDates = definition.sections.some((s) => s.fields.some((f) => f.payrollDeadline));
  return {
    definition,
    persona,
    draft: await getDraft(deps, actor, serviceId),
    payrollRuns:
      payrollDates && deps.calendar ? deps.calendar.payrollRuns(todayInDenmark(), PAYROLL_MONTHS) : [],
  };
}
