/**
 * Identity management on the wire, as the client sends it and the simulator answers it, in two parts
 * under one base URL:
 *
 * - OS2rollekatalog's REST API (header `ApiKey`): `GET /api/v2/itsystem` and `GET /api/v2/userrole`
 *   (the catalogue), `PUT /api/v2/user/{userId}/assign/userrole/{userRoleId}` with
 *   `{startDate, stopDate, onlyIfNotAssigned, domain, postponedConstraints}`,
 *   `DELETE /api/user/{userId}/deassign/userrole/{userRoleId}` (v1: the API has no v2 removal) and
 *   `GET /api/v2/user/{userId}/assignments` (UserUserRoleAssignment: user, userRole,
 *   responsibleOrgUnit, assignedThrough). Its refusals are its own English texts ("User not found.",
 *   "User Role not found.") or Spring's error body {timestamp, status, error, message, path}.
 *   The catalogue's assignments answer has no dates; the simulated one adds `startDate` and
 *   `stopDate`, which the client reads when present.
 * - The municipality's AD provisioning front (`/ad/v1/users`), with Active Directory's attribute
 *   names: an account is created for a start date (`accountActivation`) and expires from a date
 *   (`accountExpires`, the first day it no longer works); the CPR number sits in
 *   `extensionAttribute1`, the caller's reference in `info`. AD dedupes nothing, so the client looks
 *   for its own earlier attempt by `info` before it creates. Refusals: 4xx with
 *   `{error: {code, message}}` in the front's Danish.
 */

export const ROLLEKATALOG_OPERATIONS = {
  itSystems: 'GetItSystems',
  userRoles: 'GetUserRoles',
  assign: 'AssignUserRole',
  deassign: 'DeassignUserRole',
  assignments: 'GetUserAssignments',
  createAccount: 'CreateAccount',
  findAccounts: 'FindAccounts',
  updateAccount: 'UpdateAccount',
} as const;

/** OS2rollekatalog's ItSystem record (the fields Indgang reads). */
export interface RcItSystem {
  id: number;
  name: string;
  identifier: string;
  systemtype: 'AD' | 'SAML' | 'MANUAL';
  paused: boolean;
  deleted: boolean;
  accesBlocked: boolean;
}

/** OS2rollekatalog's UserRole (UserRoleAM). */
export interface RcUserRole {
  id: number;
  name: string;
  identifier: string;
  description: string | null;
  delegatedFromCvr: string | null;
  userOnly: boolean;
  canRequest: boolean;
  sensitiveRole: boolean;
  itSystemId: number;
}

export type RcAssignedThrough = 'DIRECT' | 'TITLE' | 'POSITION' | 'ORG_UNIT' | 'ROLE_GROUP';

/** OS2rollekatalog's UserUserRoleAssignment, with the simulator's dates. */
export interface RcUserRoleAssignment {
  user: { uuid: string; userId: string; name: string };
  postponedConstraints: unknown[];
  userRole: RcUserRole;
  responsibleOrgUnit: { uuid: string; name: string } | null;
  assignedThroughTitle: null;
  assignedThrough: RcAssignedThrough;
  startDate?: string | null;
  stopDate?: string | null;
}

/** The body of `PUT /api/v2/user/{userId}/assign/userrole/{userRoleId}`. */
export interface RcAssignBody {
  startDate: string | null;
  stopDate: string | null;
  onlyIfNotAssigned: boolean;
  domain: string | null;
  postponedConstraints: unknown[];
}

/** An AD user as the provisioning front answers it. */
export interface AdUser {
  sAMAccountName: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string;
  sn: string;
  title: string | null;
  /** The unit (the organisation's unit id). */
  department: string | null;
  /** The person's CPR number, ten digits. */
  extensionAttribute1: string;
  /** The reference the creator gave (Indgang's call key). */
  info: string | null;
  accountActivation: string | null;
  accountExpires: string | null;
  whenCreated: string;
}

/** The body of `POST /ad/v1/users`. */
export interface AdCreateBody {
  givenName: string;
  sn: string;
  title: string | null;
  department: string;
  extensionAttribute1: string;
  info: string;
  accountActivation: string;
}

export interface AdError {
  error: { code: string; message: string };
}
