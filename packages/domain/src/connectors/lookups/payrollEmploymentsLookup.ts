import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '../../access/Actor';
import { todayInDenmark } from '../../time/isoDate';
import type { LookupOperation } from './LookupOperation';
import { cprForRun, ledByActor, lookupPersonCpr } from './lookupPerson';

type Input = { personId: string; cpr?: string };

/**
 * A person's employments as payroll holds them today (agreement, pay grade, hours, position,
 * department, supplements, dates), for her leader (a person working in the units she leads) and
 * for a caseworker who handles cases. The CPR number is not part of the answer.
 */
export const payrollEmploymentsLookup: LookupOperation<Input> = {
  name: 'payroll.employments',
  connector: 'payroll',
  title: { da: 'Ansættelser i lønsystemet', en: 'Employments in payroll' },
  input: z.object({ personId: z.string().min(1).max(100) }).strict(),
  async authorize(tx, actor, input) {
    const allowed = can(actor, 'cases.handle') ? sql`true` : ledByActor(actor, todayInDenmark());
    const cpr = await lookupPersonCpr(tx, input.personId, allowed);
    return {
      personId: input.personId,
      what: 'Ansættelser i lønsystemet (payroll employments)',
      forRun: { cpr },
    };
  },
  async run(connectors, input, call) {
    const employments = await connectors.payroll.readEmployments({ cpr: cprForRun(input) }, call);
    return employments.map(({ cpr: _cpr, ...employment }) => ({
      ...employment,
      weeklyHours: Math.round(employment.occupationRate * 37 * 100) / 100,
    }));
  },
};
