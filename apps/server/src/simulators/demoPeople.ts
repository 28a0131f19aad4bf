import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';

/** A demo person, as the simulated systems are given her: only test data (CPR day 00). */
export type DemoPerson = {
  personId: string;
  cpr: string;
  firstName: string;
  lastName: string;
  employeeNumber: string | null;
  position: string;
  unit: string;
  startDate: string;
};

/**
 * The people a demo shows the municipality's systems for: the demo users themselves and the staff
 * of the units they lead directly (a school, a care home, a payroll team), never anyone whose CPR
 * number is not flagged as test data. At most `limit`, in a stable order.
 */
export async function demoPeople(db: Pick<Db, 'execute'>, today: string, limit = 300): Promise<DemoPerson[]> {
  const { rows } = await db.execute<DemoPerson>(sql`
    SELECT p.id AS "personId", p.cpr, p.first_name AS "firstName", p.last_name AS "lastName",
           p.employee_number AS "employeeNumber", e.position, u.name AS unit, e.start_date::text AS "startDate"
    FROM persons p
    JOIN LATERAL (SELECT * FROM employments e WHERE e.person_id = p.id ORDER BY e.start_date LIMIT 1) e ON true
    JOIN org_units u ON u.id = e.unit_id
    WHERE p.cpr IS NOT NULL AND p.cpr_is_test_data
      AND (EXISTS (SELECT 1 FROM users du WHERE du.person_id = p.id AND du.is_demo)
        OR EXISTS (SELECT 1 FROM employments se JOIN unit_managers m ON m.unit_id = se.unit_id
                   JOIN users lu ON lu.person_id = m.person_id AND lu.is_demo
                   WHERE se.person_id = p.id AND (se.end_date IS NULL OR se.end_date >= ${today}::date)))
    ORDER BY p.id
    LIMIT ${limit}`);
  return rows;
}
