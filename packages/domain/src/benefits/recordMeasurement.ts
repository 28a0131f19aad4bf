import { notADecimal } from './notADecimal';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { toUnits, type TMeasurementBody } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { invalidInput, notFound } from '../errors/DomainError';
import { projectFor } from './benefitAccess';

/** A before, after or running measurement entered by hand (by the benefit owner or a benefit role). */
export async function recordMeasurement(
  deps: { db: Db },
  actor: Actor,
  kpiId: string,
  input: TMeasurementBody,
): Promise<{ id: number }> {
  const valueCenti = toUnits(input.value, 2);
  if (valueCenti === null) throw invalidInput('measurement_invalid', [notADecimal('value', input.value)]);
  return deps.db.transaction(async (tx) => {
    const {
      rows: [kpi],
    } = await tx.execute<{ projectId: string }>(
      sql`SELECT project_id AS "projectId" FROM kpis WHERE id = ${kpiId}`,
    );
    if (!kpi) throw notFound({ da: "KPI'en", en: 'The KPI' });
    await projectFor(tx, actor, kpi.projectId, 'record');
    // A bigserial, which the driver hands over as text.
    const inserted = await tx.execute<{ id: string }>(
      sql`INSERT INTO kpi_measurements (kpi_id, measured_on, value_centi, kind, note, recorded_by_user_id) VALUES (${kpiId}, ${input.measuredOn}, ${valueCenti}, ${input.kind}, ${input.note}, ${actor.userId}) RETURNING id`,
    );
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'kpi.measure',
      entityType: 'kpi',
      entityId: kpiId,
      details: { measuredOn: input.measuredOn, kind: input.kind },
    });
    return { id: Number(inserted.rows[0]!.id) };
  });
}
