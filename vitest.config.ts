import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './scripts/longestFirstSequencer';

export default defineConfig({
  test: {
    include: [
      'apps/*/src/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'e2e/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A browser on a busy 2-core machine may take seconds to show what a poll waits for.
    expect: { poll: { timeout: 15_000 } },
    // Three files at once on 2 cores: browser tests spend much of their time waiting (network idle,
    // a page's next answer), which a third file's work fills.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirstSequencer },
  },
});
