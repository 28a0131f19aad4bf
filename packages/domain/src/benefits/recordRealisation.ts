import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { toUnits, type TRealisationBody } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { invalidInput } from '../errors/DomainError';
import { projectFor } from './benefitAccess';

/**
 * The benefit owner reports what a year actually realised, in 1,000 DKK with the business case's sign
 * (a saving negative). The table keeps it as a gain (a saving positive), as it always has.
 */
export async function recordRealisation(
  deps: { db: Db },
  actor: Actor,
  projectId: string,
  input: TRealisationBody,
): Promise<void> {
  const kroner = toUnits(input.realised, 3);
  if (kroner === null)
    throw invalidInput('realisation_invalid', [
      {
        path: 'realised',
        message: {
          da: `${JSON.stringify(input.realised)} er ikke et beløb i 1.000 kr. (højst 3 decimaler).`,
          en: `${JSON.stringify(input.realised)} is not an amount in 1,000 DKK (at most 3 decimals).`,
        },
      },
    ]);
  await deps.db.transaction(async (tx) => {
    await projectFor(tx, actor, projectId, 'record');
    await tx.execute(sql`
      INSERT INTO benefit_realisations (project_id, year, realised_kroner, note, recorded_by_user_id) VALUES (${projectId}, ${input.year}, ${-kroner || 0}, ${input.note}, ${actor.userId})
      ON CONFLICT (project_id, year) DO UPDATE SET realised_kroner = excluded.realised_kroner, note = excluded.note, recorded_by_user_id = excluded.recorded_by_user_id, recorded_at = now()`);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'benefit.realise',
      entityType: 'project',
      entityId: projectId,
      details: { year: input.year, realisedKroner: -kroner || 0 },
    });
  });
}
