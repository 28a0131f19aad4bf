import { z } from 'zod';
import { checkProcessDefinition, ZProcessDefinition } from '../process/ProcessDefinition';
import { ZText } from './ZText';

export { ZText, type TText } from './ZText';

export type TCondition =
  | { field: string; equals?: string | number | boolean; in?: string[]; notIn?: string[]; filled?: boolean }
  | { all: TCondition[] }
  | { any: TCondition[] }
  | { not: TCondition };

export const ZCondition: z.ZodType<TCondition> = z.lazy(() =>
  z.union([
    z
      .object({
        field: z.string(),
        equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
        in: z.array(z.string()).optional(),
        notIn: z.array(z.string()).optional(),
        filled: z.boolean().optional(),
      })
      .strict(),
    z.object({ all: z.array(ZCondition) }).strict(),
    z.object({ any: z.array(ZCondition) }).strict(),
    z.object({ not: ZCondition }).strict(),
  ]),
);

/** Who a service, a field or a guidance text is for: roles, administrations and persona traits. */
export const ZAudience = z
  .object({
    roles: z.array(z.string()).optional(),
    administrations: z.array(z.string()).optional(),
    experience: z.enum(['new', 'experienced']).optional(),
    frequency: z.enum(['rare', 'frequent']).optional(),
  })
  .strict();
export type TAudience = z.infer<typeof ZAudience>;

export const ZGuidance = z.object({ text: ZText, audience: ZAudience.optional() }).strict();

export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'date',
  'number',
  'money',
  'select',
  'radio',
  'checkbox',
  'cpr',
  'person',
  'unit',
  'file',
  'roleReview',
] as const;

/** What a field can be filled with from CPR (see `prefill`). */
export const CPR_PREFILLS = ['cpr.name', 'cpr.firstName', 'cpr.lastName', 'cpr.address'] as const;
export type CprPrefill = (typeof CPR_PREFILLS)[number];

export const ZField = z
  .object({
    id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
    type: z.enum(FIELD_TYPES),
    label: ZText,
    help: ZText.optional(),
    required: z.boolean().optional(),
    options: z.array(z.object({ value: z.string(), label: ZText }).strict()).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().positive().optional(),
    pattern: z.string().optional(),
    /** For file fields: accepted MIME types and the largest size in bytes. */
    accept: z.array(z.string()).optional(),
    maxBytes: z.number().int().positive().optional(),
    showIf: ZCondition.optional(),
    audience: ZAudience.optional(),
    guidance: z.array(ZGuidance).optional(),
    /**
     * For date fields from which pay changes (a first working day, an effective date, a last day):
     * the form warns when the date is in the past or too late for its month's payroll run, naming
     * the run's deadline from the payroll calendar (catalog/calendar.json). It never refuses.
     */
    payrollDeadline: z.boolean().optional(),
    /**
     * Filled from CPR when the submitter asks for it beside the section's CPR field (an audited
     * lookup): `cpr.name`, `cpr.firstName`, `cpr.lastName` or `cpr.address`. A protected address is
     * never filled in; the submitter is told that Digital Post reaches the person through CPR.
     */
    prefill: z.enum(CPR_PREFILLS).optional(),
    /**
     * Personal data shown masked to everyone, and in full only to those with the CPR permission on an
     * explicit, audited request. CPR fields always are.
     */
    sensitive: z.boolean().optional(),
    /**
     * For roleReview fields: the unit field whose unit's role assignments are read from identity
     * management, once chosen, for the submitter to keep or remove line by line.
     */
    unitField: z.string().optional(),
  })
  .strict();
export type TField = z.infer<typeof ZField>;

export const ZSection = z
  .object({
    id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
    title: ZText,
    intro: ZText.optional(),
    fields: z.array(ZField).min(1),
    showIf: ZCondition.optional(),
    /** A group the submitter may repeat, e.g. several receipts. */
    repeat: z
      .object({ min: z.number().int().min(0), max: z.number().int().positive(), itemLabel: ZText })
      .strict()
      .optional(),
    guidance: z.array(ZGuidance).optional(),
  })
  .strict();
export type TSection = z.infer<typeof ZSection>;

export const ZDocumentRequirement = z
  .object({
    id: z.string(),
    label: ZText,
    why: ZText.optional(),
    when: ZCondition.optional(),
    /** The file field whose upload satisfies the requirement. */
    field: z.string(),
  })
  .strict();
export type TDocumentRequirement = z.infer<typeof ZDocumentRequirement>;

export const ZStage = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    /** What the caseworker marks, e.g. "Partshøring sendt". */
    label: ZText,
  })
  .strict();
export type TStage = z.infer<typeof ZStage>;

export const ZOutcome = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
    /** What the submitter and the caseworker read, e.g. "Udbetalt med næste løn". */
    label: ZText,
  })
  .strict();
export type TOutcome = z.infer<typeof ZOutcome>;

export const ZSubjectVisibility = z.union([
  z.enum(['always', 'never']),
  z.object({ fromStage: z.string(), when: ZCondition.optional() }).strict(),
]);
export type TSubjectVisibility = z.infer<typeof ZSubjectVisibility>;

