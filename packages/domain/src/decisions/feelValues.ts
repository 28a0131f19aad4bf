import { isCalendarDate } from '@indgang/schemas';
import { date, FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { decisionError } from './decisionError';
import type { FeelType, PlainValue } from './types';

const TYPE_NAMES: Record<FeelType, { da: string; en: string }> = {
  string: { da: 'en tekst', en: 'a text' },
  number: { da: 'et tal', en: 'a number' },
  integer: { da: 'et helt tal', en: 'a whole number' },
  boolean: { da: 'ja/nej (true/false)', en: 'yes/no (true/false)' },
  date: { da: 'en dato ÅÅÅÅ-MM-DD', en: 'a date YYYY-MM-DD' },
  any: { da: 'en værdi', en: 'a value' },
};

function fits(type: FeelType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return value instanceof FeelDate;
    case 'any':
      return true;
  }
}

/**
 * An input as FEEL needs it. A date arrives as 'YYYY-MM-DD' and becomes a FEEL date: feelin compares
 * a string with a date without complaint and gets it wrong ("2025-12-31" >= date("2026-01-01") is
 * true), so a value that does not have its declared type is refused, never passed on.
 */
export function toFeelValue(name: string, type: FeelType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const converted =
    type === 'date' && typeof value === 'string' && isCalendarDate(value) ? date(value) : value;
  if (!fits(type, converted)) {
    throw decisionError('decision_input_type', {
      da: `Inputtet "${name}" skal være ${TYPE_NAMES[type].da}, ikke ${JSON.stringify(value)}.`,
      en: `The input "${name}" must be ${TYPE_NAMES[type].en}, not ${JSON.stringify(value)}.`,
    });
  }
  return converted;
}

/** A FEEL result as JSON can carry it: dates, times and durations as their ISO 8601 text. */
export function toPlainValue(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (
    value instanceof FeelDate ||
    value instanceof FeelDateTime ||
    value instanceof FeelTime ||
    value instanceof FeelDuration
  ) {
    return value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toPlainValue(entry)]));
  }
  return String(value);
}

/** Whether an output's value has the output's declared type (null always does: no value). */
export function plainFits(type: FeelType, value: PlainValue): boolean {
  if (value === null) return true;
  if (type === 'date') return typeof value === 'string' && isCalendarDate(value);
  return fits(type, value);
}

export function typeName(type: FeelType) {
  return TYPE_NAMES[type];
}
