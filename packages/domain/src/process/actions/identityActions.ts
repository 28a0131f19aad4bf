import { sql } from 'drizzle-orm';
import { checkRoleReview, roleReviewKey, type TServiceDefinition } from '@indgang/schemas';
import { ConnectorError } from '../../connectors/ConnectorError';
import { DomainError } from '../../errors/DomainError';
import { addDays } from '../../time/isoDate';
import type { IdentityConnector as IdentityConnectorLike } from '../../connectors/identityPort';
import type { AutomatedAction } from '../automatedActions';
import { conditionAnswers } from '../processCase';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CPR = /^\d{6}-?\d{4}$/;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** The answers a step needs but the case lacks, named in both languages: the case goes to a person. */
const missing = (code: string, fields: Array<{ da: string; en: string }>) =>
  new DomainError('unprocessable', code, {
    da: `Sagen mangler ${fields.map((f) => f.da).join(', ')}, så identitetsstyringen kan ikke opdateres automatisk.`,
    en: `The case lacks ${fields.map((f) => f.en).join(', ')}, so identity management cannot be updated automatically.`,
  });

/**
 * The system roles a new hire gets, from the answers: `itRoles` (a repeated section whose rows name
 * a `role`, a list of role ids, or role ids separated by commas) or a single `itRole`. Role ids are
 * the role catalogue's.
 */
export function roleIdsFromAnswers(answers: Record<string, unknown>): string[] {
  const found: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string') found.push(...value.split(/[\s,;]+/).filter(Boolean));
    else if (typeof value === 'number') found.push(String(value));
    else if (value && typeof value === 'object')
      add((value as { role?: unknown; roleId?: unknown }).role ?? (value as { roleId?: unknown }).roleId);
  };
  const listed = answers.itRoles;
  if (Array.isArray(listed)) listed.forEach(add);
  else add(listed);
  add(answers.itRole);
  return [...new Set(found)];
}

interface CreateAccountPayload extends Record<string, unknown> {
  cpr: string;
  firstName: string;
  lastName: string;
  unitId: string;
  position: string | null;
  activeFrom: string;
  roles: Array<{ roleId: string; from: string; to: string | null }>;
}

interface DisableAccountPayload extends Record<string, unknown> {
  cpr: string;
  lastDay: string;
  from: string;
}

interface RemoveRolesPayload extends Record<string, unknown> {
  unitId: string;
  /** The lines the leader marked for removal, named as she saw them (for the record and a refusal). */
  lines: Array<{ userId: string; roleId: string; name: string; roleName: string; system: string }>;
}

/**
 * The removals of an authorisation review: the unit its review field names (`unitField`) and the
 * lines of that field marked "remove". The answers were checked on submission (every line decided,
 * none twice); what a line claims is checked against identity management when it is sent.
 */
export function reviewRemovals(
  def: TServiceDefinition,
  answers: Record<string, unknown>,
): RemoveRolesPayload | null {
  const field = def.sections.flatMap((s) => s.fields).find((f) => f.type === 'roleReview');
  const unitId = field ? text(answers[field.unitField ?? '']) : null;
  if (!field || !unitId) return null;
  const { lines } = checkRoleReview(answers[field.id] ?? []);
  return {
    unitId,
    lines: lines
      .filter((l) => l.decision === 'remove')
      .map(({ userId, roleId, name, roleName, system }) => ({ userId, roleId, name, roleName, system })),
  };
}

/**
 * Removes the roles a review marked, reading the unit's assignments first: only a role identity
 * management still shows for that account in that unit is removed (a line that is not the unit's,
 * or a role already gone, e.g. removed by an earlier attempt of this step, is passed over and
 * named). A role held through the unit, a title or a role group cannot be taken from one user: the
 * direct ones are removed, and the rest refused in words a person acts on.
 */
export async function removeReviewedRoles(
  identity: Pick<IdentityConnectorLike, 'listRoleAssignments' | 'removeRole'>,
  p: RemoveRolesPayload,
  call: Parameters<IdentityConnectorLike['removeRole']>[1],
) {
  if (p.lines.length === 0) return { unitId: p.unitId, removed: [], notHeld: [] };
  const held = await identity.listRoleAssignments({ unitId: p.unitId }, call);
  const holding = new Map(
    held.users.flatMap((u) => u.roles.map((r) => [roleReviewKey({ userId: u.userId, roleId: r.roleId }), r])),
  );
  const removed: string[] = [];
  const notHeld: string[] = [];
  const indirect: RemoveRolesPayload['lines'] = [];
  for (const line of p.lines) {
    const role = holding.get(roleReviewKey(line));
    const named = `${line.userId}/${line.roleId}`;
    if (!role) notHeld.push(named);
    else if (role.assignedThrough !== 'direct') indirect.push(line);
    else {
      await identity.removeRole({ userId: line.userId, roleId: line.roleId }, call);
      removed.push(named);
    }
  }
  if (indirect.length > 0) {
    const list = indirect.map((l) => `${l.name} (${l.userId}): ${l.roleName} (${l.system})`).join('; ');
    throw new ConnectorError(
      'refused',
      'role_not_direct',
      `Rollen er ikke tildelt direkte: ${indirect.map((l) => `${l.userId}/${l.roleId}`).join(', ')}`,
      {
        da: `Identitetsstyringen kan ikke fjerne roller, der er tildelt via enhed, stilling eller rollebuket, fra én bruger: ${list}. Ret tildelingen i OS2rollekatalog. ${removed.length} andre roller er fjernet.`,
        en: `Identity management cannot take roles given through a unit, position or role group from one user: ${list}. Change the assignment in OS2rollekatalog. ${removed.length} other roles have been removed.`,
      },
    );
  }
  return { unitId: p.unitId, removed, notHeld };
}

