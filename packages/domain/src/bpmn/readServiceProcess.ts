import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { checkProcessDefinition, DEFAULT_PROCESS, type TServiceProcess } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { serviceVersion } from '../catalog/latestServices';
import { notFound } from '../errors/DomainError';
import { requireProcessRead } from './processAccess';

/**
 * A service's process in one version (the newest active one when none is named): the definition
 * (the default one caseworker task when the service has none), what the checks find, and every
 * installed version to choose from.
 */
export async function readServiceProcess(
  deps: { db: Db },
  actor: Actor,
  serviceId: string,
  version?: number,
): Promise<TServiceProcess> {
  requireProcessRead(actor);
  const { rows: versions } = await deps.db.execute<{
    version: number;
    active: boolean;
    created_at: string | Date;
  }>(sql`SELECT version, active, created_at FROM services WHERE id = ${serviceId} ORDER BY version DESC`);
  if (versions.length === 0) throw notFound({ da: 'Servicen', en: 'The service' });
  const def = await serviceVersion(deps.db, serviceId, version);
  const process = def.process ?? DEFAULT_PROCESS;
  const outcomes = def.outcomes.map((o) => o.id);
  return {
    service: {
      id: def.id,
      name: def.name,
      version: def.version,
      outcomes: def.outcomes.map((o) => ({ id: o.id, label: o.label })),
    },
    versions: versions.map((v) => ({
      version: v.version,
      active: v.active,
      createdAt: new Date(v.created_at).toISOString(),
    })),
    latestVersion: versions[0]!.version,
    ownProcess: def.process !== undefined,
    process,
    problems: checkProcessDefinition(process, outcomes),
  };
}
