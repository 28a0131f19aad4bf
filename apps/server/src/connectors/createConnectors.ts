import { notConnected, type Connectors } from '@indgang/domain';
import { CONNECTOR_NAMES, type ConnectorMode, type ConnectorName } from '@indgang/schemas';
import { CONNECTOR_CLIENTS, SIMULATOR_PREFIXES } from './clientList';
import type { ConnectorConfig } from './connectorConfig';

type Ports = Omit<Connectors, 'modes'>;

/**
 * The connectors of this process, from the configuration: each system's client pointed at its real
 * endpoint or at its simulator under `simulatorUrl`; a system that is off (or has no client) refuses.
 */
export function createConnectors(config: ConnectorConfig, simulatorUrl?: string): Connectors {
  const modes = connectorModes(config);
  const port = <K extends keyof Ports>(name: K): Ports[K] => {
    const endpoint = config.endpoints[name];
    const factory = CONNECTOR_CLIENTS[name];
    if (!factory || endpoint.mode === 'off') return notConnected<Ports[K]>(name);
    if (endpoint.mode === 'live') return factory(endpoint);
    if (!simulatorUrl) throw new Error(`The ${name} connector is on its simulator, but no simulator runs`);
    return factory({ url: `${simulatorUrl}${SIMULATOR_PREFIXES[name]}`, timeoutMs: endpoint.timeoutMs });
  };
  return {
    modes,
    payroll: port('payroll'),
    esdh: port('esdh'),
    cpr: port('cpr'),
    digitalPost: port('digitalPost'),
    identity: port('identity'),
  };
}

/** Each system's mode as it works: one with no client in this release is off, whatever was asked. */
export function connectorModes(config: ConnectorConfig): Record<ConnectorName, ConnectorMode> {
  return Object.fromEntries(
    CONNECTOR_NAMES.map((name) => [
      name,
      name === 'mail' || CONNECTOR_CLIENTS[name] ? config.endpoints[name].mode : 'off',
    ]),
  ) as Record<ConnectorName, ConnectorMode>;
}

/** Whether any connector of the configuration needs the simulators. */
export const needsSimulators = (config: ConnectorConfig) =>
  CONNECTOR_NAMES.some((name) => name !== 'mail' && config.endpoints[name].mode === 'simulator');
