import type { TIdentityRoleAssignmentsAnswer } from '@indgang/schemas';
import type { ConnectorCall } from './ConnectorCall';

/**
 * Identity management, shaped after the municipality's Active Directory (accounts, created for a
 * future start date and expiring from a date) and OS2rollekatalog (user roles of IT systems,
 * assigned to a user with start and stop dates, removed on an authorisation review). A user id is
 * the account's name in AD and in the role catalogue alike.
 */
export interface IdentityAccount {
  userId: string;
  name: string;
  unitId: string | null;
  position: string | null;
  activeFrom: string | null;
  /** The first day the account no longer works (AD's accountExpires), or null. */
  disabledFrom: string | null;
}

/** A user role of an IT system, as the role catalogue names it. */
export interface SystemRole {
  roleId: string;
  name: string;
  system: string;
  description: string | null;
}

/** A unit's accounts with their roles: what an authorisation review goes through line by line. */
export type UnitRoleAssignments = TIdentityRoleAssignmentsAnswer;

export interface IdentityConnector {
  /**
   * An account for a new hire, working from `activeFrom`; its user id follows the municipality's
   * rule (initials and a number, unique). Not idempotent in AD: the adapter looks for the account
   * its own earlier attempt under the call's key made before it creates one, so a retry answers the
   * same account (`created: false`).
   */
  createAccount(
    input: {
      cpr: string;
      firstName: string;
      lastName: string;
      unitId: string;
      position: string | null;
      activeFrom: string;
    },
    call: ConnectorCall,
  ): Promise<{ userId: string; created: boolean }>;
  /** The person's accounts (by CPR number), disabled ones too. */
  findAccounts(input: { cpr: string }, call: ConnectorCall): Promise<IdentityAccount[]>;
  /** The account stops working from `from` (the day after the last day); repeating it changes nothing. */
  disableAccount(
    input: { userId: string; from: string },
    call: ConnectorCall,
  ): Promise<{ userId: string; disabledFrom: string }>;
  /** A role from `from` until `to` (inclusive, null: no end); a role the user already has is left as it is. */
  assignRole(
    input: { userId: string; roleId: string; from: string; to: string | null },
    call: ConnectorCall,
  ): Promise<void>;
  /** Takes the role from the user at once (the role catalogue keeps no dated removal); removing a role she lacks changes nothing. */
  removeRole(input: { userId: string; roleId: string }, call: ConnectorCall): Promise<void>;
  listRoleAssignments(input: { unitId: string }, call: ConnectorCall): Promise<UnitRoleAssignments>;
  /** The role catalogue: every user role that can be assigned. */
  listRoles(call: ConnectorCall): Promise<SystemRole[]>;
}
