import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { programmes, projects, users } from '@indgang/db';
import { PROGRAMME_STATUSES, PROJECT_STATUSES, RISK_LEVELS } from '@indgang/schemas';

/** A programme's status as createProgramme and updateProgramme write it (ZProgrammeBody). */
export const programmeStatus = sql<(typeof PROGRAMME_STATUSES)[number]>`${programmes.status}`;

/**
 * A project `p` with its owner and its benefit owner, for queries that join them
 * (`owner.id = p.ownerUserId`, `benefitOwner.id = p.benefitOwnerUserId`); rows typed by schema.ts.
 */
export const p = alias(projects, 'p');
export const owner = alias(users, 'o');
export const benefitOwner = alias(users, 'b');

/** A project's status and risk level as saveProject writes them (ZProjectBody). */
const projectStatus = sql<(typeof PROJECT_STATUSES)[number]>`${p.status}`;
const riskLevel = sql<(typeof RISK_LEVELS)[number]>`${p.riskLevel}`;

/** What the programme page and the project page show of a project. */
export const projectColumns = {
  id: p.id,
  name: p.name,
  description: p.description,
  status: projectStatus,
  riskLevel,
  riskDescription: p.riskDescription,
  version: p.version,
  ownerUserId: p.ownerUserId,
  ownerName: owner.displayName,
  benefitOwnerUserId: p.benefitOwnerUserId,
  benefitOwnerName: benefitOwner.displayName,
};
