import { and, eq, sql } from 'drizzle-orm';
import { replyTemplates, returnReasons, services } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { canonicalJson } from '../audit/auditHash';
import { DomainError } from '../errors/DomainError';
import type { CatalogBundle } from './Catalog';

/**
 * Installs a catalogue: a service version that is new is added, one already installed with the same
 * content is left alone, and one installed with other content is refused (raise the version) — or,
 * at start-up (`keepInstalled`), kept: a configurator who saved that version number in this
 * installation (an edited process, an imported catalogue) has taken the service over, and a release
 * shipping the same number must not stop the server; it is reported in `kept`.
 */
export async function installCatalog(
  tx: Tx,
  bundle: CatalogBundle,
  options: { keepInstalled?: boolean } = {},
): Promise<{ added: string[]; unchanged: string[]; kept: string[] }> {
  const added: string[] = [];
  const unchanged: string[] = [];
  const kept: string[] = [];
  for (const def of bundle.services) {
    const [existing] = await tx
      .select({ definition: services.definition })
      .from(services)
      .where(and(eq(services.id, def.id), eq(services.version, def.version)));
    if (existing) {
      if (canonicalJson(existing.definition) !== canonicalJson(def)) {
        if (options.keepInstalled) {
          kept.push(`${def.id}@${def.version}`);
          continue;
        }
        throw new DomainError('conflict', 'catalog_version_exists', {
          da: `Version ${def.version} af ${def.id} findes allerede med andet indhold. Hæv versionsnummeret.`,
          en: `Version ${def.version} of ${def.id} already exists with other content. Raise the version number.`,
        });
      }
      unchanged.push(`${def.id}@${def.version}`);
      continue;
    }
    await tx.insert(services).values({ id: def.id, version: def.version, definition: def });
    added.push(`${def.id}@${def.version}`);
  }
  for (const r of bundle.returnReasons) {
    await tx
      .insert(returnReasons)
      .values(r)
      .onConflictDoUpdate({ target: returnReasons.code, set: { label: sql`excluded.label` } });
  }
  for (const t of bundle.replyTemplates) {
    await tx
      .insert(replyTemplates)
      .values(t)
      .onConflictDoUpdate({
        target: replyTemplates.id,
        set: { name: sql`excluded.name`, body: sql`excluded.body`, inputs: sql`excluded.inputs` },
      });
  }
  return { added, unchanged, kept };
}
