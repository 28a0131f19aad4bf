import { z } from 'zod';
import { ZIsoDate } from '../isoDate';

const ZPlain: z.ZodType<unknown> = z
  .unknown()
  .meta({ description: 'A FEEL value as JSON (dates as YYYY-MM-DD)' });
const ZFeelType = z.enum(['string', 'number', 'integer', 'boolean', 'date', 'any']);

export const ZDecisionTableVersionSummary = z.object({
  decisionId: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().optional(),
});

export const ZDecisionTableCard = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  revision: z.number().int(),
  revisedAt: z.string(),
  versions: z.array(ZDecisionTableVersionSummary),
  /** How many case decisions this table has made (every revision). */
  decisions: z.number().int(),
});
export const ZDecisionTableList = z.object({ tables: z.array(ZDecisionTableCard) });
export type TDecisionTableList = z.infer<typeof ZDecisionTableList>;

export const ZDecisionTableVersion = ZDecisionTableVersionSummary.extend({
  name: z.string(),
  hitPolicy: z.string(),
  aggregation: z.string().optional(),
  inputs: z.array(z.object({ id: z.string(), label: z.string(), expression: z.string(), type: ZFeelType })),
  outputs: z.array(z.object({ id: z.string(), name: z.string(), label: z.string(), type: ZFeelType })),
  rules: z.array(
    z.object({
      id: z.string(),
      index: z.number().int(),
      description: z.string().optional(),
      inputs: z.array(z.string()),
      outputs: z.array(z.string()),
    }),
  ),
});

export const ZDecisionTableDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    /** The revision shown; `revisions` lists all, newest first. */
    revision: z.number().int(),
    revisions: z.array(
      z.object({ revision: z.number().int(), createdAt: z.string(), createdBy: z.string().nullable() }),
    ),
    /** The input whose date chooses the version (else a test names the date). */
    dateInput: z.string().optional(),
    /** The variables the table's inputs read, with their types: what a test must give. */
    variables: z.array(z.object({ name: z.string(), type: ZFeelType })),
    versions: z.array(ZDecisionTableVersion),
  })
  .meta({ id: 'DecisionTable' });
export type TDecisionTableDetail = z.infer<typeof ZDecisionTableDetail>;

export const ZDecisionTableParams = z
  .object({
    id: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/),
  })
  .strict();
export const ZDecisionTableQuery = z
  .object({ revision: z.coerce.number().int().positive().optional() })
  .strict();

export const ZDecisionRevisionBody = z.object({ xml: z.string().min(1).max(2_000_000) }).strict();
export const ZDecisionRevisionSaved = z.object({
  id: z.string(),
  revision: z.number().int(),
  changed: z.boolean(),
});
export type TDecisionRevisionSaved = z.infer<typeof ZDecisionRevisionSaved>;

/** A test: sample inputs against a saved revision (the newest without `revision`) or a file not yet saved (`xml`). */
export const ZDecisionTestBody = z
  .object({
    inputs: z.record(z.string().max(80), ZPlain),
    /** The date that chooses the version, when the table has no date input. */
    on: ZIsoDate.optional(),
    revision: z.number().int().positive().optional(),
    xml: z.string().max(2_000_000).optional(),
  })
  .strict();
export type TDecisionTestBody = z.infer<typeof ZDecisionTestBody>;

const ZFired = z.object({ ruleId: z.string(), index: z.number().int(), description: z.string().optional() });
export const ZDecisionOutcome = z.object({
  revision: z.number().int().nullable(),
  decisionId: z.string(),
  version: z.number().int(),
  outputs: z.array(z.record(z.string(), ZPlain)),
  fired: z.array(ZFired),
  matched: z.array(ZFired),
});
export type TDecisionOutcome = z.infer<typeof ZDecisionOutcome>;

export const ZCaseDecisionTestParams = z
  .object({ id: ZDecisionTableParams.shape.id, caseId: z.string().uuid() })
  .strict();

/** What a table decided for a past case then, beside what the newest revision decides on the same inputs now. */
export const ZCaseDecisionTest = z.object({
  caseId: z.string(),
  caseTitle: z.string(),
  /** Where the inputs came from: the decision recorded for the case, or the case's answers. */
  source: z.enum(['recorded', 'answers']),
  inputs: z.record(z.string(), ZPlain),
  then: ZDecisionOutcome.extend({ at: z.string() }).nullable(),
  now: ZDecisionOutcome.nullable(),
  /** Why the newest revision cannot decide on these inputs, if it cannot. */
  nowError: z.object({ da: z.string(), en: z.string() }).optional(),
});
export type TCaseDecisionTest = z.infer<typeof ZCaseDecisionTest>;

export const ZRecentDecisions = z.object({
  decisions: z.array(
    z.object({
      caseId: z.string(),
      caseTitle: z.string(),
      at: z.string(),
      revision: z.number().int(),
      decisionId: z.string(),
      rules: z.array(ZFired),
    }),
  ),
});
export type TRecentDecisions = z.infer<typeof ZRecentDecisions>;
