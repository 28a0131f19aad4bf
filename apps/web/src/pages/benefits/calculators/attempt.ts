import { CalculatorInputError, type InputIssue } from '@indgang/schemas';

/** Runs a calculator; input it refuses comes back as its issues (worded in both languages by the calculator). */
export function attempt<T>(work: () => T): { value?: T; issues: InputIssue[] } {
  try {
    return { value: work(), issues: [] };
  } catch (error) {
    if (error instanceof CalculatorInputError) return { issues: error.issues };
    throw error;
  }
}
