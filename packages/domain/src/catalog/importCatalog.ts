import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { parseCatalogBundle } from './Catalog';
import { installCatalog } from './installCatalog';

/**
 * Installs a catalogue file: checked whole first (every problem named by its place), then
 * installed and audited in one transaction.
 */
export async function importCatalog(
  deps: { db: Db },
  actor: Actor,
  file: unknown,
): Promise<{ added: string[]; unchanged: string[] }> {
  requirePermission(actor, 'catalog.manage');
  const bundle = parseCatalogBundle(file);
  return deps.db.transaction(async (tx) => {
    // An import refuses changed content under a saved version number, so nothing is ever kept here.
    const { added, unchanged } = await installCatalog(tx, bundle);
    const result = { added, unchanged };
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'catalog.import',
      entityType: 'catalog',
      details: result,
    });
    return result;
  });
}
