import type { ConnectorMode, ConnectorName } from '@indgang/schemas';
import type { CprConnector } from './cprPort';
import type { DigitalPostConnector } from './digitalPostPort';
import type { EsdhConnector } from './esdhPort';
import type { IdentityConnector } from './identityPort';
import type { PayrollConnector } from './payrollPort';

/**
 * The municipality's systems, each behind its typed interface (a port). The server builds them from
 * the configuration: a client of the real endpoint or of the built-in simulator. Only jobs receive
 * them (JobServices), so no web request ever waits on another system.
 */
export interface Connectors {
  modes: Record<ConnectorName, ConnectorMode>;
  payroll: PayrollConnector;
  esdh: EsdhConnector;
  cpr: CprConnector;
  digitalPost: DigitalPostConnector;
  identity: IdentityConnector;
}
