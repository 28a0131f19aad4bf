import { asc } from 'drizzle-orm';
import { replyTemplates, returnReasons, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import type { ReplyTemplate, ReturnReason } from './Catalog';
import { latestServices } from './latestServices';
import type { TServiceDefinition } from '@indgang/schemas';

/** The catalogue as a file: the current version of every active service, return reasons and reply templates. */
export async function exportCatalog(
  deps: { db: Db },
  actor: Actor,
): Promise<{
  services: TServiceDefinition[];
  returnReasons: ReturnReason[];
  replyTemplates: ReplyTemplate[];
}> {
  requirePermission(actor, 'catalog.manage');
  const reasons = await deps.db.select().from(returnReasons).orderBy(asc(returnReasons.code));
  const templates = await deps.db.select().from(replyTemplates).orderBy(asc(replyTemplates.id));
  return {
    services: await latestServices(deps.db),
    returnReasons: reasons.map((r) => ({ code: r.code, label: r.label as ReturnReason['label'] })),
    // Inputs as installCatalog stored them, checked by ZReplyTemplate.
    replyTemplates: templates.map((t) => ({ ...t, inputs: t.inputs as ReplyTemplate['inputs'] })),
  };
}
