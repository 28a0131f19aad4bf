import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startPlatform, type Platform } from '@indgang/server';
import { ensureWebBuild } from '../../scripts/ensureWebBuild.js';
import { freePort, LOOPBACK_LIMITS } from '@indgang/server/testing';

export { freePort };

/** The whole platform as `npm start` runs it, on a fresh embedded data folder and a free port. */
export async function startTestPlatform(
  env: Record<string, string> = {},
): Promise<Platform & { dataDir: string }> {
  ensureWebBuild();
  const dataDir = await mkdtemp(join(tmpdir(), 'indgang-e2e-'));
  const port = env.PORT ?? String(await freePort());
  const config = loadConfig({
    INDGANG_DATA_DIR: dataDir,
    PORT: port,
    INDGANG_DEMO_SCALE: '0.15',
    INDGANG_DEMO_HISTORY: 'false',
    LOG_LEVEL: 'warn',
    ...LOOPBACK_LIMITS,
    // Served from where ensureWebBuild built it.
    ...(process.env.INDGANG_WEB_DIST ? { INDGANG_WEB_DIST: process.env.INDGANG_WEB_DIST } : {}),
    ...env,
  });
  const platform = await startPlatform(config, { logger: false });
  return {
    ...platform,
    dataDir,
    async close() {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