/**
 * How long a resolved case is kept, counted from its resolution or from the end of the employment
 * of the person it is about, and what happens then: its answers, files and messages are deleted
 * while the case stays as a count for statistics (anonymise), or the whole case goes (delete).
 */
export const ZRetention = z
  .object({
    years: z.number().int().min(0).max(100).default(0),
    months: z.number().int().min(0).max(1200).default(0),
    from: z.enum(['resolved', 'employment_end']),
    action: z.enum(['anonymise', 'delete']).default('anonymise'),
  })
  .strict()
  .refine((r) => r.years > 0 || r.months > 0, { message: 'a retention period of at least one month' });
export type TRetention = z.infer<typeof ZRetention>;

/** Who a service's cases are about (see `subject`). */
export const SUBJECT_MODES = ['person', 'new_person', 'self', 'person_or_new'] as const;
export type SubjectMode = (typeof SUBJECT_MODES)[number];

export const ZServiceDefinition = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.number().int().positive(),
    name: ZText,
    category: ZText,
    summary: ZText,
    keywords: z.array(z.string()).default([]),
    audience: ZAudience.default({}),
    /**
     * Who the case is about: a person picked from the organisation (`person`), a new person in a
     * chosen unit (`new_person`), the submitter (`self`), or either of the first two
     * (`person_or_new`): the employee the form's person field names, or, when the form names none
     * (a future hire, not employed yet), a new person in the unit it names.
     */
    subject: z.enum(SUBJECT_MODES),
    /** The KLE classification the case is filed under (emne, e.g. "81.03.00", with a handling facet, e.g. "G01"). */
    kle: z.string().regex(/^\d{2}\.\d{2}\.\d{2}(-[A-Z]\d{2})?$/),
    retention: ZRetention,
    normTimeDays: z.number().int().positive(),
    team: z.string(),
    routing: z.array(z.object({ when: ZCondition, team: z.string() }).strict()).default([]),
    /**
     * Answer fields that give the period the case covers, for spotting duplicates: an open case of
     * the same service about the same person whose period overlaps is likely the same matter. When
     * the fields are in a repeated section, each item (a trip, a receipt, a shift) has its own
     * period; `same` names further fields of the item that must also agree (a trip's route and
     * distance), so a likely duplicate is an item already claimed in an open case.
     */
    period: z
      .object({ from: z.string(), to: z.string().optional(), same: z.array(z.string()).min(1).optional() })
      .strict()
      .optional(),
    sections: z.array(ZSection).min(1),
    documents: z.array(ZDocumentRequirement).default([]),
    caseworkerGuidance: ZText,
    steps: z
      .object({
        submitted: ZText,
        in_progress: ZText,
        awaiting_submitter: ZText,
        awaiting_approval: ZText,
        automated: ZText,
        resolved: ZText,
      })
      .partial()
      .default({}),
    /** Milestones of the process a caseworker marks when reached, e.g. the hearing of a dismissal. */
    stages: z.array(ZStage).default([]),
    /** The outcomes a caseworker resolves a case with; the case keeps the chosen one's id. */
    outcomes: z.array(ZOutcome).default([]),
    /**
     * Whether the person a case is about may see it in the portal: always (the default), never, or
     * from a stage on; `when` limits the rule to some cases (a dismissal, not a resignation).
     */
    subjectVisibility: ZSubjectVisibility.default('always'),
    /**
     * The steps a case goes through (approvals, four-eyes, automated and robot steps, waits);
     * without one a case is one caseworker task (DEFAULT_PROCESS).
     */
    process: ZProcessDefinition.optional(),
    /** The effort norm of the whole case handled by hand, in minutes: what automation saves is measured from it. */
    effortMinutes: z.number().min(0).max(10_000).optional(),
  })
  .strict()
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    def.outcomes.forEach((outcome, index) => {
      if (seen.has(outcome.id))
        ctx.addIssue({
          code: 'custom',
          path: ['outcomes', index, 'id'],
          message: `outcome "${outcome.id}" twice`,
        });
      seen.add(outcome.id);
    });
    if (def.process)
      for (const problem of checkProcessDefinition(
        def.process,
        def.outcomes.map((o) => o.id),
      ))
        ctx.addIssue({ code: 'custom', path: ['process'], message: problem.en });
    const sectionIds = new Set(def.sections.map((s) => s.id));
    for (const step of def.process?.steps ?? [])
      for (const section of step.letter?.terms ?? [])
        if (!sectionIds.has(section))
          ctx.addIssue({
            code: 'custom',
            path: ['process'],
            message: `step "${step.id}": the letter lists section "${section}", which the form does not have`,
          });
    const visibility = def.subjectVisibility;
    if (typeof visibility === 'object' && !def.stages.some((s) => s.id === visibility.fromStage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['subjectVisibility', 'fromStage'],
        message: `no stage "${visibility.fromStage}" in stages`,
      });
    }
  });
export type TServiceDefinition = z.infer<typeof ZServiceDefinition>;
