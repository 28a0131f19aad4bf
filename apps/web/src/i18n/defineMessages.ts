export type Locale = 'da' | 'en';

/**
 * A feature's interface texts: Danish is the source of truth; the English object must have exactly
 * the same keys (a missing or an extra key is a type error).
 */
export function defineMessages<const Da extends Record<string, string>>(
  da: Da,
  en: NoInfer<{ [K in keyof Da]: string }>,
): { da: Da; en: Record<keyof Da, string> } {
  return { da, en };
}

/** Fills `{name}` placeholders from `values`; a placeholder without a value becomes empty. */
export function interpolate(text: string, values?: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''));
}