/**
 * The identity management steps of the reference processes:
 * - `identity.createAccount` (new hire): an account working from the first day and the system
 *   roles the hire was given, from that day (until the last day of a fixed-term hire). A retry
 *   finds the account its earlier attempt made and assigns no role twice.
 * - `identity.disableAccount` (termination, after a wait step until the last day): every working
 *   account of the person stops working from the day after her last day.
 * - `identity.removeRoles` (authorisation review): the roles the leader marked for removal are
 *   taken from today, each only if identity management still shows it in the reviewed unit; a
 *   retry removes what is left and passes over what is gone.
 */
export const IDENTITY_ACTIONS: readonly AutomatedAction[] = [
  {
    name: 'identity.createAccount',
    description: { da: 'Opret it-konto og roller', en: 'Create IT account and roles' },
    connector: {
      name: 'identity',
      operation: 'createAccount',
      async prepare({ pc }) {
        const answers = conditionAnswers(pc);
        const cpr = text(answers.cpr);
        const firstName = text(answers.firstName);
        const lastName = text(answers.lastName);
        const activeFrom = text(answers.startDate);
        const lacking = [
          !cpr || !CPR.test(cpr) ? { da: 'CPR-nummer', en: 'CPR number' } : null,
          !firstName || !lastName ? { da: 'navn', en: 'name' } : null,
          !activeFrom || !DATE.test(activeFrom) ? { da: 'første arbejdsdag', en: 'first working day' } : null,
        ].filter((f) => f !== null);
        if (lacking.length > 0) throw missing('identity_missing_answers', lacking);
        const lastDay = answers.timeLimited === true ? text(answers.endDate) : null;
        const to = lastDay && DATE.test(lastDay) ? lastDay : null;
        const payload: CreateAccountPayload = {
          cpr: cpr!,
          firstName: firstName!,
          lastName: lastName!,
          unitId: text(answers.unit) ?? pc.unitId,
          position: text(answers.position),
          activeFrom: activeFrom!,
          roles: roleIdsFromAnswers(answers).map((roleId) => ({ roleId, from: activeFrom!, to })),
        };
        return { payload };
      },
      async send(connectors, payload, call) {
        const p = payload as CreateAccountPayload;
        const account = await connectors.identity.createAccount(
          {
            cpr: p.cpr,
            firstName: p.firstName,
            lastName: p.lastName,
            unitId: p.unitId,
            position: p.position,
            activeFrom: p.activeFrom,
          },
          call,
        );
        // The role catalogue assigns a role the user already has only once (onlyIfNotAssigned).
        for (const role of p.roles)
          await connectors.identity.assignRole({ userId: account.userId, ...role }, call);
        return {
          userId: account.userId,
          created: account.created,
          activeFrom: p.activeFrom,
          roles: p.roles.map((r) => r.roleId),
        };
      },
    },
  },
  {
    name: 'identity.disableAccount',
    description: {
      da: 'Luk it-kontoen efter sidste arbejdsdag',
      en: 'Close the IT account after the last day',
    },
    connector: {
      name: 'identity',
      operation: 'disableAccount',
      async prepare({ tx, pc }) {
        const answers = conditionAnswers(pc);
        const personId = text(answers.person) ?? pc.subjectPersonId;
        const lastDay = text(answers.lastDay);
        const { rows } = personId
          ? await tx.execute<{ cpr: string | null }>(sql`SELECT cpr FROM persons WHERE id = ${personId}`)
          : { rows: [] };
        const cpr = rows[0]?.cpr ?? null;
        const lacking = [
          !cpr ? { da: 'en medarbejder med CPR-nummer', en: 'an employee with a CPR number' } : null,
          !lastDay || !DATE.test(lastDay) ? { da: 'sidste arbejdsdag', en: 'last working day' } : null,
        ].filter((f) => f !== null);
        if (lacking.length > 0) throw missing('identity_missing_answers', lacking);
        const payload: DisableAccountPayload = { cpr: cpr!, lastDay: lastDay!, from: addDays(lastDay!, 1) };
        return { payload };
      },
      async send(connectors, payload, call) {
        const p = payload as DisableAccountPayload;
        const accounts = await connectors.identity.findAccounts({ cpr: p.cpr }, call);
        // An account already closed on or before that day is left as it is.
        const open = accounts.filter((a) => !a.disabledFrom || a.disabledFrom > p.from);
        for (const account of open)
          await connectors.identity.disableAccount({ userId: account.userId, from: p.from }, call);
        return {
          disabledFrom: p.from,
          disabled: open.map((a) => a.userId),
          alreadyClosed: accounts.filter((a) => !open.includes(a)).map((a) => a.userId),
        };
      },
    },
  },
  {
    name: 'identity.removeRoles',
    description: {
      da: 'Fjern de roller, lederen har markeret',
      en: 'Remove the roles the leader marked',
    },
    connector: {
      name: 'identity',
      operation: 'removeRoles',
      async prepare({ pc }) {
        const payload = reviewRemovals(pc.pinned.service, conditionAnswers(pc));
        if (!payload)
          throw missing('identity_missing_answers', [
            { da: 'en gennemgang af en enheds roller', en: "a review of a unit's roles" },
          ]);
        return { payload };
      },
      send: (connectors, payload, call) =>
        removeReviewedRoles(connectors.identity, payload as RemoveRolesPayload, call),
    },
  },
];
