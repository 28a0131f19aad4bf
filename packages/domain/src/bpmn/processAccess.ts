import { can, type Actor } from '../access/Actor';
import { forbidden } from '../errors/DomainError';

/** Configurators and process owners (`catalog.manage`) read and change processes; the auditor reads them. */
export function requireProcessRead(actor: Actor): void {
  if (!can(actor, 'catalog.manage') && !can(actor, 'audit.read')) throw forbidden();
}
