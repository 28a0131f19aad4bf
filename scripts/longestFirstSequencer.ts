import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds the longest test files took on the 2-core CI machine, for runs without Vitest's own
 * record of durations (a fresh clone: `npm ci` empties node_modules/.vite, where Vitest keeps it).
 * Only the order depends on these figures; a stale one costs time, never a test.
 */
const KNOWN_SECONDS: Record<string, number> = {
  'e2e/screens.e2e.test.ts': 180,
  'apps/server/src/cli.test.ts': 75,
  'e2e/pages.e2e.test.ts': 50,
  'e2e/serviceForm.e2e.test.ts': 50,
  'apps/server/src/workerCrash.test.ts': 40,
  'e2e/benefitsEditing.e2e.test.ts': 40,
  'e2e/caseWork.e2e.test.ts': 40,
  'e2e/shell.e2e.test.ts': 35,
  'e2e/privacy.e2e.test.ts': 35,
  'e2e/benefits.e2e.test.ts': 35,
  'e2e/oidc.e2e.test.ts': 30,
  'e2e/caseRoundTrip.e2e.test.ts': 30,
  'apps/server/src/databaseFaults.test.ts': 30,
};

/** A guess for a file nobody has timed: browser tests start a platform and Chromium, integration tests a database. */
function guessSeconds(path: string): number {
  const source = readFileSync(path, 'utf8');
  if (/usePlatformInBrowser|launchBrowser/.test(source)) return 30;
  if (/createTestApp|testDatabaseTargets|startPlatform|startServerProcess/.test(source)) return 10;
  return source.length / 10_000;
}

/**
 * Starts the longest files first, so that the two workers finish together instead of one running
 * the last long file alone: by Vitest's recorded duration where it has one, else by the figures
 * above, else by a guess from what the file starts.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const seconds = (file: TestSpecification) => {
      const path = relative(config.root, file.moduleId);
      const recorded = cache.getFileTestResults(`${file.project.name}:${path}`);
      return recorded ? recorded.duration / 1000 : (KNOWN_SECONDS[path] ?? guessSeconds(file.moduleId));
    };
    const estimated = new Map(files.map((file) => [file, seconds(file)]));
    return Promise.resolve([...files].sort((a, b) => estimated.get(b)! - estimated.get(a)!));
  }
}
