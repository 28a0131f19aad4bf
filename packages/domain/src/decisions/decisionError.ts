import { DomainError, type ErrorKind, type LocalizedText } from '../errors/DomainError';

/**
 * A table that cannot be read (invalid), inputs it cannot take (invalid), or a table that cannot
 * decide on valid inputs (unprocessable): what is wrong and where, in Danish and English.
 */
export function decisionError(code: string, text: LocalizedText, kind: ErrorKind = 'invalid'): DomainError {
  return new DomainError(kind, code, text);
}

/** Where a cell stands, as a modeller shows it: rule 3 (id r3), column "Km". */
export interface CellPlace {
  ruleIndex?: number;
  ruleId?: string;
  column: string;
}

export function placeText(place: CellPlace): LocalizedText {
  if (place.ruleIndex === undefined) {
    return { da: `kolonnen "${place.column}"`, en: `column "${place.column}"` };
  }
  const rule = `${place.ruleIndex + 1}${place.ruleId ? ` (${place.ruleId})` : ''}`;
  return {
    da: `regel ${rule}, kolonnen "${place.column}"`,
    en: `rule ${rule}, column "${place.column}"`,
  };
}
