import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TProgrammeBody, TProjectBody } from '@indgang/schemas';
import { can, isReadOnly, type Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { containsPattern } from '../search/containsPattern';
import { forbidden, notFound } from '../errors/DomainError';
import { programmeVisible, projectFor, requireUsers, staleEdit } from './benefitAccess';

export type ProgrammeInput = TProgrammeBody;
export type ProjectInput = TProjectBody;

/** Programmes the actor may see, with how many projects each has. */
export async function listProgrammes(deps: { db: Db }, actor: Actor) {
  const { rows } = await deps.db.execute(sql`
    SELECT programmes.id, programmes.name, programmes.description, programmes.status, u.display_name AS "ownerName",
      (SELECT count(*)::int FROM projects p WHERE p.programme_id = programmes.id) AS "projectCount"
    FROM programmes JOIN users u ON u.id = programmes.owner_user_id
    WHERE ${programmeVisible(actor)} ORDER BY programmes.created_at`);
  return rows;
}

/** A programme with the projects the actor may see: all with a benefit role, else her own. */
export async function getProgramme(deps: { db: Db }, actor: Actor, programmeId: string) {
  const { rows } = await deps.db.execute(sql`
    SELECT programmes.id, programmes.name, programmes.description, programmes.status, programmes.version, programmes.owner_user_id AS "ownerUserId", u.display_name AS "ownerName"
    FROM programmes JOIN users u ON u.id = programmes.owner_user_id WHERE programmes.id = ${programmeId} AND ${programmeVisible(actor)}`);
  const programme = rows[0];
  if (!programme) throw notFound({ da: 'Programmet', en: 'The programme' });
  const projects = await deps.db.execute(sql`
    SELECT p.id, p.name, p.description, p.status, p.risk_level AS "riskLevel", p.risk_description AS "riskDescription", p.version,
      p.owner_user_id AS "ownerUserId", o.display_name AS "ownerName", p.benefit_owner_user_id AS "benefitOwnerUserId", b.display_name AS "benefitOwnerName",
      (SELECT count(*)::int FROM kpis k WHERE k.project_id = p.id) AS "kpiCount"
    FROM projects p JOIN users o ON o.id = p.owner_user_id JOIN users b ON b.id = p.benefit_owner_user_id
    WHERE p.programme_id = ${programmeId}
      AND ${can(actor, 'benefits.read') ? sql`true` : sql`(p.owner_user_id = ${actor.userId} OR p.benefit_owner_user_id = ${actor.userId})`}
    ORDER BY p.created_at`);
  return { ...programme, projects: projects.rows };
}

export async function createProgramme(
  deps: { db: Db },
  actor: Actor,
  input: ProgrammeInput,
): Promise<{ id: string }> {
  requirePermission(actor, 'benefits.manage');
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.execute(
      sql`INSERT INTO programmes (id, name, description, owner_user_id, status) VALUES (${id}, ${input.name}, ${input.description}, ${actor.userId}, ${input.status})`,
    );
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'programme.create',
      entityType: 'programme',
      entityId: id,
      details: { name: input.name },
    });
  });
  return { id };
}

/** Changes a programme's name, purpose or status; refused when someone changed it meanwhile. */
export async function updateProgramme(
  deps: { db: Db },
  actor: Actor,
  programmeId: string,
  input: ProgrammeInput & { expectedVersion?: number },
): Promise<{ version: number }> {
  requirePermission(actor, 'benefits.manage');
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`
      UPDATE programmes SET name = ${input.name}, description = ${input.description}, status = ${input.status}, version = version + 1, updated_at = now()
      WHERE id = ${programmeId} ${input.expectedVersion ? sql`AND version = ${input.expectedVersion}` : sql``} RETURNING version`);
    if (!rows[0]) {
      if (!(await tx.execute(sql`SELECT 1 FROM programmes WHERE id = ${programmeId}`)).rows[0])
        throw notFound({ da: 'Programmet', en: 'The programme' });
      throw staleEdit();
    }
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'programme.update',
      entityType: 'programme',
      entityId: programmeId,
      details: { name: input.name, status: input.status },
    });
    return { version: rows[0].version as number };
  });
}

