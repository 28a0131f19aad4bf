export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  success?: boolean;
  testResults: Array<{ status: string; assertionResults: Array<{ status: string }> }>;
}
/** Passed and failed counts of a Vitest JSON report; a file that could not run counts as failed. */
export function countResults(report: VitestReport): { passed: number; failed: number };
