import { z } from 'zod';
import { IDENTITY_ASSIGNED_THROUGH, type TIdentityRoleAssignmentsAnswer } from '../connectors/lookupAnswers';
import { isCalendarDate } from '../isoDate';

/** What a leader decides for each line of an authorisation review. */
export const ROLE_REVIEW_DECISIONS = ['keep', 'remove'] as const;
export type RoleReviewDecision = (typeof ROLE_REVIEW_DECISIONS)[number];

/** The most lines one review holds: a unit's people times their roles, with room to spare. */
export const ROLE_REVIEW_MAX_LINES = 3000;

const ZDay = z.string().refine(isCalendarDate);

/**
 * One line of an authorisation review (a `roleReview` answer): a person's account in identity
 * management, one system role she holds with its dates, as the leader was shown them, and the
 * leader's decision (null until she has made it). The process acts on `userId` and `roleId` only,
 * after reading identity management again; the names are what the record shows as evidence.
 */
export const ZRoleReviewLine = z
  .object({
    userId: z.string().min(1).max(100),
    name: z.string().min(1).max(200),
    roleId: z.string().min(1).max(100),
    roleName: z.string().min(1).max(200),
    system: z.string().max(200),
    from: ZDay.nullable(),
    to: ZDay.nullable(),
    assignedThrough: z.enum(IDENTITY_ASSIGNED_THROUGH),
    decision: z.enum(ROLE_REVIEW_DECISIONS).nullable(),
  })
  .strict();
export type TRoleReviewLine = z.infer<typeof ZRoleReviewLine>;

/** A line's identity: the account and the role (a person holds a role once). */
export const roleReviewKey = (line: Pick<TRoleReviewLine, 'userId' | 'roleId'>) =>
  `${line.userId}\u0000${line.roleId}`;

/** Whether a value has the shape of review lines (each line checked by `checkRoleReview`). */
export const isRoleReviewLines = (value: unknown): value is TRoleReviewLine[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((line) => !!line && typeof line === 'object' && !Array.isArray(line));

/**
 * The lines of a review as identity management answered a unit's role assignments, each
 * undecided, or with the decision `earlier` lines (a draft, the same review before the unit was
 * read again) gave the same account and role. Lines no longer held are dropped with their decision.
 */
export function roleReviewLines(
  answer: TIdentityRoleAssignmentsAnswer,
  earlier: readonly TRoleReviewLine[] = [],
): TRoleReviewLine[] {
  const decided = new Map(earlier.map((line) => [roleReviewKey(line), line.decision]));
  return answer.users.flatMap((user) =>
    user.roles.map((role): TRoleReviewLine => ({
      userId: user.userId,
      name: user.name,
      roleId: role.roleId,
      roleName: role.roleName,
      system: role.system,
      from: role.from,
      to: role.to,
      assignedThrough: role.assignedThrough,
      decision: decided.get(roleReviewKey({ userId: user.userId, roleId: role.roleId })) ?? null,
    })),
  );
}

export interface RoleReviewCheck {
  lines: TRoleReviewLine[];
  /** What is wrong with the answer as a whole, in both languages; null when nothing is. */
  problem: { da: string; en: string } | null;
}

/**
 * Checks a review answer as the browser and the server both do: a list of well-formed lines, no
 * line twice, and a decision on every line. What the lines claim (that the person holds the role
 * in the chosen unit) only identity management can confirm: the process reads it again before it
 * removes anything, and removes only what is still held there.
 */
export function checkRoleReview(raw: unknown): RoleReviewCheck {
  if (!Array.isArray(raw))
    return { lines: [], problem: { da: 'Gennemgangen er ikke en liste.', en: 'The review is not a list.' } };
  if (raw.length > ROLE_REVIEW_MAX_LINES)
    return {
      lines: [],
      problem: {
        da: `Højst ${ROLE_REVIEW_MAX_LINES} linjer i én gennemgang.`,
        en: `At most ${ROLE_REVIEW_MAX_LINES} lines in one review.`,
      },
    };
  const lines: TRoleReviewLine[] = [];
  for (const item of raw) {
    const parsed = ZRoleReviewLine.safeParse(item);
    if (!parsed.success)
      return {
        lines: [],
        problem: {
          da: 'En linje i gennemgangen er ikke en rolle fra identitetsstyringen. Hent enhedens roller igen.',
          en: "A line of the review is not a role from identity management. Fetch the unit's roles again.",
        },
      };
    lines.push(parsed.data);
  }
  const keys = new Set(lines.map(roleReviewKey));
  if (keys.size !== lines.length)
    return {
      lines,
      problem: {
        da: 'Den samme rolle står to gange for en medarbejder. Hent enhedens roller igen.',
        en: "The same role appears twice for one employee. Fetch the unit's roles again.",
      },
    };
  const undecided = lines.filter((line) => line.decision === null).length;
  if (undecided > 0)
    return {
      lines,
      problem:
        undecided === 1
          ? {
              da: 'Vælg Behold eller Fjern for den sidste rolle.',
              en: 'Choose Keep or Remove for the last role.',
            }
          : {
              da: `Vælg Behold eller Fjern for hver rolle (${undecided} mangler).`,
              en: `Choose Keep or Remove for every role (${undecided} are missing).`,
            },
    };
  return { lines, problem: null };
}
