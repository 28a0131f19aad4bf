import { sql, type SQL } from 'drizzle-orm';
import { can, isReadOnly, type Actor } from '../access/Actor';
import { unitInScope } from '../access/unitScopeSql';
import type { Tx } from '../audit/appendAudit';
import { DomainError, notFound } from '../errors/DomainError';

/** Cases the actor submitted, had submitted on her behalf, or that are about her ("Mine sager"). */
export function ownCase(actor: Actor): SQL {
  return sql`(c.submitted_by_user_id = ${actor.userId} OR c.on_behalf_of_user_id = ${actor.userId} OR c.subject_person_id = ${actor.personId ?? ''})`;
}

/** Refuses a case the actor may not follow in the portal, as if it did not exist. */
export async function requirePortalCase(tx: Pick<Tx, 'execute'>, actor: Actor, caseId: string): Promise<void> {
  const { rows } = await tx.execute(sql`SELECT c.id FROM cases c JOIN org_units u ON u.id = c.unit_id WHERE c.id = ${caseId} AND ${portalCaseVisible(actor)}`);
  if (!rows[0]) throw notFound({ da: 'Sagen', en: 'The case' });
}

/**
 * The portal's view: cases the actor submitted, cases about the actor, and for leaders and
 * deputies the cases of their units. `c` and `u` are the case and its unit in the query.
 */
export function portalCaseVisible(actor: Actor): SQL {
  const own = ownCase(actor);
  const units = [...actor.ledUnitIds, ...actor.delegatedUnitIds];
  if (units.length === 0) return own;
  // Leaders see their units' portfolio even when they also hold an organisation-wide role.
  const paths = sql`(SELECT array_agg(path) FROM org_units WHERE id = ANY(${`{${units.join(',')}}`}::text[]))`;
  return actor.unitScope === 'all'
    ? sql`(${own} OR EXISTS (SELECT 1 FROM unnest(${paths}) AS p(prefix) WHERE starts_with(u.path, p.prefix)))`
    : sql`(${own} OR ${unitInScope(actor, sql.raw('u.path'))})`;
}

/** Case handling is the 'cases.handle' permission; the auditor holds it to read, never to change. */
export function requireBackoffice(actor: Actor, write: boolean): void {
  if (!can(actor, 'cases.handle') || (write && isReadOnly(actor))) {
    throw new DomainError('forbidden', 'forbidden', { da: 'Du har ikke adgang til sagsbehandlingen.', en: 'You do not have access to case handling.' });
  }
}
