import { z } from 'zod';
import { ZIsoDate as isoDate } from './isoDate';
import { ZCaseStatus } from './caseNames';

export { isCalendarDate, ZIsoDate, FIRST_YEAR, LAST_YEAR } from './isoDate';

const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9ÆØÅæøå._-]+$/, 'invalid id');

export const ZDemoLoginBody = z.object({ userId: id }).strict();
export type TDemoLoginBody = z.infer<typeof ZDemoLoginBody>;

export const ZIdParams = z.object({ id });

export const ZPersonQuery = z.object({ reveal: z.enum(['cpr']).optional() }).strict();

export const ZPersonSearchQuery = z.object({ q: z.string().trim().min(2).max(100) }).strict();

export const ZAuditQuery = z
  .object({
    action: z.string().max(60).optional(),
    actorUserId: id.optional(),
    subjectPersonId: id.optional(),
    beforeSeq: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZDelegationBody = z
  .object({ toPersonId: id, unitId: id, validFrom: isoDate, validTo: isoDate })
  .strict();
export type TDelegationBody = z.infer<typeof ZDelegationBody>;

export const ZImportQuery = z.object({ fileName: z.string().max(200).optional() }).strict();

export const ZLocaleBody = z.object({ locale: z.enum(['da', 'en']) }).strict();

export const ROLE_LABELS: Record<string, { da: string; en: string }> = {
  leader: { da: 'Leder', en: 'Leader' },
  deputy: { da: 'Stedfortræder', en: 'Deputy' },
  employee: { da: 'Medarbejder', en: 'Employee' },
  caseworker: { da: 'Sagsbehandler', en: 'Caseworker' },
  anchor: { da: 'Ankerperson', en: 'Anchor person' },
  process_owner: { da: 'Procesejer', en: 'Process owner' },
  configurator: { da: 'Konfigurator', en: 'Configurator' },
  team_lead: { da: 'Teamleder', en: 'Team lead' },
  auditor: { da: 'Revisor', en: 'Auditor' },
  administrator: { da: 'Administrator', en: 'Administrator' },
  programme_manager: { da: 'Programleder', en: 'Programme manager' },
  finance: { da: 'Økonomikonsulent', en: 'Finance officer' },
};

export * from './forms/ServiceDefinition';
export * from './forms/evaluateForm';
export * from './forms/roleReview';
export * from './forms/maskAnswers';
export * from './forms/cpr';
export * from './forms/casePeriod';
export * from './forms/payrollDeadline';
export * from './forms/untranslatedTexts';
export * from './process/ProcessDefinition';
export * from './process/bpmnExtension';
export * from './connectors/connectorNames';
export * from './connectors/lookupAnswers';

const uuid = z.string().uuid();
const version = z.number().int().positive();

export const ZServiceParams = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .max(80),
});
export const ZCatalogQuery = z.object({ q: z.string().max(100).optional() }).strict();
export const ZDraftBody = z.object({ answers: z.record(z.string(), z.unknown()) }).strict();
export const ZSubmitBody = z
  .object({
    serviceId: z.string().max(80),
    answers: z.record(z.string(), z.unknown()),
    confirmNotDuplicate: z.boolean().optional(),
  })
  .strict();
export const ZCaseParams = z.object({ id: uuid });
/** How a case list is ordered: by submission, status, service name or case number. */
export const CASE_LIST_SORTS = ['submitted', 'status', 'service', 'number'] as const;
export const ZCaseListQuery = z
  .object({
    view: z.enum(['mine', 'units']).default('mine'),
    status: ZCaseStatus.optional(),
    service: id.optional().describe('Only cases of this service.'),
    q: z
      .string()
      .max(100)
      .optional()
      .describe('Words the case number, person, unit or service name begin with.'),
    sort: z.enum(CASE_LIST_SORTS).default('submitted'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    lang: z.enum(['da', 'en']).default('da').describe('Whose service names `sort=service` orders by.'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export const ZPortalMessageBody = z
  .object({ body: z.string().max(4000), attachmentIds: z.array(uuid).max(20).default([]) })
  .strict();
export const ZReopenBody = z.object({ reason: z.string().max(2000) }).strict();
export const ZAttachmentQuery = z.object({ fileName: z.string().min(1).max(200) }).strict();
/** `view=inline` shows a PDF or an image in the page (a preview) instead of downloading it. */
export const ZAttachmentReadQuery = z
  .object({ view: z.enum(['inline', 'download']).default('download') })
  .strict();
export const ZQueueQuery = z
  .object({
    teamId: id.optional(),
    assigned: z.enum(['me', 'none', 'any']).default('any'),
    status: ZCaseStatus.optional(),
  })
  .strict();
export const ZTeamParams = z.object({ teamId: id });
export const ZAssignBody = z.object({ assigneeUserId: id, expectedVersion: version }).strict();
export const ZNoteBody = z.object({ body: z.string().max(4000) }).strict();
export const ZCaseMessageBody = z.object({ body: z.string().max(4000), expectedVersion: version }).strict();
export const ZReturnBody = z
  .object({ reasonCode: z.string().max(60), message: z.string().max(4000), expectedVersion: version })
  .strict();
export const ZStageBody = z.object({ stage: z.string().max(60), expectedVersion: version }).strict();
export const ZLegalHoldBody = z
  .object({
    caseId: uuid.optional(),
    caseNumber: z.string().trim().max(30).optional(),
    personId: id.optional(),
    reason: z.string().max(1000),
  })
  .strict();
/**
 * `outcomeId` is one of the service's outcomes; a service without outcomes takes the outcome as free
 * text in `outcome` instead.
 */
export const ZResolveBody = z
  .object({
    outcomeId: z.string().max(60).optional(),
    outcome: z.string().max(200).optional(),
    reply: z.string().max(4000),
    expectedVersion: version,
  })
  .strict();

export { issueText } from './issueText';
export * from './benefits';
export * from './caseNames';
export * from './replyTemplates';
export * from './api';
