import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startPlatform, type Platform } from '@indgang/server';
import { ensureWebBuild } from '../../scripts/ensureWebBuild.js';
import { freePort, LOOPBACK_LIMITS, templateKey } from '@indgang/server/testing';

export { freePort };

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * A data folder as the platform leaves it after its first start with these settings (migrated,
 * demo seeded, audit key and anchors written), kept by the settings the seed depends on for the rest of an `npm test` run in
 * INDGANG_TEST_TEMPLATE_DIR, so the next browser test with the same settings copies it (well under
 * a second) instead of running PGlite's initdb, the migrations and the demo seed again (about 8 s on
 * 2 cores). Starting on the copy is the platform's ordinary restart of the same installation.
 * Without the folder (a single test file run by hand) every start is fresh.
 */
async function preparedDataDir(env: Record<string, string>, dataDir: string): Promise<void> {
  const folder = process.env.INDGANG_TEST_TEMPLATE_DIR;
  if (!folder) return;
  // The settings the seed depends on (demo, its scale, seed and history, the catalogue) and today.
  const config = loadConfig({ ...baseEnv(dataDir, String(await freePort())), ...env, PORT: '0' });
  const key = templateKey(config);
  const template = join(folder, `platform-${key}`);
  if (await exists(template)) {
    await cp(template, dataDir, { recursive: true });
    return;
  }
  // The first start with these settings, closed again, becomes the template: copied under a name
  // of its own, then renamed into place (a second test preparing the same one keeps its own copy).
  const platform = await startPlatform(config, { logger: false });
  await platform.close();
  const partial = `${template}.${process.pid}.partial`;
  await cp(dataDir, partial, { recursive: true });
  await rename(partial, template).catch(() => rm(partial, { recursive: true, force: true }));
}

function baseEnv(dataDir: string, port: string): Record<string, string> {
  return {
    INDGANG_DATA_DIR: dataDir,
    PORT: port,
    INDGANG_DEMO_SCALE: '0.15',
    INDGANG_DEMO_HISTORY: 'false',
    LOG_LEVEL: 'warn',
    ...LOOPBACK_LIMITS,
    // Served from where ensureWebBuild built it.
    ...(process.env.INDGANG_WEB_DIST ? { INDGANG_WEB_DIST: process.env.INDGANG_WEB_DIST } : {}),
  };
}

/** The whole platform as `npm start` runs it, on a fresh embedded data folder and a free port. */
export async function startTestPlatform(
  env: Record<string, string> = {},
): Promise<Platform & { dataDir: string }> {
  ensureWebBuild();
  const dataDir = await mkdtemp(join(tmpdir(), 'indgang-e2e-'));
  await preparedDataDir(env, dataDir);
  const port = env.PORT ?? String(await freePort());
  const config = loadConfig({ ...baseEnv(dataDir, port), ...env });
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
