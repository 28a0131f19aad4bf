import { eventTypeSql, internalSql, statusSql } from './appendCaseEvent';
import { jobKindSql } from '../jobs/jobKinds';
import type { CaseMailKind } from '../mail/caseMail';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  attachments,
  employments,
  executePrepared,
  orgUnits,
  persons,
  isNamedFailure,
  sqlArray,
  type Db,
} from '@indgang/db';
import {
  DEFAULT_PROCESS,
  casePeriod,
  duplicateByItems,
  periodSection,
  routeCase,
  sameItem,
  subjectHiddenUntil,
  textOf,
  validateAnswers,
  type Answers,
  type TServiceDefinition,
} from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { unitInScope } from '../access/unitScopeSql';
import type { Tx } from '../audit/appendAudit';
import { serviceForActor } from '../catalog/personaFor';
import { DomainError, notFound } from '../errors/DomainError';
import { delegationInForce } from '../delegations/delegationInForce';
import {
  idempotencyRecordSql,
  IdempotencyKeyUsed,
  type IdempotencyClaim,
} from '../idempotency/runIdempotent';
import { danishDate, englishDate, todayInDenmark } from '../time/isoDate';
import type { CaseDeps } from './CaseDeps';
import { personVisible } from '../org/personVisibility';
import { containsPattern } from '../search/containsPattern';
import { ownCase, portalCaseVisible } from './caseAccess';
import { requireRoomOnCase } from './requireRoomOnCase';
import { answersOfType, fileFieldValues, firstAnswerOfType } from './fileFieldValues';
import type { UploadLimits } from './uploadLimits';

export interface SubmitInput {
  serviceId: string;
  answers: unknown;
  /** Submit although an open case looks like the same matter. */
  confirmNotDuplicate?: boolean;
}

export interface SubmitResult {
  id: string;
  number: string;
  dueDate: string;
  teamId: string;
}

/**
 * Turns a submission into a case, in one transaction with its timeline entry, audit entry and
 * receipt mail job: validates the answers and documents against the service's current version,
 * finds the unit and person it concerns within the submitter's reach, refuses a likely duplicate
 * of an open case unless confirmed, routes it to a team and sets the deadline from the norm time.
 */
