export const ROLES = [
  'leader',
  'deputy',
  'employee',
  'caseworker',
  'anchor',
  'process_owner',
  'configurator',
  'team_lead',
  'auditor',
  'administrator',
  'programme_manager',
  'finance',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles of the shared service centre and of oversight that see the whole organisation. */
export const ORG_WIDE_ROLES: ReadonlySet<Role> = new Set([
  'caseworker',
  'anchor',
  'process_owner',
  'configurator',
  'team_lead',
  'auditor',
  'administrator',
]);

/** Roles whose grants are to read only: the auditor reads everything and changes nothing. */
export const READ_ONLY_ROLES: ReadonlySet<Role> = new Set(['auditor']);

export const PERMISSIONS = [
  'org.read',
  'org.import',
  'person.readCpr',
  'audit.read',
  'delegation.manage',
  'catalog.manage',
  'cases.handle',
  'benefits.read',
  'benefits.manage',
  'privacy.manage',
  'jobs.manage',
  'robots.read',
  'robots.manage',
  'insights.team',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Permission, ReadonlySet<Role>> = {
  'org.read': new Set(['leader', 'deputy', ...ORG_WIDE_ROLES]),
  'org.import': new Set(['administrator']),
  'person.readCpr': new Set(['caseworker', 'anchor', 'auditor', 'administrator']),
  'audit.read': new Set(['auditor', 'administrator']),
  'delegation.manage': new Set(['leader']),
  'catalog.manage': new Set(['configurator', 'process_owner', 'administrator']),
  'cases.handle': new Set(['caseworker', 'anchor', 'team_lead', 'process_owner', 'administrator', 'auditor']),
  // Programmes, business cases, benefit trees and KPIs: aggregates, never personal data.
  'benefits.read': new Set([
    'programme_manager',
    'finance',
    'process_owner',
    'team_lead',
    'auditor',
    'administrator',
  ]),
  'benefits.manage': new Set(['programme_manager', 'finance', 'administrator']),
  // A person's data on request (GDPR art. 15) and legal holds on what the retention job would delete.
  'privacy.manage': new Set(['administrator']),
  // Background jobs: dead and failing ones retried or discarded, schedules seen.
  'jobs.manage': new Set(['administrator']),
  // Robot credentials and the work on their topics (counts, never an item's payload).
  'robots.read': new Set(['administrator', 'team_lead', 'process_owner', 'auditor']),
  'robots.manage': new Set(['administrator']),
  // A team's board: aggregates and open cases; each caseworker's output only to the team's own lead.
  'insights.team': new Set(['team_lead', 'process_owner', 'administrator', 'auditor']),
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[permission].has(role);
}
