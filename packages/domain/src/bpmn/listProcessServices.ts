import type { Db } from '@indgang/db';
import { DEFAULT_PROCESS, type TProcessServiceList } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { latestServices } from '../catalog/latestServices';
import { requireProcessRead } from './processAccess';

/** The services with their newest version and how many steps its process has, for the processes page. */
export async function listProcessServices(deps: { db: Db }, actor: Actor): Promise<TProcessServiceList> {
  requireProcessRead(actor);
  const services = await latestServices(deps.db);
  return {
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      version: s.version,
      ownProcess: s.process !== undefined,
      steps: (s.process ?? DEFAULT_PROCESS).steps.length,
    })),
  };
}
