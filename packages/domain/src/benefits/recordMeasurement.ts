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
    const { rows } = await tx.execute(sql`SELECT project_id FROM kpis WHERE id = ${kpiId}`);
    if (!rows[0]) throw notFound({ da: "KPI'en", en: 'The KPI' });
    await projectFor(tx, actor, rows[0].project_id as string, 'record');
    const inserted = await tx.execute(
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
