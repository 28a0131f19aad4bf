import { eventTypeSql } from './appendCaseEvent';
import { sql } from 'drizzle-orm';
import { type Actor } from '../access/Actor';
import type { CaseDeps } from './CaseDeps';
import { requireBackoffice } from './caseAccess';

/** Returns ("tilbageløb") counted per reason, service and unit, for production control. */
export async function returnStatistics(deps: CaseDeps, actor: Actor) {
  requireBackoffice(actor, false);
  const { rows } = await deps.db.execute<{
    /** Written by returnCase; gone (null) once the retention run has anonymised the case. */
    reason: string | null;
    serviceId: string;
    unitName: string;
    returns: number;
  }>(sql`
    SELECT e.data->>'reasonCode' AS reason, c.service_id AS "serviceId", u.name AS "unitName", count(*)::int AS returns
    FROM case_events e JOIN cases c ON c.id = e.case_id JOIN org_units u ON u.id = c.unit_id
    WHERE e.type = ${eventTypeSql('returned')} GROUP BY 1, 2, 3 ORDER BY returns DESC`);
  return rows;
}