export async function submitCase(
  deps: CaseDeps,
  actor: Actor,
  input: SubmitInput,
  idempotency?: IdempotencyClaim,
): Promise<SubmitResult> {
  const { definition: def, persona } = await serviceForActor(
    { db: deps.db },
    actor,
    input.serviceId,
    deps.cache,
  );
  const { answers, errors } = validateAnswers(def, input.answers, persona, {
    requireDocuments: true,
    testCpr: deps.testCpr ?? false,
  });
  if (errors.length > 0) {
    throw new DomainError(
      'invalid',
      'answers_invalid',
      {
        da: 'Formularen har fejl. Ret de markerede felter.',
        en: 'The form has errors. Correct the marked fields.',
      },
      errors.map((e) => ({ path: e.path, column: e.field, message: e.message })),
    );
  }
  const today = todayInDenmark();
  const db = deps.db;
  const { unitId, subjectPersonId } = await resolveSubject(db, actor, def, answers, today);
  await refuseReferencesOutOfReach(db, actor, def, answers, today);
  // The period's fields are date fields: validated answers hold them as 'YYYY-MM-DD' text. In a
  // repeated section each item has its own date, and the case covers the earliest to the latest.
  const { from: periodFrom, to: periodTo } = casePeriod(def, answers);
  // Only services with a period or a person who may be new have a "same matter" (an open case for
  // the same person, or with the same CPR number); a service whose period is in its items (trips,
  // receipts) has one only when an item is already claimed in an open case.
  if (
    !input.confirmNotDuplicate &&
    (def.period || def.subject === 'new_person' || def.subject === 'person_or_new')
  )
    await refuseDuplicate(db, actor, def, answers, { subjectPersonId, unitId, periodFrom, periodTo });
  const fileIds = await checkAttachments(db, actor, def, answers, deps.uploadLimits);
  const onBehalfOfUserId = await leaderDelegating(db, actor, unitId);

  const id = randomUUID();
  // The process starts in the same statement: a person's first task is written as the case's first
  // step; any other start (an approval, automation) is a 'process.start' job the engine runs.
  const process = def.process ?? DEFAULT_PROCESS;
  const start = process.steps.find((s) => s.id === process.start)!;
  const byPerson = start.kind === 'human';
  const teamId = (byPerson ? start.team : undefined) ?? routeCase(def, answers);
  const dueDate = deps.calendar.addWorkingDays(today, def.normTimeDays);
  const stepDue = start.normDays !== undefined ? deps.calendar.addWorkingDays(today, start.normDays) : null;
  // One statement writes the case, its files, its timeline entry, its audit entry, its receipt job
  // and the idempotency record: atomic without an explicit transaction, and one round trip. With a
  // claim, everything hangs on its record: when the key was used before, nothing is written.
  const number = sql`SELECT ${`IND-${today.slice(0, 4)}-`} || lpad(nextval('case_number_seq')::text, 6, '0') AS number`;
  const claimed = idempotency
    ? sql`, idem AS (${idempotencyRecordSql(idempotency, 201, sql`jsonb_build_object('id', ${id}::text, 'number', n.number, 'dueDate', ${dueDate}::text, 'teamId', ${teamId}::text)`, sql`FROM n`)} ON CONFLICT DO NOTHING RETURNING key)`
    : sql``;
  const { rows } = await executePrepared<{ number: string }>(
    db,
    sql`
    WITH n AS (${number}) ${claimed},
    c AS (
      INSERT INTO cases (id, number, service_id, service_version, unit_id, subject_person_id, submitted_by_user_id, on_behalf_of_user_id,
                         status, team_id, answers, period_from, period_to, submitted_at, due_date, subject_hidden_until)
      SELECT ${id}, n.number, ${def.id}, ${def.version}, ${unitId}, ${subjectPersonId},
              ${actor.userId}, ${onBehalfOfUserId}, ${byPerson ? statusSql('submitted') : statusSql('automated')}, ${teamId}, ${JSON.stringify(answers)}::jsonb, ${periodFrom}::date, ${periodTo}::date, now(), ${dueDate}::date,
              ${subjectPersonId ? subjectHiddenUntil(def, answers) : null}::text
      FROM n ${idempotency ? sql`, idem` : sql``}
      RETURNING id, number),
    files AS (UPDATE attachments a SET case_id = c.id FROM c WHERE a.id = ANY(${sqlArray(fileIds)}::text[]) AND a.case_id IS NULL AND a.uploaded_by_user_id = ${actor.userId} RETURNING a.id),
    event AS (INSERT INTO case_events (case_id, actor_user_id, type, internal, data) SELECT c.id, ${actor.userId}, ${eventTypeSql('submitted')}, ${internalSql('submitted')}, ${JSON.stringify({ onBehalfOfUserId, teamId })}::jsonb FROM c),
    draft AS (DELETE FROM drafts WHERE user_id = ${actor.userId} AND service_id = ${def.id} AND EXISTS (SELECT 1 FROM c)),
    audit AS (INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, subject_person_id, details)
      SELECT now(), ${actor.userId}, 'case.submit', 'case', c.id, ${subjectPersonId}, jsonb_build_object('number', c.number, 'service', ${def.id}::text, 'version', ${def.version}::int, 'unitId', ${unitId}::text) FROM c),
    job AS (INSERT INTO jobs (kind, payload) SELECT ${jobKindSql('mail.case')}, jsonb_build_object('caseId', c.id, 'kind', ${sql.raw(`'${'receipt' satisfies CaseMailKind}'`)}) FROM c),
    ${
      byPerson
        ? sql`step AS (INSERT INTO case_steps (case_id, step_id, kind, status, due_date, data) SELECT c.id, ${start.id}, 'human', 'active', ${stepDue}::date, jsonb_build_object('team', ${teamId}::text) FROM c)`
        : sql`start AS (INSERT INTO jobs (kind, payload, idempotency_key, case_id) SELECT ${jobKindSql('process.start')}, jsonb_build_object('caseId', c.id), 'process.start:' || c.id, c.id FROM c)`
    }
    SELECT c.number, CASE WHEN (SELECT count(*) FROM files) <> ${fileIds.length} THEN indgang_fail('attachment_taken') END AS guard FROM c`,
  ).catch((error: unknown) => {
    // A file was claimed by another submission meanwhile: the statement, and so the case, is undone.
    if (isNamedFailure(error, 'attachment_taken')) {
      throw new DomainError('conflict', 'attachment_taken', {
        da: 'En vedhæftning er allerede brugt i en anden sag. Vedhæft filen igen.',
        en: 'An attachment is already used in another case. Attach the file again.',
      });
    }
    throw error;
  });
  // No row: the claim's key was recorded by an earlier (or concurrent) request, which holds the answer.
  if (!rows[0]) throw new IdempotencyKeyUsed();
  return { id, number: rows[0].number, dueDate, teamId };
}

