import type { Db } from '@indgang/db';
import { DEFAULT_PROCESS } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { serviceVersion } from '../catalog/latestServices';
import { processToBpmn } from './processToBpmn';
import { requireProcessRead } from './processAccess';

/** A service's process as a BPMN 2.0 file with its diagram, named by the service and version. */
export async function exportServiceProcess(
  deps: { db: Db },
  actor: Actor,
  serviceId: string,
  version?: number,
): Promise<{ fileName: string; xml: string }> {
  requireProcessRead(actor);
  const def = await serviceVersion(deps.db, serviceId, version);
  const xml = await processToBpmn(def.process ?? DEFAULT_PROCESS, def);
  return { fileName: `${def.id}-v${def.version}.bpmn`, xml };
}
