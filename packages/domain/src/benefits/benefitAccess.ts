import { sql } from 'drizzle-orm';
import { sqlArray, type Db } from '@indgang/db';
import { can, isReadOnly, mayChange, type Actor } from '../access/Actor';
import type { Tx } from '../audit/appendAudit';
import { DomainError, forbidden, invalidInput, notFound } from '../errors/DomainError';

export type ProjectRow = {
  id: string;
  programmeId: string;
  name: string;
  ownerUserId: string;
  benefitOwnerUserId: string;
  version: number;
};

/** What the actor wants to do with a project: read it, change it, or record what was realised. */
export type ProjectNeed = 'read' | 'manage' | 'record';

/**
 * A project the actor may use for `need`. Benefit roles read every project; a project's owner and
 * benefit owner read theirs, and the benefit owner records measurements and realised benefits.
 * An unknown project and one out of reach answer alike.
 */
export async function projectFor(
  db: Pick<Db, 'execute'>,
  actor: Actor,
  projectId: string,
  need: ProjectNeed,
): Promise<ProjectRow> {
  const {
    rows: [project],
  } = await db.execute<ProjectRow>(
    sql`SELECT id, programme_id AS "programmeId", name, owner_user_id AS "ownerUserId", benefit_owner_user_id AS "benefitOwnerUserId", version FROM projects WHERE id = ${projectId}`,
  );
  const involved =
    project && (project.ownerUserId === actor.userId || project.benefitOwnerUserId === actor.userId);
  if (!project || !(can(actor, 'benefits.read') || involved))
    throw notFound({ da: 'Projektet', en: 'The project' });
  const manages = mayChange(actor, 'benefits.manage');
  if (need === 'manage' && !manages) throw forbidden();
  if (need === 'record' && !manages && (project.benefitOwnerUserId !== actor.userId || isReadOnly(actor)))
    throw forbidden();
  return project;
}

/** The programmes the actor may see: all with a benefit role, else those with a project of hers. */
export const programmeVisible = (actor: Actor) =>
  can(actor, 'benefits.read')
    ? sql`true`
    : sql`EXISTS (SELECT 1 FROM projects p WHERE p.programme_id = programmes.id AND (p.owner_user_id = ${actor.userId} OR p.benefit_owner_user_id = ${actor.userId}))`;

export const staleEdit = () =>
  new DomainError('conflict', 'stale', {
    da: 'En anden har ændret det samme imens. Genindlæs siden; dine ændringer er ikke gemt, men står stadig i formularen.',
    en: 'Someone else changed the same thing meanwhile. Reload the page; your changes were not saved but are still in the form.',
  });

/** Checks that the named users exist; a missing one is an error on its field. */
export async function requireUsers(tx: Pick<Tx, 'execute'>, users: Record<string, string>): Promise<void> {
  const ids = Object.values(users);
  const { rows } = await tx.execute<{ id: string }>(
    sql`SELECT id FROM users WHERE id = ANY(${sqlArray(ids)}::text[])`,
  );
  const found = new Set(rows.map((r) => r.id));
  const missing = Object.entries(users).filter(([, id]) => !found.has(id));
  if (missing.length > 0) {
    throw invalidInput(
      'user_unknown',
      missing.map(([path, id]) => ({
        path,
        message: { da: `Brugeren "${id}" findes ikke.`, en: `The user "${id}" does not exist.` },
      })),
    );
  }
}
