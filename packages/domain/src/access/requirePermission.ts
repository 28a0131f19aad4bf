import { forbidden } from '../errors/DomainError';
import { can, type Actor } from './Actor';
import type { Permission } from './roles';

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}
