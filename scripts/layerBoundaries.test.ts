import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const probes: string[] = [];

/** Lints a probe file placed in a layer's folder, as if someone had written it there. */
async function lintProbe(folder: string, code: string): Promise<string[]> {
  const file = join(root, folder, `lintProbe${probes.length}.ts`);
  probes.push(file);
  await writeFile(file, code);
  const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries, as ARCHITECTURE.md draws them', () => {
  afterAll(async () => {
    for (const file of probes) await rm(file, { force: true });
  });

  it.each([
    [
      'the web app importing the database',
      'apps/web/src',
      "import { openDatabase } from '@indgang/db';\nexport const x = openDatabase;\n",
    ],
    [
      'the web app importing server code',
      'apps/web/src',
      "import { loadConfig } from '@indgang/server';\nexport const x = loadConfig;\n",
    ],
    [
      'the web app importing domain code',
      'apps/web/src',
      "import { submitCase } from '@indgang/domain';\nexport const x = submitCase;\n",
    ],
    [
      "the web app importing the domain's types (it knows the server by its contract)",
      'apps/web/src',
      "import type { AuditCheck } from '@indgang/domain';\nexport type X = AuditCheck;\n",
    ],
    [
      'the schemas importing the domain',
      'packages/schemas/src',
      "import { DomainError } from '@indgang/domain';\nexport const x = DomainError;\n",
    ],
    [
      'the domain importing Fastify',
      'packages/domain/src',
      "import Fastify from 'fastify';\nexport const x = Fastify;\n",
    ],
    [
      'the domain importing the server app',
      'packages/domain/src',
      "import { loadConfig } from '../../../apps/server/src/config';\nexport const x = loadConfig;\n",
    ],
  ])('refuses %s', async (_name, folder, code) => {
    expect(await lintProbe(folder, code)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('lets the web app use the contract of @indgang/schemas', async () => {
    expect(
      await lintProbe(
        'apps/web/src',
        "import type { TKpi } from '@indgang/schemas';\nexport type X = TKpi;\n",
      ),
    ).toEqual([]);
  });
});
