import {
  isRoleReviewLines,
  type AnswerValue,
  type Answers,
  type SectionAnswers,
  type TServiceDefinition,
  type TStoredServiceDefinition,
} from '@indgang/schemas';

/*
 * The API sends a case's or a draft's answers as JSON by section (`Record<string, unknown>`: the
 * contract does not describe their shape); the form functions of `@indgang/schemas` take `Answers`.
 * These read the one as the other, keeping what has the shape and leaving out what has not, so a
 * page never trusts a shape the contract does not promise.
 */

export const isAnswerValue = (v: unknown): v is AnswerValue =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'number' ||
  typeof v === 'boolean' ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string')) ||
  isRoleReviewLines(v);

/** The values that are answers (by field id, or by path for revealed answers); others are left out. */
export function readAnswerValues(values: unknown): SectionAnswers {
  const read: SectionAnswers = {};
  if (!values || typeof values !== 'object' || Array.isArray(values)) return read;
  for (const [key, value] of Object.entries(values)) if (isAnswerValue(value)) read[key] = value;
  return read;
}

const isSection = (v: unknown): v is object => !!v && typeof v === 'object' && !Array.isArray(v);

/** Answers by section: an object for a plain section, a list of objects for a repeated one. */
export function readAnswers(answers: unknown): Answers {
  const read: Answers = {};
  if (!isSection(answers)) return read;
  for (const [id, section] of Object.entries(answers)) {
    if (isSection(section)) read[id] = readAnswerValues(section);
    else if (Array.isArray(section)) read[id] = section.filter(isSection).map(readAnswerValues);
  }
  return read;
}

/**
 * A service definition as the API sends it, for the form functions. Versions installed before KLE and
 * retention existed lack them (`TStoredServiceDefinition`); the form functions take a
 * `TServiceDefinition` but read neither.
 */
export const formDefinition = (def: TStoredServiceDefinition) => def as TServiceDefinition;