async function resolveSubject(
  tx: Tx | Db,
  actor: Actor,
  def: TServiceDefinition,
  answers: Answers,
  today: string,
): Promise<{ unitId: string; subjectPersonId: string | null }> {
  const chosenUnit = firstAnswerOfType(def, answers, 'unit');
  const unitInReach = async (unitId: string) => {
    const [u] = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.id, unitId), unitInScope(actor, orgUnits.path)));
    if (!u)
      throw new DomainError(
        'invalid',
        'unit_out_of_reach',
        { da: 'Du kan ikke indberette for den valgte enhed.', en: 'You cannot submit for the chosen unit.' },
        [{ path: 'unit', message: { da: 'Vælg en af dine enheder.', en: 'Choose one of your units.' } }],
      );
    return unitId;
  };
  const named = firstAnswerOfType(def, answers, 'person');
  // `person_or_new`: the employee the form names, else (a future hire) a new person in the chosen unit.
  if (def.subject === 'person' || (def.subject === 'person_or_new' && named)) {
    const personId = named;
    if (!personId)
      throw new DomainError('invalid', 'person_missing', {
        da: 'Vælg medarbejderen.',
        en: 'Choose the employee.',
      });
    const rows = await tx
      .select({ unitId: employments.unitId })
      .from(employments)
      .innerJoin(orgUnits, eq(orgUnits.id, employments.unitId))
      .innerJoin(persons, eq(persons.id, employments.personId))
      .where(
        and(
          eq(employments.personId, personId),
          sql`(${employments.endDate} IS NULL OR ${employments.endDate} >= ${today})`,
          actor.personId === personId ? sql`true` : unitInScope(actor, orgUnits.path),
        ),
      );
    if (!rows[0]) throw notFound({ da: 'Medarbejderen', en: 'The employee' });
    return { unitId: rows[0].unitId, subjectPersonId: personId };
  }
  if (def.subject === 'new_person' || def.subject === 'person_or_new') {
    if (!chosenUnit)
      throw new DomainError('invalid', 'unit_missing', { da: 'Vælg enheden.', en: 'Choose the unit.' });
    return { unitId: await unitInReach(chosenUnit), subjectPersonId: null };
  }
  if (!actor.personId)
    throw new DomainError('invalid', 'no_person', {
      da: 'Din bruger er ikke knyttet til en medarbejder.',
      en: 'Your user is not linked to an employee.',
    });
  if (chosenUnit) return { unitId: await unitInReach(chosenUnit), subjectPersonId: actor.personId };
  const {
    rows: [own],
  } = await executePrepared<{ unitId: string }>(
    tx,
    sql`SELECT unit_id AS "unitId" FROM employments WHERE person_id = ${actor.personId} AND (end_date IS NULL OR end_date >= ${today}) ORDER BY start_date LIMIT 1`,
  );
  if (!own)
    throw new DomainError('invalid', 'no_employment', {
      da: 'Du har ingen aktuel ansættelse.',
      en: 'You have no current employment.',
    });
  return { unitId: own.unitId, subjectPersonId: actor.personId };
}

/**
 * Every unit and person named anywhere in the answers must exist and be within the submitter's
 * reach, not only the one the case is about (a transfer's new unit, a substitute in a repeated row).
 */
