import { sql } from 'drizzle-orm';
import type { TServiceDefinition } from '@indgang/schemas';
import type { Db } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { notFound } from '../errors/DomainError';

/**
 * A definition as stored, with what versions installed before a field existed lack filled in as
 * that field's default (no stages, visible to the person it is about). A stored version is never
 * rewritten; it is read this way. KLE and retention stay absent on such versions: nothing is
 * deleted by a rule nobody set.
 */
export function storedDefinition(raw: unknown): TServiceDefinition {
  const def = raw as Partial<TServiceDefinition> & Pick<TServiceDefinition, 'id' | 'version'>;
  return {
    ...def,
    stages: def.stages ?? [],
    outcomes: def.outcomes ?? [],
    subjectVisibility: def.subjectVisibility ?? 'always',
    documents: def.documents ?? [],
    routing: def.routing ?? [],
    steps: def.steps ?? {},
  } as TServiceDefinition;
}

/** The newest active version of every service (with `includeRetired`, of retired ones too). */
export async function latestServices(
  db: Pick<Db, 'execute'>,
  options: { includeRetired?: boolean } = {},
): Promise<TServiceDefinition[]> {
  const { rows } = await db.execute<{ definition: unknown }>(
    sql`SELECT DISTINCT ON (id) definition FROM services ${options.includeRetired ? sql`` : sql`WHERE active`} ORDER BY id, version DESC`,
  );
  return rows.map((r) => storedDefinition(r.definition));
}

export async function serviceVersion(
  db: Pick<Tx, 'execute'>,
  id: string,
  version?: number,
): Promise<TServiceDefinition> {
  const { rows } =
    version === undefined
      ? await db.execute<{ definition: unknown }>(
          sql`SELECT definition FROM services WHERE id = ${id} AND active ORDER BY version DESC LIMIT 1`,
        )
      : await db.execute<{ definition: unknown }>(
          sql`SELECT definition FROM services WHERE id = ${id} AND version = ${version}`,
        );
  if (!rows[0]) throw notFound({ da: 'Servicen', en: 'The service' });
  return storedDefinition(rows[0].definition);
}
