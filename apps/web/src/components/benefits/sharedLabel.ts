import type { TLocalizedText } from '@indgang/schemas';

/**
 * A label from the bilingual tables the browser shares with the server's PDFs (statuses, risk
 * levels, units, tree layers), picked in the user's language; a value the table lacks shows as is.
 */
export function sharedLabel(
  pick: (text: TLocalizedText) => string,
  labels: Readonly<Record<string, TLocalizedText>>,
  value: string,
): string {
  const text = labels[value];
  return text ? pick(text) : value;
}
