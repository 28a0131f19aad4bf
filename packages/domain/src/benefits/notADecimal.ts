import type { InputIssue } from '@indgang/schemas';

/** One message for a KPI value that is not a decimal, for KPI fields and measurements alike. */
export const notADecimal = (path: string, raw: unknown): InputIssue => ({
  path,
  message: {
    da: `${JSON.stringify(raw)} er ikke et tal med højst 2 decimaler.`,
    en: `${JSON.stringify(raw)} is not a number with at most 2 decimals.`,
  },
});
