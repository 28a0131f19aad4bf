import {
  DEFAULT_PROCESS,
  textOf,
  type TProcessDefinition,
  type TProcessStep,
  type TServiceDefinition,
} from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { serviceVersion } from '../catalog/latestServices';

export interface PinnedProcess {
  service: TServiceDefinition;
  process: TProcessDefinition;
  steps: Map<string, TProcessStep>;
  /** Whether the service names its own process (else DEFAULT_PROCESS, today's way of working). */
  own: boolean;
}

/** A stored service version never changes, so its process is read once per server process. */
const pinned = new Map<string, Promise<PinnedProcess>>();

/** The process of a service version a case pinned: its own, or DEFAULT_PROCESS when it has none. */
export function pinnedProcess(tx: Pick<Tx, 'execute'>, serviceId: string, version: number) {
  const key = `${serviceId}@${version}`;
  let found = pinned.get(key);
  if (!found) {
    found = serviceVersion(tx, serviceId, version).then((service) => {
      const process = service.process ?? DEFAULT_PROCESS;
      return {
        service,
        process,
        steps: new Map(process.steps.map((s) => [s.id, s])),
        own: service.process !== undefined,
      };
    });
    pinned.set(key, found);
    found.catch(() => pinned.delete(key));
  }
  return found;
}

/** A step's name in both languages, for the timeline and messages. */
export function stepName(step: TProcessStep): { da: string; en: string } {
  return { da: textOf(step.name, 'da'), en: textOf(step.name, 'en') };
}
