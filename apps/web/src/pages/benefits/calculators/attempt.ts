import { CalculatorInputError } from '@indgang/schemas';

export type CalculatorIssue = { path: string; message: { da: string; en: string } };

/** Runs a calculator; input it refuses comes back as its issues (worded in both languages by the calculator). */
export function attempt<T>(work: () => T): { value?: T; issues: CalculatorIssue[] } {
  try {
    return { value: work(), issues: [] };
  } catch (error) {
    if (error instanceof CalculatorInputError) return { issues: error.issues };
    throw error;
  }
}
