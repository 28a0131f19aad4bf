import { sql, type SQL } from 'drizzle-orm';

/**
 * The values as one array parameter (`= ANY(${sqlArray(ids)}::text[])`): node-postgres quotes and
 * escapes the elements, so no array text is ever built by hand.
 */
export function sqlArray(values: Iterable<string | number>): SQL {
  return sql`${sql.param([...values])}`;
}
