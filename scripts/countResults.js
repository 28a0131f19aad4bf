/**
 * Turns Vitest's JSON report into passed and failed counts. A file that failed without a failed
 * test (it did not load, or a beforeAll hook failed and its tests were skipped) counts as one
 * failure, and a run Vitest itself calls unsuccessful never counts as all passed.
 */
export function countResults(report) {
  const passed = report.numPassedTests;
  let failed = report.numFailedTests;
  for (const file of report.testResults) {
    if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) failed += 1;
  }
  if (report.success === false && failed === 0) failed = 1;
  return { passed, failed };
}
