import type { ConnectorCall } from './ConnectorCall';

/** Identity management (shaped after OS2rollekatalog and Active Directory). */
export interface RoleAssignment {
  userId: string;
  name: string;
  roleId: string;
  roleName: string;
  unitId: string;
  from: string | null;
  to: string | null;
}

export interface IdentityConnector {
  /** An account that becomes active on `activeFrom`; the user id is stable per person. */
  createAccount(
    input: { cpr: string; name: string; unitId: string; activeFrom: string },
    call: ConnectorCall,
  ): Promise<{ userId: string }>;
  disableAccount(input: { userId: string; from: string }, call: ConnectorCall): Promise<void>;
  assignRole(
    input: { userId: string; roleId: string; unitId: string; from: string; to: string | null },
    call: ConnectorCall,
  ): Promise<void>;
  removeRole(
    input: { userId: string; roleId: string; unitId: string; from: string },
    call: ConnectorCall,
  ): Promise<void>;
  listRoleAssignments(input: { unitId: string }, call: ConnectorCall): Promise<RoleAssignment[]>;
}
