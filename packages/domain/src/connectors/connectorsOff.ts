import { CONNECTOR_NAMES, type ConnectorMode, type ConnectorName } from '@indgang/schemas';
import { ConnectorError } from './ConnectorError';
import type { Connectors } from './Connectors';

/** A system that is not connected: every call is refused as unavailable (callConnector says so first). */
export function notConnected<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: () => () =>
      Promise.reject(new ConnectorError('unavailable', 'connector_off', `${name} is not connected`)),
  });
}

/** No system connected: what a worker has that runs only platform jobs, and every connector's mode is off. */
export function connectorsOff(): Connectors {
  return {
    modes: Object.fromEntries(CONNECTOR_NAMES.map((n) => [n, 'off'])) as Record<ConnectorName, ConnectorMode>,
    payroll: notConnected('payroll'),
    esdh: notConnected('esdh'),
    cpr: notConnected('cpr'),
    digitalPost: notConnected('digitalPost'),
    identity: notConnected('identity'),
  };
}
