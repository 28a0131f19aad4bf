import type { z } from 'zod';
import type {
  ZAssignBody,
  ZBusinessCaseSaved,
  ZCaseMessageBody,
  ZCreated,
  ZNoteBody,
  ZPeople,
  ZPortalMessageBody,
  ZReopenBody,
  ZResolveBody,
  ZRevealedAnswers,
  ZReturnBody,
  ZReturnStatistics,
  ZSaved,
  ZStageBody,
  ZSubmitBody,
  ZTeams,
  ZVersion,
  ZDraftBody,
  ZLegalHoldBody,
} from '@indgang/schemas';

/*
 * Answers and request bodies of the API whose schemas in `@indgang/schemas` export no type of their
 * own, inferred from those schemas here (types only: nothing of zod reaches the bundle). Every other
 * answer is typed by the schema's own `T…` type where it is used.
 */

/** A back-office team (`GET /api/v1/backoffice/teams`). */
export type TTeam = z.infer<typeof ZTeams>[number];
/** Returns for information counted by reason, service and unit (`GET /api/v1/backoffice/returns`). */
export type TReturnCount = z.infer<typeof ZReturnStatistics>[number];
/** A case's sensitive answers revealed, by path (`POST /api/v1/backoffice/cases/:id/reveal`). */
export type TRevealedAnswers = z.infer<typeof ZRevealedAnswers>;

/** A new record's id (`POST /api/v1/programmes`). */
export type TCreated = z.infer<typeof ZCreated>;
/** A created or changed project or KPI: its id and new version. */
export type TSaved = z.infer<typeof ZSaved>;
/** A changed programme's or benefit tree's new version. */
export type TVersion = z.infer<typeof ZVersion>;
/** A saved business case's new version and computed rows. */
export type TBusinessCaseSaved = z.infer<typeof ZBusinessCaseSaved>;
/** A user found to own a project (`GET /api/v1/benefits/people`). */
export type TPerson = z.infer<typeof ZPeople>[number];

/** What a submitter sends: a case, a draft, a message on her case, a reopening. */
export type TSubmitBody = z.input<typeof ZSubmitBody>;
export type TDraftBody = z.input<typeof ZDraftBody>;
export type TPortalMessageBody = z.input<typeof ZPortalMessageBody>;
export type TReopenBody = z.input<typeof ZReopenBody>;

/** A legal hold on a case (by id or number) or on everything about a person. */
export type TLegalHoldBody = z.input<typeof ZLegalHoldBody>;

/** The body of each caseworker's action, by the last part of its path (`/api/v1/backoffice/cases/:id/…`). */
export interface CaseActionBodies {
  assign: z.input<typeof ZAssignBody>;
  notes: z.input<typeof ZNoteBody>;
  messages: z.input<typeof ZCaseMessageBody>;
  return: z.input<typeof ZReturnBody>;
  stages: z.input<typeof ZStageBody>;
  resolve: z.input<typeof ZResolveBody>;
}
