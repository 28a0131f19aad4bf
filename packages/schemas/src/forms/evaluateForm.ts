import { isCalendarDate } from '../isoDate';
import { cprProblem } from './cpr';
import { checkRoleReview, type TRoleReviewLine } from './roleReview';
import type {
  TAudience,
  TCondition,
  TDocumentRequirement,
  TField,
  TSection,
  TServiceDefinition,
  TText,
} from './ServiceDefinition';

/** An answer: text, a number, a yes/no, files by id, the lines of an authorisation review, or none. */
export type AnswerValue = string | number | boolean | string[] | TRoleReviewLine[] | null;
/** The attachment ids of a file field's answer (none for any other answer). */
export const fileIdsOf = (value: AnswerValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

export type SectionAnswers = Record<string, AnswerValue>;
/** Answers by section: an object for a plain section, a list of objects for a repeated one. */
export type Answers = Record<string, SectionAnswers | SectionAnswers[]>;

export interface Persona {
  roles: string[];
  administration: string | null;
  experience: 'new' | 'experienced';
  frequency: 'rare' | 'frequent';
}

export interface FormError {
  path: string;
  field: string;
  message: { da: string; en: string };
}

export interface DocumentStatus {
  id: string;
  label: TText;
  why?: TText;
  field: string;
  satisfied: boolean;
}

/** A catalogue text in the reader's language: English where the catalogue gives it, else the Danish. */
export function textOf(text: TText | undefined, locale: 'da' | 'en'): string {
  return localizedText(text, locale).text;
}

/**
 * A catalogue text in the reader's language, with the language it is really in: an English reader
 * of a text the catalogue gives only in Danish gets the Danish (`lang: 'da'`), which a page marks.
 */
export function localizedText(
  text: TText | undefined,
  locale: 'da' | 'en',
): { text: string; lang: 'da' | 'en' } {
  if (text === undefined) return { text: '', lang: locale };
  if (typeof text === 'string') return { text, lang: 'da' };
  if (locale === 'en' && text.en !== undefined) return { text: text.en, lang: 'en' };
  return { text: text.da, lang: 'da' };
}

export function audienceMatches(audience: TAudience | undefined, persona: Persona): boolean {
  if (!audience) return true;
  if (audience.roles && !audience.roles.some((r) => persona.roles.includes(r))) return false;
  if (
    audience.administrations &&
    (!persona.administration || !audience.administrations.includes(persona.administration))
  )
    return false;
  if (audience.experience && audience.experience !== persona.experience) return false;
  if (audience.frequency && audience.frequency !== persona.frequency) return false;
  return true;
}

/** The plain (not repeated) answers, flat by field id, which conditions refer to. */
export function flatAnswers(def: TServiceDefinition, answers: Answers): SectionAnswers {
  const flat: SectionAnswers = {};
  for (const section of def.sections) {
    const value = answers[section.id];
    if (!section.repeat && value && !Array.isArray(value)) Object.assign(flat, value);
  }
  return flat;
}

export function evaluateCondition(condition: TCondition | undefined, values: SectionAnswers): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, values));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, values));
  if ('not' in condition) return !evaluateCondition(condition.not, values);
  const value = values[condition.field];
  const filled =
    value !== undefined &&
    value !== null &&
    value !== '' &&
    value !== false &&
    !(Array.isArray(value) && value.length === 0);
  if (condition.filled !== undefined && condition.filled !== filled) return false;
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.in && !condition.in.includes(String(value))) return false;
  if (condition.notIn && (!filled || condition.notIn.includes(String(value)))) return false;
  return true;
}

export function sectionVisible(section: TSection, values: SectionAnswers): boolean {
  return evaluateCondition(section.showIf, values);
}

export function fieldVisible(field: TField, values: SectionAnswers, persona: Persona): boolean {
  return audienceMatches(field.audience, persona) && evaluateCondition(field.showIf, values);
}

/** The documents the case needs given the answers so far, and whether each is attached. */
export function requiredDocuments(def: TServiceDefinition, answers: Answers): DocumentStatus[] {
  const values = flatAnswers(def, answers);
  return def.documents
    .filter((d: TDocumentRequirement) => evaluateCondition(d.when, values))
    .map((d) => {
      const attached = values[d.field];
      return {
        id: d.id,
        label: d.label,
        why: d.why,
        field: d.field,
        satisfied: Array.isArray(attached) && attached.length > 0,
      };
    });
}

