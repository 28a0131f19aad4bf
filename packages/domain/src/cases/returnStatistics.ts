import { eventTypeSql } from './appendCaseEvent';
import { sql } from 'drizzle-orm';
import { type Actor } from '../access/Actor';
import type { ReturnReason } from '../catalog/Catalog';
import { storedDefinition } from '../catalog/latestServices';
import type { CaseDeps } from './CaseDeps';
import { requireBackoffice } from './caseAccess';

/** Returns ("tilbageløb") counted per reason, service and unit, for production control, by name. */
export async function returnStatistics(deps: CaseDeps, actor: Actor) {
  requireBackoffice(actor, false);
  const { rows } = await deps.db.execute<{
    /** Written by returnCase; gone (null) once the retention run has anonymised the case. */
    reason: string | null;
    /** As installCatalog stored it (ZReturnReason); null when the reason is no longer configured. */
    reasonLabel: ReturnReason['label'] | null;
    serviceId: string;
    /** The newest version of the service, as stored. */
    definition: unknown;
    unitName: string;
    returns: number;
  }>(sql`
    SELECT r.reason, rr.label AS "reasonLabel", r."serviceId", sv.definition, r."unitName", r.returns
    FROM (
      SELECT e.data->>'reasonCode' AS reason, c.service_id AS "serviceId", u.name AS "unitName", count(*)::int AS returns
      FROM case_events e JOIN cases c ON c.id = e.case_id JOIN org_units u ON u.id = c.unit_id
      WHERE e.type = ${eventTypeSql('returned')} GROUP BY 1, 2, 3
    ) r
    LEFT JOIN return_reasons rr ON rr.code = r.reason
    CROSS JOIN LATERAL (SELECT definition FROM services WHERE id = r."serviceId" ORDER BY version DESC LIMIT 1) sv
    ORDER BY r.returns DESC, r."serviceId", r."unitName"`);
  return rows.map(({ definition, ...r }) => ({ ...r, serviceName: storedDefinition(definition).name }));
}
