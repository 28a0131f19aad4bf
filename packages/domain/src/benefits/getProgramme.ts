import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { can, type Actor } from '../access/Actor';
import { notFound } from '../errors/DomainError';
import { programmeVisible } from './benefitAccess';

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
