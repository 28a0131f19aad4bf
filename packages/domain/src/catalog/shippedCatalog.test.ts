import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDecisionTables } from '../decisions/parseDecisionTables';
import { CASE_FACTS } from '../process/caseFacts';
import { ROBOT_TOPICS } from '../process/robotPayload';
import { readCatalogFolder } from './Catalog';

const folder = new URL('../../../../catalog/', import.meta.url);
const tables = await Promise.all(
  readdirSync(new URL('decisions/', folder))
    .filter((f) => f.endsWith('.dmn'))
    .map((f) => parseDecisionTables(readFileSync(new URL(`decisions/${f}`, folder), 'utf8'))),
);

/**
 * The catalogue shipped in catalog/: what the import checks (every action the engine knows, every
 * condition readable), and what only running a case would show otherwise: every decision table a
 * step names exists, and each variable it reads is a fact the engine derives or an answer of the
 * service; every robot topic has its fields declared.
 */
describe('the shipped catalogue', () => {
  it('installs: every service, its process and its actions pass the import checks', async () => {
    const { bundle } = await readCatalogFolder(fileURLToPath(folder));
    expect(bundle.services.length).toBe(10);
  });

  it('names only decision tables that exist, reading facts or answers the service has', async () => {
    const { bundle } = await readCatalogFolder(fileURLToPath(folder));
    const byKey = new Map(tables.map((t) => [t.key, t]));
    const unknown: string[] = [];
    for (const service of bundle.services) {
      const fields = new Set(service.sections.flatMap((s) => [s.id, ...s.fields.map((f) => f.id)]));
      for (const step of service.process?.steps ?? []) {
        if (!step.decision) continue;
        const table = byKey.get(step.decision);
        if (!table) {
          unknown.push(`${service.id}/${step.id}: no table ${step.decision}`);
          continue;
        }
        const variables = new Set(table.versions.flatMap((v) => v.variables.map((x) => x.name)));
        for (const name of variables)
          if (!(name in CASE_FACTS) && !fields.has(name))
            unknown.push(`${service.id}/${step.id}: ${step.decision} reads ${name}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('gives every robot topic a step uses the answers its work needs', async () => {
    const { bundle } = await readCatalogFolder(fileURLToPath(folder));
    const topics = bundle.services.flatMap((s) =>
      (s.process?.steps ?? []).filter((step) => step.topic).map((step) => `${s.id}:${step.topic}`),
    );
    expect(topics.filter((t) => !ROBOT_TOPICS[t.split(':')[1]!])).toEqual([]);
  });
});
