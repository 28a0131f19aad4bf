import { sql } from 'drizzle-orm';
import {
  maskCpr,
  ZCprPersonInput,
  type CprPersonAnswerStatus,
  type TCprPersonAnswer,
  type TCprPersonInput,
} from '@indgang/schemas';
import { can, mayChange, type Actor } from '../../access/Actor';
import { unitInScope } from '../../access/unitScopeSql';
import { forbidden, notFound } from '../../errors/DomainError';
import type { LookupOperation } from './LookupOperation';

const dashed = (cpr: string) => (cpr.includes('-') ? cpr : `${cpr.slice(0, 6)}-${cpr.slice(6)}`);

const STATUS_TEXT: Record<CprPersonAnswerStatus, { da: string; en: string }> = {
  alive: { da: 'Lever og bor i Danmark', en: 'Alive and living in Denmark' },
  emigrated: { da: 'Udrejst', en: 'Emigrated' },
  dead: { da: 'Død', en: 'Dead' },
  disappeared: { da: 'Forsvundet', en: 'Disappeared' },
  inactive: { da: 'Ikke aktiv i CPR', en: 'Not active in CPR' },
};

/**
 * Who may read a hire from CPR: a caseworker who handles cases, or a leader or her deputy (the
 * new-hire form's audience). A unit named in the input must be one she leads or was delegated (or
 * one below it), checked in SQL against the unit's path; a unit out of reach answers as an unknown
 * one. The person is named in the audit trail when Indgang knows her already.
 */
async function authorize(
  tx: Parameters<LookupOperation['authorize']>[0],
  actor: Actor,
  input: TCprPersonInput,
) {
  const asCaseworker = mayChange(actor, 'cases.handle');
  if (!asCaseworker && !actor.roles.has('leader') && !actor.roles.has('deputy')) throw forbidden();
  const cpr = dashed(input.cpr);
  const { rows } = await tx.execute<{ unitName: string | null; personId: string | null }>(sql`
    SELECT
      (SELECT p.id FROM persons p WHERE p.cpr IN (${cpr}, ${cpr.replace('-', '')}) ORDER BY p.id LIMIT 1) AS "personId",
      (SELECT o.name FROM org_units o WHERE o.id = ${input.unitId ?? null} AND ${unitInScope(actor, sql`o.path`)}) AS "unitName"`);
  const row = rows[0]!;
  if (input.unitId !== undefined && !row.unitName) throw notFound({ da: 'Enheden', en: 'The unit' });
  return {
    personId: row.personId,
    what: row.unitName
      ? `CPR: navn, adresse og status til ansættelse i ${row.unitName}`
      : 'CPR: navn, adresse og status til en ansættelse',
  };
}

/**
 * `cpr.person`: a hire's name, address and status from CPR, to prefill the new-hire form. A
 * protected address (navne- og adressebeskyttelse) is shown to no one through Indgang: no role
 * needs it, since a letter to the person goes by Digital Post to her CPR number and payroll reads
 * the address from CPR itself. The answer says "Adressebeskyttet" instead. The CPR number in the
 * answer is masked for those without the CPR permission.
 */
export const cprPersonLookup: LookupOperation<TCprPersonInput> = {
  name: 'cpr.person',
  connector: 'cpr',
  title: { da: 'Person i CPR', en: 'Person in CPR' },
  input: ZCprPersonInput,
  authorize,
  async run(connectors, input, call, actor): Promise<TCprPersonAnswer> {
    const person = await connectors.cpr.lookup({ cpr: dashed(input.cpr) }, call);
    const full = can(actor, 'person.readCpr');
    const address = person.addressProtected ? null : person.address;
    return {
      cpr: full ? person.cpr : maskCpr(person.cpr),
      cprMasked: !full,
      firstName: person.firstName,
      lastName: person.lastName,
      address,
      addressProtected: person.addressProtected,
      addressText: person.addressProtected
        ? { da: 'Adressebeskyttet', en: 'Address protected' }
        : address
          ? null
          : { da: 'CPR har ingen dansk adresse på personen', en: 'CPR has no Danish address for the person' },
      status: person.status,
      statusCode: person.statusCode,
      statusDate: person.statusDate,
      statusText: STATUS_TEXT[person.status],
    };
  },
};
