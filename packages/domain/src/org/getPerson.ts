import { and, asc, eq } from 'drizzle-orm';
import { employments, orgUnits, persons, unitManagers, type Db } from '@indgang/db';
import { maskCpr } from '@indgang/schemas';
import { can, type Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { forbidden, notFound } from '../errors/DomainError';
import { personVisible } from './personVisibility';

export interface PersonDetail {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  employeeNumber: string | null;
  /** Masked (DDMMYY-XXXX) unless the full number was asked for and may be shown. */
  cpr: string | null;
  cprRevealed: boolean;
  cprIsTestData: boolean;
  employments: Array<{
    unitId: string;
    unitName: string;
    position: string;
    agreement: string;
    weeklyHours: number;
    seniorityDate: string | null;
    startDate: string;
    endDate: string | null;
  }>;
  leaderOf: Array<{ unitId: string; unitName: string }>;
}

/** A person's record, if the actor may see it. Every read is audited; revealing the CPR number is audited as such. */
export async function getPerson(
  deps: { db: Db },
  actor: Actor,
  personId: string,
  options: { revealCpr?: boolean; today: string },
): Promise<PersonDetail> {
  const self = actor.personId === personId;
  if (!self && !can(actor, 'org.read')) throw notFound({ da: 'Personen', en: 'The person' });
  const reveal = options.revealCpr === true;
  if (reveal && !self && !can(actor, 'person.readCpr')) throw forbidden();
  return deps.db.transaction(async (tx) => {
    const [person] = await tx
      .select()
      .from(persons)
      .where(and(eq(persons.id, personId), personVisible(actor, options.today)));
    if (!person) throw notFound({ da: 'Personen', en: 'The person' });
    const jobs = await tx
      .select({ e: employments, unitName: orgUnits.name })
      .from(employments)
      .innerJoin(orgUnits, eq(orgUnits.id, employments.unitId))
      .where(eq(employments.personId, personId))
      .orderBy(asc(employments.startDate));
    const led = await tx
      .select({ unitId: orgUnits.id, unitName: orgUnits.name })
      .from(unitManagers)
      .innerJoin(orgUnits, eq(orgUnits.id, unitManagers.unitId))
      .where(eq(unitManagers.personId, personId));
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: reveal ? 'person.read_cpr' : 'person.read',
      entityType: 'person',
      entityId: personId,
      subjectPersonId: personId,
    });
    return {
      id: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      employeeNumber: person.employeeNumber,
      cpr: person.cpr ? (reveal ? person.cpr : maskCpr(person.cpr)) : null,
      cprRevealed: reveal && !!person.cpr,
      cprIsTestData: person.cprIsTestData,
      employments: jobs.map(({ e, unitName }) => ({
        unitId: e.unitId,
        unitName,
        position: e.position,
        agreement: e.agreement,
        weeklyHours: e.weeklyHoursCenti / 100,
        seniorityDate: e.seniorityDate,
        startDate: e.startDate,
        endDate: e.endDate,
      })),
      leaderOf: led,
    };
  });
}
