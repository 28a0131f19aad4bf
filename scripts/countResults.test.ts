import { describe, expect, it } from 'vitest';
import { countResults } from './countResults.js';

const file = (status: string, tests: string[]) => ({
  status,
  assertionResults: tests.map((s) => ({ status: s })),
});

describe('countResults', () => {
  it('counts passed and failed tests of files that ran', () => {
    expect(
      countResults({
        numPassedTests: 3,
        numFailedTests: 1,
        success: false,
        testResults: [file('passed', ['passed', 'passed']), file('failed', ['passed', 'failed'])],
      }),
    ).toEqual({ passed: 3, failed: 1 });
  });

  it('counts a file whose tests were skipped because its setup failed (no browser) as failed', () => {
    // What Vitest reports when beforeAll cannot launch Chromium: the file failed, its tests skipped.
    expect(
      countResults({
        numPassedTests: 0,
        numFailedTests: 0,
        success: false,
        testResults: [file('failed', ['skipped', 'skipped'])],
      }),
    ).toEqual({ passed: 0, failed: 1 });
  });

  it('counts a file that could not load at all as failed', () => {
    expect(
      countResults({
        numPassedTests: 5,
        numFailedTests: 0,
        success: false,
        testResults: [file('passed', ['passed']), file('failed', [])],
      }),
    ).toEqual({ passed: 5, failed: 1 });
  });

  it('never reports an unsuccessful run as all passed', () => {
    expect(
      countResults({
        numPassedTests: 2,
        numFailedTests: 0,
        success: false,
        testResults: [file('passed', ['passed', 'passed'])],
      }),
    ).toEqual({ passed: 2, failed: 1 });
  });
});