/** Creates a project in a programme, or updates one (refused when someone changed it meanwhile). */
export async function saveProject(
  deps: { db: Db },
  actor: Actor,
  programmeId: string,
  input: ProjectInput,
  projectId?: string,
): Promise<{ id: string; version: number }> {
  requirePermission(actor, 'benefits.manage');
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`SELECT id FROM programmes WHERE id = ${programmeId}`);
    if (!rows[0]) throw notFound({ da: 'Programmet', en: 'The programme' });
    await requireUsers(tx, { ownerUserId: input.ownerUserId, benefitOwnerUserId: input.benefitOwnerUserId });
    const values = sql`${input.name}, ${input.description}, ${input.ownerUserId}, ${input.benefitOwnerUserId}, ${input.status}, ${input.riskLevel}, ${input.riskDescription}`;
    if (!projectId) {
      const id = randomUUID();
      await tx.execute(
        sql`INSERT INTO projects (id, programme_id, name, description, owner_user_id, benefit_owner_user_id, status, risk_level, risk_description) VALUES (${id}, ${programmeId}, ${values})`,
      );
      await appendAudit(tx, {
        actorUserId: actor.userId,
        action: 'project.create',
        entityType: 'project',
        entityId: id,
        details: { programmeId, name: input.name },
      });
      return { id, version: 1 };
    }
    const project = await projectFor(tx, actor, projectId, 'manage');
    if (project.programmeId !== programmeId) throw notFound({ da: 'Projektet', en: 'The project' });
    const updated = await tx.execute(sql`
      UPDATE projects SET (name, description, owner_user_id, benefit_owner_user_id, status, risk_level, risk_description) = (${values}), version = version + 1, updated_at = now()
      WHERE id = ${projectId} AND version = ${input.expectedVersion ?? project.version} RETURNING version`);
    if (!updated.rows[0]) throw staleEdit();
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'project.update',
      entityType: 'project',
      entityId: projectId,
      details: { status: input.status, riskLevel: input.riskLevel },
    });
    return { id: projectId, version: updated.rows[0].version as number };
  });
}

/** Users to choose as owner or benefit owner, found by name. */
export async function searchPeople(deps: { db: Db }, actor: Actor, q: string) {
  requirePermission(actor, 'benefits.manage');
  const pattern = containsPattern(q);
  const { rows } = await deps.db.execute(
    sql`SELECT id, display_name AS "displayName" FROM users WHERE display_name ILIKE ${pattern} OR id ILIKE ${pattern} ORDER BY display_name LIMIT 20`,
  );
  return rows;
}

/** One project with its programme, and what the actor may do with it. */
export async function getProject(deps: { db: Db }, actor: Actor, projectId: string) {
  await projectFor(deps.db, actor, projectId, 'read');
  const { rows } = await deps.db.execute(sql`
    SELECT p.id, p.programme_id AS "programmeId", g.name AS "programmeName", p.name, p.description, p.status, p.risk_level AS "riskLevel", p.risk_description AS "riskDescription", p.version,
      p.owner_user_id AS "ownerUserId", o.display_name AS "ownerName", p.benefit_owner_user_id AS "benefitOwnerUserId", b.display_name AS "benefitOwnerName"
    FROM projects p JOIN programmes g ON g.id = p.programme_id JOIN users o ON o.id = p.owner_user_id JOIN users b ON b.id = p.benefit_owner_user_id WHERE p.id = ${projectId}`);
  const project = rows[0]!;
  const canManage = can(actor, 'benefits.manage') && !isReadOnly(actor);
  return {
    ...project,
    canManage,
    canRecord: canManage || (project.benefitOwnerUserId === actor.userId && !isReadOnly(actor)),
  };
}

/** What a KPI can be measured for: the services of the catalogue and the administrations. */
export async function benefitOptions(deps: { db: Db }, actor: Actor) {
  if (!can(actor, 'benefits.read') && !can(actor, 'benefits.manage')) throw forbidden();
  const services = await deps.db.execute(
    sql`SELECT DISTINCT ON (id) id, definition->'name' AS name FROM services ORDER BY id, version DESC`,
  );
  const administrations = await deps.db.execute(
    sql`SELECT id, name FROM org_units WHERE kind = 'administration' ORDER BY name`,
  );
  return { services: services.rows, administrations: administrations.rows };
}
