import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '../../access/Actor';
import { notFound } from '../../errors/DomainError';
import type { LookupOperation } from './LookupOperation';
import { cprForRun, lookupPersonCpr } from './lookupPerson';

type Input = { personId?: string; cpr?: string };

/**
 * A person's payslips of the last paid months: for the employee herself (her own, when no person
 * is named) and for a caseworker who handles cases; never for her leader.
 */
export const payrollPayslipsLookup: LookupOperation<Input> = {
  name: 'payroll.payslips',
  connector: 'payroll',
  title: { da: 'Lønsedler', en: 'Payslips' },
  input: z.object({ personId: z.string().min(1).max(100).optional() }).strict(),
  async authorize(tx, actor, input) {
    const personId = input.personId ?? actor.personId;
    if (!personId) throw notFound({ da: 'Medarbejderen', en: 'The employee' });
    const allowed = can(actor, 'cases.handle')
      ? sql`true`
      : actor.personId
        ? sql`p.id = ${actor.personId}`
        : sql`false`;
    const cpr = await lookupPersonCpr(tx, personId, allowed);
    return { personId, what: 'Lønsedler (payslips)', forRun: { cpr } };
  },
  async run(connectors, input, call) {
    return connectors.payroll.listPayslips({ cpr: cprForRun(input) }, call);
  },
};