const err = (path: string, field: string, da: string, en: string): FormError => ({
  path,
  field,
  message: { da, en },
});

/** What an empty required field asks for, by its type (a text field: that it be filled in). */
const REQUIRED: Partial<Record<TField['type'], [string, string]>> = {
  select: ['Vælg en af mulighederne.', 'Choose one of the options.'],
  radio: ['Vælg en af mulighederne.', 'Choose one of the options.'],
  checkbox: ['Sæt kryds, før du sender.', 'Tick the box before you send.'],
  person: ['Søg efter personen, og vælg den rigtige.', 'Search for the person and choose the right one.'],
  unit: ['Vælg en enhed.', 'Choose a unit.'],
  file: ['Vedhæft en fil.', 'Attach a file.'],
  roleReview: ['Vælg enheden, og gennemgå rollerne i den.', 'Choose the unit and review the roles in it.'],
  date: ['Skriv en dato.', 'Enter a date.'],
};

function checkField(
  field: TField,
  raw: AnswerValue | undefined,
  path: string,
  errors: FormError[],
  options: ValidateOptions,
): AnswerValue {
  const empty =
    raw === undefined ||
    raw === null ||
    raw === '' ||
    raw === false ||
    (Array.isArray(raw) && raw.length === 0);
  if (empty) {
    if (field.required) {
      const [da, en] = REQUIRED[field.type] ?? ['Feltet skal udfyldes.', 'This field is required.'];
      errors.push(err(path, field.id, da, en));
    }
    return field.type === 'checkbox'
      ? false
      : field.type === 'file' || field.type === 'roleReview'
        ? []
        : null;
  }
  switch (field.type) {
    case 'roleReview': {
      const { lines, problem } = checkRoleReview(raw);
      if (problem) errors.push(err(path, field.id, problem.da, problem.en));
      return lines;
    }
    case 'checkbox':
      if (typeof raw !== 'boolean')
        errors.push(err(path, field.id, 'Skal være afkrydset eller ej.', 'Must be checked or not.'));
      return raw;
    case 'file':
      if (!Array.isArray(raw) || raw.some((id) => typeof id !== 'string')) {
        errors.push(err(path, field.id, 'Ugyldig vedhæftning.', 'Invalid attachment.'));
        return [];
      }
      return raw;
    case 'number':
    case 'money': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/\./g, '').replace(',', '.'));
      if (typeof raw === 'boolean' || Array.isArray(raw) || !Number.isFinite(n)) {
        errors.push(err(path, field.id, 'Skal være et tal.', 'Must be a number.'));
        return null;
      }
      if (field.min !== undefined && n < field.min)
        errors.push(err(path, field.id, `Mindst ${field.min}.`, `At least ${field.min}.`));
      if (field.max !== undefined && n > field.max)
        errors.push(err(path, field.id, `Højst ${field.max}.`, `At most ${field.max}.`));
      // Money is kept in øre, never as a float.
      return field.type === 'money' ? Math.round(n * 100) : n;
    }
    default: {
      if (typeof raw !== 'string') {
        errors.push(err(path, field.id, 'Skal være tekst.', 'Must be text.'));
        return null;
      }
      const value = raw.trim();
      const max = field.maxLength ?? (field.type === 'textarea' ? 4000 : 200);
      if (value.length > max)
        errors.push(err(path, field.id, `Højst ${max} tegn.`, `At most ${max} characters.`));
      if (field.type === 'date' && !isCalendarDate(value))
        errors.push(err(path, field.id, 'Skal være en gyldig dato.', 'Must be a valid date.'));
      if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
        errors.push(
          err(path, field.id, 'Skal være en gyldig e-mailadresse.', 'Must be a valid e-mail address.'),
        );
      if (field.type === 'cpr') {
        const problem = cprProblem(value, { testCpr: options.testCpr ?? false });
        if (problem) errors.push(err(path, field.id, problem.da, problem.en));
      }
      if (
        (field.type === 'select' || field.type === 'radio') &&
        !field.options?.some((o) => o.value === value)
      )
        errors.push(err(path, field.id, 'Vælg en af mulighederne.', 'Choose one of the options.'));
      if (field.pattern && !new RegExp(field.pattern).test(value))
        errors.push(err(path, field.id, 'Har ikke det rigtige format.', 'Does not have the right format.'));
      return value;
    }
  }
}

