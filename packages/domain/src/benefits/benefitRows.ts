import { alias } from 'drizzle-orm/pg-core';
import { projects, users } from '@indgang/db';

/**
 * A project `p` with its owner and its benefit owner, for queries that join them
 * (`owner.id = p.ownerUserId`, `benefitOwner.id = p.benefitOwnerUserId`); rows typed by schema.ts.
 */
export const p = alias(projects, 'p');
export const owner = alias(users, 'o');
export const benefitOwner = alias(users, 'b');

/** What the programme page and the project page show of a project. */
export const projectColumns = {
  id: p.id,
  name: p.name,
  description: p.description,
  status: p.status,
  riskLevel: p.riskLevel,
  riskDescription: p.riskDescription,
  version: p.version,
  ownerUserId: p.ownerUserId,
  ownerName: owner.displayName,
  benefitOwnerUserId: p.benefitOwnerUserId,
  benefitOwnerName: benefitOwner.displayName,
};
