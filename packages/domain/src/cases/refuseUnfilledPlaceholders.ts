import { placeholdersIn } from '@indgang/schemas';
import { DomainError } from '../errors/DomainError';

/**
 * Refuses a text to the submitter that still holds a template placeholder (`{{document}}`), naming
 * it and the field it is in: a template's merge fields and inputs are filled before it is sent.
 */
export function refuseUnfilledPlaceholders(text: string, path: string): void {
  const names = placeholdersIn(text);
  if (names.length === 0) return;
  const list = names.map((n) => `{{${n}}}`).join(', ');
  const message = {
    da: `Teksten indeholder et skabelonfelt, der ikke er udfyldt: ${list}. Udfyld det, før du sender.`,
    en: `The text holds a template field that is not filled in: ${list}. Fill it in before sending.`,
  };
  throw new DomainError('invalid', 'template_unfilled', message, [{ path, message }], {
    placeholders: names,
  });
}
