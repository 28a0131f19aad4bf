import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONNECTOR_NAMES, CONNECTOR_TITLES, type ConnectorMode, type ConnectorName } from '@indgang/schemas';

/** A real endpoint: its URL and how Indgang proves who it is (basic credentials and/or a client certificate). */
export interface LiveEndpoint {
  mode: 'live';
  url: string;
  username?: string;
  password?: string;
  /** PEM client certificate and key (Serviceplatformen's OCES certificate), and the CA to trust. */
  cert?: string;
  key?: string;
  ca?: string;
  /** Milliseconds one call may take. */
  timeoutMs: number;
}

export type ConnectorEndpoint = LiveEndpoint | { mode: 'simulator' | 'off'; timeoutMs: number };

export interface SimulatorConfig {
  /** Where a simulator host already runs (e.g. `indgang simulators`); absent: started in this process. */
  url?: string;
  /** Each answer waits between these many milliseconds, as a real system's does. */
  latencyMs: [number, number];
  /** The share of calls that fail on their own (a fault or a timeout), as a real system's do. */
  faultRate: number;
  /** Where the simulators keep what they were sent, so a restart keeps it; absent: memory only. */
  stateDir?: string;
  /** The demo municipality's seed and scale, so a simulator holds the same (fake) people Indgang does. */
  demo?: { seed: number; scale?: number };
}

export interface ConnectorConfig {
  endpoints: Record<ConnectorName, ConnectorEndpoint>;
  simulator: SimulatorConfig;
}

/** The environment variable prefix of each connector: INDGANG_PAYROLL, INDGANG_PAYROLL_URL, … */
export const CONNECTOR_ENV: Record<ConnectorName, string> = {
  payroll: 'INDGANG_PAYROLL',
  esdh: 'INDGANG_ESDH',
  cpr: 'INDGANG_CPR',
  digitalPost: 'INDGANG_DIGITAL_POST',
  identity: 'INDGANG_IDENTITY',
  mail: 'INDGANG_MAIL',
};

const file = (path: string | undefined) => (path ? readFileSync(resolve(path), 'utf8') : undefined);

/**
 * Reads each connector's mode: `<PREFIX>_URL` set → the real endpoint (with `<PREFIX>_USERNAME`,
 * `_PASSWORD`, `_CERT_FILE`, `_KEY_FILE`, `_CA_FILE`, `_TIMEOUT_MS`); `<PREFIX>=off` → not connected;
 * `<PREFIX>=simulator` → the built-in simulator. Unset: the simulator in the demo and in tests, off
 * otherwise. A production start (no demo) with a connector on its simulator is refused, with the
 * variables to set named. Mail is live when SMTP_URL is set.
 */
export function loadConnectorConfig(
  env: NodeJS.ProcessEnv,
  options: { demo: boolean; dataDir: string; smtpUrl?: string },
): ConnectorConfig {
  const simulatorsAllowed = options.demo || env.NODE_ENV === 'test';
  const onSimulator: ConnectorName[] = [];
  const endpoints = Object.fromEntries(
    CONNECTOR_NAMES.map((name): [ConnectorName, ConnectorEndpoint] => {
      const prefix = CONNECTOR_ENV[name];
      const timeoutMs = positive(env, `${prefix}_TIMEOUT_MS`, 30_000);
      const url = name === 'mail' ? options.smtpUrl : env[`${prefix}_URL`];
      const chosen = env[prefix];
      if (chosen && !['simulator', 'off', 'live'].includes(chosen))
        throw new Error(
          `${prefix} must be "simulator", "off" or "live" (with ${prefix}_URL), got "${chosen}"`,
        );
      if (url && chosen !== 'off' && chosen !== 'simulator')
        return [
          name,
          {
            mode: 'live',
            url,
            username: env[`${prefix}_USERNAME`],
            password: env[`${prefix}_PASSWORD`],
            cert: file(env[`${prefix}_CERT_FILE`]),
            key: file(env[`${prefix}_KEY_FILE`]),
            ca: file(env[`${prefix}_CA_FILE`]),
            timeoutMs,
          },
        ];
      if (chosen === 'live')
        throw new Error(`${prefix}=live needs ${name === 'mail' ? 'SMTP_URL' : `${prefix}_URL`}`);
      const mode: ConnectorMode =
        chosen === 'off' ? 'off' : chosen === 'simulator' || simulatorsAllowed ? 'simulator' : 'off';
      if (mode === 'simulator') onSimulator.push(name);
      return [name, { mode, timeoutMs }];
    }),
  ) as Record<ConnectorName, ConnectorEndpoint>;
  if (!simulatorsAllowed && onSimulator.length > 0)
    throw new Error(
      `A production start may not use the simulators, which only pretend to be the municipality's systems: ` +
        onSimulator
          .map((n) => `${CONNECTOR_TITLES[n].en} (set ${CONNECTOR_ENV[n]}_URL, or ${CONNECTOR_ENV[n]}=off)`)
          .join(', ') +
        '. / En produktionsstart må ikke bruge simulatorerne.',
    );
  const [minLatency, maxLatency] = (env.INDGANG_SIMULATOR_LATENCY_MS ?? (options.demo ? '80-400' : '0-0'))
    .split('-')
    .map(Number);
  if (!Number.isInteger(minLatency) || !Number.isInteger(maxLatency ?? minLatency))
    throw new Error(
      `INDGANG_SIMULATOR_LATENCY_MS must be "min-max" milliseconds, got "${env.INDGANG_SIMULATOR_LATENCY_MS}"`,
    );
  const faultRate = Number(env.INDGANG_SIMULATOR_FAULT_RATE ?? (options.demo ? 0.03 : 0));
  if (!(faultRate >= 0 && faultRate <= 1))
    throw new Error(
      `INDGANG_SIMULATOR_FAULT_RATE must be a share from 0 to 1, got "${env.INDGANG_SIMULATOR_FAULT_RATE}"`,
    );
  return {
    endpoints,
    simulator: {
      url: env.INDGANG_SIMULATOR_URL || undefined,
      latencyMs: [minLatency!, maxLatency ?? minLatency!],
      faultRate,
      stateDir:
        env.INDGANG_SIMULATOR_STATE_DIR ?? (options.demo ? join(options.dataDir, 'simulators') : undefined),
      demo: options.demo
        ? {
            seed: Number(env.INDGANG_DEMO_SEED ?? 2026),
            scale: env.INDGANG_DEMO_SCALE ? Number(env.INDGANG_DEMO_SCALE) : undefined,
          }
        : undefined,
    },
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a whole number above 0, got "${raw}"`);
  return value;
}
