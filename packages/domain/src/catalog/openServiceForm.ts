import type { Persona, TServiceDefinition } from '@indgang/schemas';
import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { getDraft } from '../cases/getDraft';
import { serviceForActor } from './personaFor';

/** What the portal needs to show a service's form: its current definition, the persona it adapts to, and the user's draft. */
export async function openServiceForm(
  deps: { db: Db },
  actor: Actor,
  serviceId: string,
): Promise<{
  definition: TServiceDefinition;
  persona: Persona;
  draft: Awaited<ReturnType<typeof getDraft>>;
}> {
  const { definition, persona } = await serviceForActor(deps, actor, serviceId);
  return { definition, persona, draft: await getDraft(deps, actor, serviceId) };
}
