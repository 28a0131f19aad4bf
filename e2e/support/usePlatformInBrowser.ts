import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestPlatform } from './startTestPlatform';

export interface PlatformInBrowser {
  platform: Awaited<ReturnType<typeof startTestPlatform>>;
  browser: Browser;
}

/** Starts the platform (with extra settings) and Chromium before the suite and stops both after it. */
export function usePlatformInBrowser(env: Record<string, string> = {}): PlatformInBrowser {
  const context = {} as PlatformInBrowser;
  beforeAll(async () => {
    context.platform = await startTestPlatform(env);
    context.browser = await launchBrowser();
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.platform?.close();
  });
  return context;
}
