import { sql } from 'drizzle-orm';
import type { TServiceDefinition } from '@indgang/schemas';
import type { Db } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';

/** The newest active version of every service. */
export async function latestServices(db: Pick<Db, 'execute'>): Promise<TServiceDefinition[]> {
  const { rows } = await db.execute(sql`SELECT DISTINCT ON (id) definition FROM services WHERE active ORDER BY id, version DESC`);
  return rows.map((r) => r.definition as TServiceDefinition);
}

export async function serviceVersion(db: Pick<Tx, 'execute'>, id: string, version?: number): Promise<TServiceDefinition> {
  const { rows } = version === undefined
    ? await db.execute(sql`SELECT definition FROM services WHERE id = ${id} AND active ORDER BY version DESC LIMIT 1`)
    : await db.execute(sql`SELECT definition FROM services WHERE id = ${id} AND version = ${version}`);
  if (!rows[0]) throw notFound({ da: 'Servicen', en: 'The service' });
  return rows[0].definition as TServiceDefinition;
}
