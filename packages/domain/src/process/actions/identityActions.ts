import { sql } from 'drizzle-orm';
import { DomainError } from '../../errors/DomainError';
import { addDays } from '../../time/isoDate';
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

/**
 * The identity management steps of the reference processes:
 * - `identity.createAccount` (new hire): an account working from the first day and the system
 *   roles the hire was given, from that day (until the last day of a fixed-term hire). A retry
 *   finds the account its earlier attempt made and assigns no role twice.
 * - `identity.disableAccount` (termination, after a wait step until the last day): every working
 *   account of the person stops working from the day after her last day.
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
];
