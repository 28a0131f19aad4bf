import type {
  AnswerValue,
  Answers,
  FormError,
  Persona,
  SectionAnswers,
  TServiceDefinition,
} from '@indgang/schemas';

/** What every section of the service form needs to show and change its fields. */
export interface FormContext {
  /** The answers flattened, for the conditions of fields and sections. */
  values: SectionAnswers;
  persona: Persona;
  /** Whether the demo's made-up CPR numbers (day 00) are accepted. */
  testCpr: boolean;
  /** File fields that satisfy a documentation requirement, and so are required. */
  documentFields: Set<string>;
  /** The error shown beside a field or a section, by its answer path (`trips[0].date`, `trips`). */
  errorFor(path: string): FormError | undefined;
  /** A warning that does not stop sending (a date past the payroll deadline), by answer path. */
  warningFor(path: string): { da: string; en: string } | undefined;
  setValue(sectionId: string, index: number | null, fieldId: string, value: AnswerValue): void;
  /** Changes the answers as the user does (the draft is saved after it). */
  changeAnswers(change: (answers: Answers) => Answers): void;
}

/**
 * The answers a form starts with: each section empty, a repeated one with its minimum of items
 * (none for an optional list such as supplements, which the submitter adds when there are any).
 */
export function initialAnswers(def: TServiceDefinition): Answers {
  const answers: Answers = {};
  for (const s of def.sections)
    answers[s.id] = s.repeat ? Array.from({ length: s.repeat.min }, () => ({})) : {};
  return answers;
}
