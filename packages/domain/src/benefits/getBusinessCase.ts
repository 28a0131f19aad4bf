import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import {
  checkBusinessCase,
  computeBusinessCase,
  type BusinessCaseInput,
  type BusinessCaseResult,
} from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { projectFor } from './benefitAccess';

export interface StoredBusinessCase {
  data: BusinessCaseInput | null;
  version: number;
  result: BusinessCaseResult | null;
  updatedAt: string | null;
  updatedByName: string | null;
}

/** A project's business case as written, and its computed rows (null data: none written yet). */
export async function getBusinessCase(
  deps: { db: Db },
  actor: Actor,
  projectId: string,
): Promise<StoredBusinessCase> {
  await projectFor(deps.db, actor, projectId, 'read');
  // data as saveBusinessCase wrote it after checkBusinessCase (checked again below); updatedAt in
  // ISO 8601 (UTC) like every other timestamp the API answers.
  const {
    rows: [row],
  } = await deps.db.execute<{
    data: BusinessCaseInput;
    version: number;
    updatedAt: string;
    updatedByName: string;
  }>(
    sql`SELECT b.data, b.version, to_char(b.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt", u.display_name AS "updatedByName" FROM business_cases b JOIN users u ON u.id = b.updated_by_user_id WHERE b.project_id = ${projectId}`,
  );
  if (!row) return { data: null, version: 0, result: null, updatedAt: null, updatedByName: null };
  const checked = checkBusinessCase(row.data);
  return { ...row, result: checked.value ? computeBusinessCase(checked.value) : null };
}
