import { z } from 'zod';
import { ZCondition, ZRetention, ZServiceDefinition, ZText } from '../forms/ServiceDefinition';
import { ZDay, ZLocalizedText, ZTimestamp } from './common';
import { isMergeField, placeholdersIn, TEMPLATE_MERGE_FIELDS, ZTemplateInput } from '../replyTemplates';

// Conditions nest (all/any/not of conditions): as a named schema the document can refer to itself.
z.globalRegistry.add(ZCondition, {
  id: 'Condition',
  description: 'When a field, document or rule applies: a test of an answer, or all/any/not of conditions.',
});

/**
 * A service definition as stored and answered: versions installed before KLE and retention
 * existed lack them (nothing is deleted by a rule nobody set).
 */
export const ZStoredServiceDefinition = z
  .object({
    ...ZServiceDefinition.shape,
    kle: ZServiceDefinition.shape.kle.optional(),
    retention: ZRetention.optional(),
  })
  .meta({
    id: 'ServiceDefinition',
    description: 'A versioned service: its form, routing, stages and rules.',
  });

export const ZPersona = z.object({
  roles: z.array(z.string()),
  administration: z.string().nullable(),
  experience: z.enum(['new', 'experienced']),
  frequency: z.enum(['rare', 'frequent']),
});

export const ZServiceCard = z.object({
  id: z.string(),
  version: z.number().int(),
  name: ZText,
  category: ZText,
  summary: ZText,
  usedInMyUnits: z.number().int(),
  usedByMe: z.number().int().describe('Cases of the service the user submitted herself in the last year.'),
});
export const ZServiceList = z.object({ persona: ZPersona, services: z.array(ZServiceCard) });

export const ZDraft = z.object({
  answers: z.unknown(),
  savedAt: ZTimestamp,
  serviceVersion: z.number().int(),
});
export const ZPayrollRun = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  cutOff: ZDay.describe('What reaches payroll by this day is paid with this month.'),
  payDay: ZDay,
});
export const ZServiceForm = z.object({
  definition: ZStoredServiceDefinition,
  persona: ZPersona,
  draft: ZDraft.nullable(),
  payrollRuns: z
    .array(ZPayrollRun)
    .describe(
      "The payroll runs from this month on, for the warnings of the form's payroll date fields (empty when it has none).",
    ),
});
export const ZDraftSaved = z.object({ savedAt: ZTimestamp });

export const ZReturnReason = z
  .object({ code: z.string().regex(/^[a-z][a-z0-9-]*$/), label: ZLocalizedText })
  .strict();
/**
 * A reply template: its body names merge fields the case fills (TEMPLATE_MERGE_FIELDS) and inputs the
 * caseworker fills in (`inputs`, each with its label). Import refuses a placeholder that is neither.
 */
export const ZReplyTemplate = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(1),
    body: z.string().min(1).max(10000),
    inputs: z.array(ZTemplateInput).default([]),
  })
  .strict()
  .superRefine((template, ctx) => {
    const inputs = new Set(template.inputs.map((i) => i.id));
    for (const name of placeholdersIn(template.body))
      if (!isMergeField(name) && !inputs.has(name))
        ctx.addIssue({
          code: 'custom',
          path: ['body'],
          message: `{{${name}}} is neither a merge field (${TEMPLATE_MERGE_FIELDS.join(', ')}) nor one of the template's inputs`,
        });
  });
/** A catalogue as files hand it over: services, return reasons and reply templates. */
export const ZCatalogBundle = z
  .object({
    services: z.array(ZServiceDefinition),
    returnReasons: z.array(ZReturnReason),
    replyTemplates: z.array(ZReplyTemplate),
  })
  .strict();
/** The catalogue as exported: the current version of every active service, as stored. */
export const ZCatalogExport = z.object({
  services: z.array(ZStoredServiceDefinition),
  returnReasons: z.array(ZReturnReason),
  replyTemplates: z.array(ZReplyTemplate),
});
export const ZCatalogImportResult = z.object({
  added: z.array(z.string()).describe('`id@version` of each service version added.'),
  unchanged: z.array(z.string()).describe('`id@version` of each version already installed as it is.'),
});

export type TStoredServiceDefinition = z.infer<typeof ZStoredServiceDefinition>;
export type TServiceCard = z.infer<typeof ZServiceCard>;
export type TServiceList = z.infer<typeof ZServiceList>;
export type TServiceForm = z.infer<typeof ZServiceForm>;
export type TDraftSaved = z.infer<typeof ZDraftSaved>;
export type TCatalogBundle = z.infer<typeof ZCatalogBundle>;
export type TCatalogExport = z.infer<typeof ZCatalogExport>;
export type TCatalogImportResult = z.infer<typeof ZCatalogImportResult>;