async function refuseReferencesOutOfReach(
  tx: Tx | Db,
  actor: Actor,
  def: TServiceDefinition,
  answers: Answers,
  today: string,
) {
  const units = answersOfType(def, answers, 'unit');
  const people = answersOfType(def, answers, 'person');
  if (units.length === 0 && people.length === 0) return;
  const ids = (list: Array<{ value: string }>) => sqlArray(new Set(list.map((r) => r.value)));
  const { rows } = await tx.execute<{ kind: 'unit' | 'person'; id: string }>(sql`
    SELECT 'unit' AS kind, id FROM org_units WHERE id = ANY(${ids(units)}::text[]) AND ${unitInScope(actor, orgUnits.path)}
    UNION ALL
    SELECT 'person', id FROM persons WHERE id = ANY(${ids(people)}::text[]) AND ${personVisible(actor, today)}`);
  const found = new Set(rows.map((r) => `${r.kind}:${r.id}`));
  const unreachable = [
    ...units.map((u) => ({ ...u, kind: 'unit' })),
    ...people.map((p) => ({ ...p, kind: 'person' })),
  ].filter((r) => !found.has(`${r.kind}:${r.value}`));
  if (unreachable.length === 0) return;
  const message = (kind: string) =>
    kind === 'unit'
      ? {
          da: 'Enheden findes ikke, eller du kan ikke indberette for den.',
          en: 'The unit does not exist, or you cannot submit for it.',
        }
      : {
          da: 'Personen findes ikke, eller du kan ikke indberette for vedkommende.',
          en: 'The person does not exist, or you cannot submit for them.',
        };
  throw new DomainError(
    'invalid',
    'reference_out_of_reach',
    {
      da: `Formularen nævner en enhed eller person uden for din rækkevidde: ${unreachable.map((r) => textOf(r.field.label, 'da')).join(', ')}.`,
      en: `The form names a unit or person outside your reach: ${unreachable.map((r) => textOf(r.field.label, 'en')).join(', ')}.`,
    },
    unreachable.map((r) => ({ path: r.path, column: r.field.id, message: message(r.kind) })),
  );
}

/**
 * Refuses a likely duplicate of an open case the submitter may see, pointing to it. Only cases she
 * may follow count, so the warning never tells her of a case kept from her; and a new person's
 * CPR number is compared only with cases she submitted herself, so the warning cannot be used to
 * guess a CPR number she sees masked. For a service whose period lies in its items (a mileage
 * claim's trips), an open case counts only when it already holds one of the items: the same trip
 * sent twice is caught, a second claim for other trips is not.
 */
async function refuseDuplicate(
  tx: Tx | Db,
  actor: Actor,
  def: TServiceDefinition,
  answers: Answers,
  c: { subjectPersonId: string | null; unitId: string; periodFrom: string | null; periodTo: string | null },
) {
  const cpr = firstAnswerOfType(def, answers, 'cpr');
  const sameSubject = c.subjectPersonId
    ? sql`c.subject_person_id = ${c.subjectPersonId} AND ${portalCaseVisible(actor)}`
    : cpr
      ? sql`c.unit_id = ${c.unitId} AND c.answers::text LIKE ${containsPattern(cpr)} AND ${ownCase(actor)}`
      : sql`false`;
  const overlap = c.periodFrom
    ? sql`(c.period_from IS NULL OR (c.period_from <= ${c.periodTo ?? c.periodFrom} AND coalesce(c.period_to, c.period_from) >= ${c.periodFrom}))`
    : sql`true`;
  const byItems = duplicateByItems(def);
  // By items, the candidates' answers are compared here; a few recent ones are enough.
  const { rows } = await tx.execute<{ id: string; number: string; answers: Answers }>(sql`
    SELECT c.id, c.number, ${byItems ? sql`c.answers` : sql`NULL`} AS answers FROM cases c JOIN org_units u ON u.id = c.unit_id
    WHERE c.service_id = ${def.id} AND c.status <> ${statusSql('resolved')} AND ${sameSubject} AND ${overlap}
    ORDER BY c.submitted_at DESC LIMIT ${byItems ? 20 : 1}`);
  for (const existing of rows) {
    const item = byItems ? sameItem(def, answers, existing.answers) : null;
    if (byItems && !item) continue;
    const name = { da: textOf(def.name, 'da'), en: textOf(def.name, 'en') };
    const itemLabel = periodSection(def)?.repeat?.itemLabel;
    const which =
      item && item.index !== null && itemLabel
        ? {
            da: `${textOf(itemLabel, 'da')} ${item.index + 1} (${danishDate(item.from)})`,
            en: `${textOf(itemLabel, 'en')} ${item.index + 1} (${englishDate(item.from)})`,
          }
        : null;
    throw new DomainError(
      'conflict',
      'duplicate_case',
      which
        ? {
            da: `${which.da} står allerede i en åben sag: ${existing.number} (${name.da}). Skriv til den sag i stedet, eller bekræft, at det er en ny sag.`,
            en: `${which.en} is already in an open case: ${existing.number} (${name.en}). Write to that case instead, or confirm that this is a new case.`,
          }
        : {
            da: `Der er allerede en åben sag om det samme: ${existing.number} (${name.da}). Skriv til den sag i stedet, eller bekræft, at det er en ny sag.`,
            en: `There is already an open case about the same matter: ${existing.number} (${name.en}). Write to that case instead, or confirm that this is a new case.`,
          },
      [],
      { caseId: existing.id, caseNumber: existing.number },
    );
  }
}