export interface ValidateOptions {
  /** Whether missing documents are errors (on submit) or not yet (while filling in). */
  requireDocuments: boolean;
  /**
   * Whether CPR numbers with day 00 are accepted: the made-up numbers of the demo municipality and
   * the tests, which belong to no one. Only an installation running with test data sets it.
   */
  testCpr?: boolean;
}

export interface FormResult {
  answers: Answers;
  errors: FormError[];
  documents: DocumentStatus[];
}

/**
 * Validates answers against a service's form, as the browser does while filling in and the server
 * does on submit: hidden sections and fields are dropped, values normalised (money in øre), and
 * required documents checked when `requireDocuments` is set.
 */
export function validateAnswers(
  def: TServiceDefinition,
  input: unknown,
  persona: Persona,
  options: ValidateOptions,
): FormResult {
  const errors: FormError[] = [];
  const answers: Answers = {};
  const source = (
    typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}
  ) as Record<string, unknown>;
  const known = new Set(def.sections.map((s) => s.id));
  for (const key of Object.keys(source))
    if (!known.has(key)) errors.push(err(key, key, `Ukendt afsnit "${key}".`, `Unknown section "${key}".`));
  const values = flatAnswers(def, source as Answers);
  for (const section of def.sections) {
    if (!sectionVisible(section, values)) continue;
    const raw = source[section.id];
    if (section.repeat) {
      const items = Array.isArray(raw) ? raw : [];
      if (items.length < section.repeat.min)
        errors.push(
          err(section.id, section.id, `Mindst ${section.repeat.min}.`, `At least ${section.repeat.min}.`),
        );
      if (items.length > section.repeat.max)
        errors.push(
          err(section.id, section.id, `Højst ${section.repeat.max}.`, `At most ${section.repeat.max}.`),
        );
      answers[section.id] = items.slice(0, section.repeat.max).map((item, i) => {
        const itemValues = { ...values, ...(item as SectionAnswers) };
        const out: SectionAnswers = {};
        for (const field of section.fields) {
          if (fieldVisible(field, itemValues, persona))
            out[field.id] = checkField(
              field,
              (item as SectionAnswers)?.[field.id],
              `${section.id}[${i}].${field.id}`,
              errors,
              options,
            );
        }
        return out;
      });
    } else {
      const item = (
        typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}
      ) as SectionAnswers;
      const out: SectionAnswers = {};
      for (const field of section.fields) {
        if (fieldVisible(field, values, persona))
          out[field.id] = checkField(field, item[field.id], `${section.id}.${field.id}`, errors, options);
      }
      answers[section.id] = out;
    }
  }
  const documents = requiredDocuments(def, answers);
  if (options.requireDocuments) {
    for (const d of documents.filter((doc) => !doc.satisfied)) {
      errors.push(
        err(
          `documents.${d.id}`,
          d.field,
          `Dokumentation mangler: ${textOf(d.label, 'da')}.`,
          `Documentation missing: ${textOf(d.label, 'en')}.`,
        ),
      );
    }
  }
  return { answers, errors, documents };
}

/** The team a new case goes to: the first routing rule that matches, else the service's team. */
export function routeCase(def: TServiceDefinition, answers: Answers): string {
  const values = flatAnswers(def, answers);
  return def.routing.find((r) => evaluateCondition(r.when, values))?.team ?? def.team;
}

/**
 * Until which stage a case is kept from the person it is about ('never': for good), or null when
 * she may follow it from the start, by the service's subjectVisibility and the answers.
 */
export function subjectHiddenUntil(def: TServiceDefinition, answers: Answers): string | null {
  const rule = def.subjectVisibility;
  if (rule === 'always') return null;
  if (rule === 'never') return 'never';
  return evaluateCondition(rule.when, flatAnswers(def, answers)) ? rule.fromStage : null;
}
