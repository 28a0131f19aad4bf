import { sql, type SQL } from 'drizzle-orm';

/**
 * A delegation `d` gives access on `today` when it is not revoked, its dates cover today, and the
 * leader who gave it still leads the unit (or a unit above it): a delegation ends with the
 * leadership it came from, whatever its end date says.
 */
export function delegationInForce(today: string | SQL): SQL {
  return sql`(d.revoked_at IS NULL AND d.valid_from <= ${today}::date AND d.valid_to >= ${today}::date
    AND EXISTS (SELECT 1 FROM users fu JOIN org_units du ON du.id = d.unit_id
      WHERE fu.id = d.from_user_id AND (
        EXISTS (SELECT 1 FROM unit_managers m JOIN org_units lu ON lu.id = m.unit_id WHERE m.person_id = fu.person_id AND starts_with(du.path, lu.path))
        OR EXISTS (SELECT 1 FROM role_assignments r JOIN org_units lu ON lu.id = r.unit_id WHERE r.user_id = fu.id AND r.role = 'leader' AND starts_with(du.path, lu.path)))))`;
}
