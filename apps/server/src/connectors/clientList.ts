import type { Connectors } from '@indgang/domain';
import type { ResolvedEndpoint } from './connectorRequest';
import { createSf1601Client, digitalPostSender } from './digitalPost/sf1601Client';
import { createSdPayrollClient } from './payroll/createSdPayrollClient';

type Ports = Omit<Connectors, 'modes'>;

/** How each system's client is made from its endpoint (the real one or the simulator's). */
export type ClientFactories = { [K in keyof Ports]?: (endpoint: ResolvedEndpoint) => Ports[K] };

/** Each system's client, by connector. */
export const CONNECTOR_CLIENTS: ClientFactories = {
  payroll: (endpoint) => createSdPayrollClient(endpoint),
  digitalPost: (endpoint) => createSf1601Client(endpoint, digitalPostSender(process.env)),
};

/** Where each system's simulator answers under the simulator host. */
export const SIMULATOR_PREFIXES: Record<keyof Ports, string> = {
  payroll: '/sd',
  esdh: '/esdh',
  cpr: '/cpr',
  digitalPost: '/sf1601',
  identity: '/rollekatalog',
};
