import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestPlatform } from './startTestPlatform';

export interface PlatformInBrowser { platform: Awaited<ReturnType<typeof startTestPlatform>>; browser: Browser }

/** Starts the platform and Chromium before the suite and stops both after it. */
export function usePlatformInBrowser(): PlatformInBrowser {
  const context = {} as PlatformInBrowser;
  beforeAll(async () => {
    context.platform = await startTestPlatform();
    context.browser = await launchBrowser();
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.platform?.close();
  });
  return context;
}
