import { sqlArray } from '@indgang/db';
import { sql, type SQL } from 'drizzle-orm';
import { can, mayChange, type Actor } from '../access/Actor';
import { unitInScope } from '../access/unitScopeSql';
import type { Tx } from '../audit/appendAudit';
import { DomainError, notFound } from '../errors/DomainError';

/**
 * A case about the actor that its service keeps from her (a dismissal before the hearing). It stays
 * hidden whatever else would show it: a leader's view of her own unit, a caseworker's queue. `c` is
 * the case in the query.
 */
export function hiddenFromSubject(actor: Actor): SQL {
  if (!actor.personId) return sql`false`;
  return sql`(c.subject_person_id = ${actor.personId} AND c.subject_hidden_until IS NOT NULL AND NOT (c.subject_hidden_until = ANY(c.stages_reached)))`;
}

/**
 * "Mine sager": cases the actor submitted for herself, cases submitted on her behalf, and cases
 * about her that she may follow. A case a deputy submitted for her leader belongs to the leader:
 * once the delegation ends, the deputy sees it only if her own role shows it.
 */
export function ownCase(actor: Actor): SQL {
  return sql`(((c.submitted_by_user_id = ${actor.userId} AND c.on_behalf_of_user_id IS NULL) OR c.on_behalf_of_user_id = ${actor.userId} OR c.subject_person_id = ${actor.personId ?? ''}) AND NOT ${hiddenFromSubject(actor)})`;
}

/** Refuses a case the actor may not follow in the portal, as if it did not exist. */
export async function requirePortalCase(
  tx: Pick<Tx, 'execute'>,
  actor: Actor,
  caseId: string,
): Promise<void> {
  const { rows } = await tx.execute<{ id: string }>(
    sql`SELECT c.id FROM cases c JOIN org_units u ON u.id = c.unit_id WHERE c.id = ${caseId} AND ${portalCaseVisible(actor)}`,
  );
  if (!rows[0]) throw notFound({ da: 'Sagen', en: 'The case' });
}

/**
 * The portal's view: cases the actor submitted, cases about the actor, and for leaders and
 * deputies the cases of their units. `c` and `u` are the case and its unit in the query.
 */
export function portalCaseVisible(actor: Actor): SQL {
  const own = ownCase(actor);
  const units = [...actor.ledUnitIds, ...actor.delegatedUnitIds];
  if (units.length === 0) return sql`(${own})`;
  // Leaders see their units' portfolio even when they also hold an organisation-wide role.
  const paths = sql`(SELECT array_agg(path) FROM org_units WHERE id = ANY(${sqlArray(units)}::text[]))`;
  const portfolio =
    actor.unitScope === 'all'
      ? sql`EXISTS (SELECT 1 FROM unnest(${paths}) AS p(prefix) WHERE starts_with(u.path, p.prefix))`
      : unitInScope(actor, sql.raw('u.path'));
  return sql`((${own}) OR (${portfolio} AND NOT ${hiddenFromSubject(actor)}))`;
}

/** The same for a case row already loaded. */
export function isHiddenFrom(
  actor: Actor,
  row: { subjectPersonId: string | null; subjectHiddenUntil: string | null; stagesReached: string[] },
): boolean {
  return (
    !!actor.personId &&
    row.subjectPersonId === actor.personId &&
    row.subjectHiddenUntil !== null &&
    !row.stagesReached.includes(row.subjectHiddenUntil)
  );
}

/** Case handling is the 'cases.handle' permission; the auditor holds it to read, never to change. */
export function requireBackoffice(actor: Actor, write: boolean): void {
  if (write ? !mayChange(actor, 'cases.handle') : !can(actor, 'cases.handle')) {
    throw new DomainError('forbidden', 'forbidden', {
      da: 'Du har ikke adgang til sagsbehandlingen.',
      en: 'You do not have access to case handling.',
    });
  }
}
