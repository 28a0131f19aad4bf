import { sql } from 'drizzle-orm';
import { sqlArray } from '@indgang/db';
import { can, type Actor } from '../../access/Actor';
import type { Tx } from '../../audit/appendAudit';
import { DomainError, notFound } from '../../errors/DomainError';
import { todayInDenmark } from '../../time/isoDate';

/**
 * Who reads a personnel file, which decides what she sees: the employee herself (only what is
 * marked for her, whatever her roles), a leader of the units the person works in or her deputy in force (digital
 * "kigge-adgang": the whole file at once, without asking the service centre), or a caseworker
 * (`cases.handle`).
 */
export type PersonnelFileReader = 'self' | 'leader' | 'caseworker';

export interface PersonnelFileAccess {
  personId: string;
  cpr: string;
  reader: PersonnelFileReader;
}

/**
 * Whether the actor may read the person's personnel file (the actor's own when no person is
 * named), decided in one query: her own file; a caseworker's; or, for a leader or a deputy in
 * force, a person with a current employment in a unit she leads or was delegated (or one below),
 * who is not herself a leader of that unit or one above it (a deputy does not read her leader's
 * file). Unknown and out-of-reach people answer the same 404.
 */
export async function personnelFileAccess(
  tx: Pick<Tx, 'execute'>,
  actor: Actor,
  personId: string | undefined,
): Promise<PersonnelFileAccess> {
  const target = personId ?? actor.personId;
  const missing = notFound({ da: 'Personen', en: 'The person' });
  if (!target) throw missing;
  const caseworker = can(actor, 'cases.handle');
  const units = [...actor.ledUnitIds, ...actor.delegatedUnitIds];
  const { rows } = await tx.execute<{ cpr: string | null; self: boolean; leads: boolean }>(sql`
    SELECT p.cpr, p.id = ${actor.personId ?? ''} AS self,
      EXISTS (
        SELECT 1 FROM employments e
        JOIN org_units eu ON eu.id = e.unit_id
        JOIN org_units lu ON lu.id = ANY(${sqlArray(units)}::text[]) AND starts_with(eu.path, lu.path)
        WHERE e.person_id = p.id AND (e.end_date IS NULL OR e.end_date >= ${todayInDenmark()}::date)
          AND NOT EXISTS (SELECT 1 FROM unit_managers m JOIN org_units mu ON mu.id = m.unit_id
                          WHERE m.person_id = p.id AND starts_with(lu.path, mu.path))
      ) AS leads
    FROM persons p WHERE p.id = ${target}`);
  const row = rows[0];
  const reader: PersonnelFileReader | null = !row
    ? null
    : row.self
      ? 'self'
      : caseworker
        ? 'caseworker'
        : row.leads
          ? 'leader'
          : null;
  if (!row || !reader) throw missing;
  if (!row.cpr)
    throw new DomainError('unprocessable', 'no_cpr', {
      da: 'Indgang kender ikke personens CPR-nummer, så personalesagen kan ikke findes her. Spørg Koncernservice.',
      en: "Indgang does not know the person's CPR number, so the personnel file cannot be found here. Ask the service centre.",
    });
  return { personId: target, cpr: row.cpr, reader };
}

/**
 * Whether the reader sees only what is marked for the employee: she reads her own file (a
 * caseworker or a leader too, since nobody reads the internal notes about herself here).
 */
export const seesOnlyOwnShare = (actor: Actor, personId: string | null) =>
  personId !== null && personId === actor.personId;
