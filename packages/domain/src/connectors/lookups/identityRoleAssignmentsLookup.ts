import { sql } from 'drizzle-orm';
import {
  ZIdentityRoleAssignmentsInput,
  type TIdentityRoleAssignmentsAnswer,
  type TIdentityRoleAssignmentsInput,
} from '@indgang/schemas';
import { mayChange } from '../../access/Actor';
import { unitInScope } from '../../access/unitScopeSql';
import { forbidden, notFound } from '../../errors/DomainError';
import type { LookupOperation } from './LookupOperation';

/**
 * `identity.roleAssignments`: who has which system role in a unit, read from identity management
 * (what an authorisation review shows a leader). A leader or her deputy asks for a unit she leads
 * (or one below it); a caseworker who handles cases (the user administration) for any unit.
 * Checked in SQL against the unit's path; a unit out of reach answers as an unknown one.
 */
export const identityRoleAssignmentsLookup: LookupOperation<TIdentityRoleAssignmentsInput> = {
  name: 'identity.roleAssignments',
  connector: 'identity',
  title: { da: 'Brugere og roller i en enhed', en: 'Users and roles in a unit' },
  input: ZIdentityRoleAssignmentsInput,
  async authorize(tx, actor, input) {
    if (!mayChange(actor, 'cases.handle') && !actor.roles.has('leader') && !actor.roles.has('deputy'))
      throw forbidden();
    const { rows } = await tx.execute<{ name: string }>(sql`
      SELECT o.name FROM org_units o WHERE o.id = ${input.unitId} AND ${unitInScope(actor, sql`o.path`)}`);
    if (!rows[0]) throw notFound({ da: 'Enheden', en: 'The unit' });
    return { personId: null, what: `Identitetsstyring: brugere og systemroller i ${rows[0].name}` };
  },
  run: (connectors, input, call): Promise<TIdentityRoleAssignmentsAnswer> =>
    connectors.identity.listRoleAssignments({ unitId: input.unitId }, call),
};
