import { can, type Actor } from '../access/Actor';
import { forbidden } from '../errors/DomainError';

/** Configurators and process owners (`catalog.manage`) read and revise decision tables; the auditor reads them. */
export function requireDecisionTableRead(actor: Actor): void {
  if (!can(actor, 'catalog.manage') && !can(actor, 'audit.read')) throw forbidden();
}
