import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { todayInDenmark } from '@indgang/domain';
import type { Config } from '../config';

/**
 * Prepared embedded databases (migrated, the catalogue and the demo municipality installed) kept
 * as data-folder archives, so a test app on PGlite starts from a copy instead of running PGlite's
 * initdb, the migrations and the demo seed again (about 10 s under WebAssembly on the CI machine,
 * against 2 s to open a copy). Kept in memory, and for the rest of a test run in the folder
 * INDGANG_TEST_TEMPLATE_DIR when `npm test` sets it (each test file runs in a fresh process).
 * The key holds every setting the seed depends on and today's date, since the demo is seeded
 * relative to today.
 */
const held = new Map<string, Blob>();

type SeedSettings = Pick<Config, 'catalogDir' | 'demo' | 'demoSeed' | 'demoScale' | 'demoHistory'>;

export function templateKey(config: SeedSettings): string {
  const { catalogDir, demo, demoSeed, demoScale, demoHistory } = config;
  return createHash('sha256')
    .update(JSON.stringify({ catalogDir, demo, demoSeed, demoScale, demoHistory, today: todayInDenmark() }))
    .digest('hex')
    .slice(0, 24);
}

const folder = () => process.env.INDGANG_TEST_TEMPLATE_DIR || null;

/** The archive kept under `key`, if any. */
export async function findTemplate(key: string): Promise<Blob | null> {
  const inMemory = held.get(key);
  if (inMemory) return inMemory;
  const dir = folder();
  if (!dir) return null;
  try {
    const blob = new Blob([await readFile(join(dir, `${key}.tar`))]);
    held.set(key, blob);
    return blob;
  } catch {
    return null;
  }
}

/** Keeps an archive under `key`: written to a file of its own, then renamed, so no reader sees half. */
export async function keepTemplate(key: string, archive: Blob): Promise<void> {
  held.set(key, archive);
  const dir = folder();
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  const partial = join(dir, `${key}.${process.pid}.partial`);
  await writeFile(partial, Buffer.from(await archive.arrayBuffer()));
  await rename(partial, join(dir, `${key}.tar`));
}
