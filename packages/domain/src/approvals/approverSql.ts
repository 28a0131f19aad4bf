import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/Actor';
import { READ_ONLY_ROLES } from '../access/roles';
import { hiddenFromSubject } from '../cases/caseAccess';
import { delegationInForce } from '../delegations/delegationInForce';

/**
 * Whether the actor may decide the active approval step `s` of case `c` (whose unit is `u`), in SQL:
 * the leader the step names; her deputy by a delegation in force today that covers the case's unit;
 * or, for a step whose approver is a role, anyone holding that role for the unit (never the
 * submitter herself, never a read-only role). A case kept from the actor stays kept.
 */
export function mayDecideApproval(actor: Actor, today: string): SQL {
  const readOnly = `{${[...READ_ONLY_ROLES].join(',')}}`;
  const deputy = actor.personId
    ? sql`EXISTS (SELECT 1 FROM delegations d JOIN org_units dun ON dun.id = d.unit_id
        WHERE d.from_user_id = s.assignee_user_id AND d.to_person_id = ${actor.personId}
          AND starts_with(u.path, dun.path) AND ${delegationInForce(today)})`
    : sql`false`;
  const byRole = sql`(s.assignee_user_id IS NULL AND c.submitted_by_user_id <> ${actor.userId} AND EXISTS (
      SELECT 1 FROM services sv
        CROSS JOIN LATERAL jsonb_array_elements(coalesce(sv.definition->'process'->'steps', '[]'::jsonb)) st
        JOIN role_assignments r ON r.user_id = ${actor.userId} AND r.role = st->'approver'->>'role'
        LEFT JOIN org_units ru ON ru.id = r.unit_id
      WHERE sv.id = c.service_id AND sv.version = c.service_version AND st->>'id' = s.step_id
        AND NOT (r.role = ANY(${readOnly}::text[]))
        AND (r.unit_id IS NULL OR starts_with(u.path, ru.path))))`;
  return sql`(s.status = 'active' AND s.kind = 'approval' AND c.status <> 'resolved'
    AND (s.assignee_user_id = ${actor.userId} OR ${deputy} OR ${byRole})
    AND NOT ${hiddenFromSubject(actor)})`;
}
