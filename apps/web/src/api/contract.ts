import type { z } from 'zod';
import type {
  ZAssignBody,
  ZCaseMessageBody,
  ZNoteBody,
  ZPortalMessageBody,
  ZReopenBody,
  ZResolveBody,
  ZRevealedAnswers,
  ZReturnBody,
  ZReturnStatistics,
  ZStageBody,
  ZSubmitBody,
  ZTeams,
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