async function checkAttachments(
  tx: Tx | Db,
  actor: Actor,
  def: TServiceDefinition,
  answers: Answers,
  limits: UploadLimits | undefined,
): Promise<string[]> {
  const files = fileFieldValues(def, answers);
  if (files.length === 0) return [];
  const rows = await tx
    .select({ id: attachments.id, mimeType: attachments.mimeType, size: attachments.size })
    .from(attachments)
    .where(
      and(
        inArray(
          attachments.id,
          files.map((f) => f.id),
        ),
        eq(attachments.uploadedByUserId, actor.userId),
        isNull(attachments.caseId),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const { field, id } of files) {
    const file = byId.get(id);
    const label = textOf(field.label, 'da');
    if (!file)
      throw new DomainError(
        'invalid',
        'attachment_unknown',
        {
          da: `Vedhæftningen til "${label}" findes ikke. Vedhæft den igen.`,
          en: `The attachment for "${textOf(field.label, 'en')}" does not exist. Attach it again.`,
        },
        [{ path: field.id, message: { da: 'Vedhæft filen igen.', en: 'Attach the file again.' } }],
      );
    if (field.accept && !field.accept.includes(file.mimeType))
      throw new DomainError(
        'invalid',
        'attachment_type',
        {
          da: `"${label}" skal være ${field.accept.join(', ')}.`,
          en: `"${textOf(field.label, 'en')}" must be ${field.accept.join(', ')}.`,
        },
        [{ path: field.id, message: { da: 'Forkert filtype.', en: 'Wrong file type.' } }],
      );
    if (field.maxBytes && file.size > field.maxBytes)
      throw new DomainError(
        'invalid',
        'attachment_size',
        {
          da: `"${label}" må højst fylde ${Math.round(field.maxBytes / 1048576)} MB.`,
          en: `"${textOf(field.label, 'en')}" may be at most ${Math.round(field.maxBytes / 1048576)} MB.`,
        },
        [{ path: field.id, message: { da: 'Filen er for stor.', en: 'The file is too large.' } }],
      );
  }
  requireRoomOnCase(limits, { files: 0, bytes: 0 }, rows);
  return files.map((f) => f.id);
}

/** A deputy acting for a delegated unit submits on behalf of the leader who delegated it. */
async function leaderDelegating(tx: Tx | Db, actor: Actor, unitId: string): Promise<string | null> {
  if (!actor.personId || actor.ledUnitIds.includes(unitId) || actor.delegatedUnitIds.length === 0)
    return null;
  const { rows } = await tx.execute<{ fromUserId: string }>(sql`
    SELECT d.from_user_id AS "fromUserId" FROM delegations d JOIN org_units du ON du.id = d.unit_id JOIN org_units u ON u.id = ${unitId}
    WHERE d.to_person_id = ${actor.personId} AND ${delegationInForce(todayInDenmark())} AND starts_with(u.path, du.path) LIMIT 1`);
  return rows[0]?.fromUserId ?? null;
}
