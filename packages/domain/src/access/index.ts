export { ROLES, ORG_WIDE_ROLES, PERMISSIONS, type Role, type Permission } from './roles';
export { can, isReadOnly, mayChange, type Actor } from './Actor';
export { loadActor } from './loadActor';
export { unitInScope } from './unitScopeSql';
export { requirePermission } from './requirePermission';
