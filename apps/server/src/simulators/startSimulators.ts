import Fastify, { type FastifyInstance } from 'fastify';
import type { ConnectorName } from '@indgang/schemas';
import type { SimulatorConfig } from '../connectors/connectorConfig';
import { SIMULATOR_FAULTS, SimulatorFaults, type PlannedFault } from './SimulatorFaults';
import { SimulatorStore } from './SimulatorStore';
import { SIMULATORS } from './simulatorList';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The simulated system's operation a route is, for planned faults. */
    operation?: string;
  }
  interface FastifyRequest {
    loseAnswer?: boolean;
  }
}

/** One simulated system: the connector it stands in for, where it answers, and its routes. */
export interface SimulatorPlugin {
  connector: Exclude<ConnectorName, 'mail'>;
  /** Path prefix under the simulator host, e.g. `/sd`. */
  prefix: string;
  /** `config` names the demo municipality a simulator may seed itself with (the same people Indgang holds). */
  register(app: FastifyInstance, store: SimulatorStore, config?: SimulatorConfig): void | Promise<void>;
}

export interface RunningSimulators {
  url: string;
  faults: SimulatorFaults;
  stores: Map<string, SimulatorStore>;
  close(): Promise<void>;
}

/**
 * Starts the simulated municipal systems on loopback, each under its prefix, with the latency and
 * failures of real systems (SimulatorFaults). Tests and the demo only: a production start refuses
 * the simulators (connectorConfig). `/_control` plans faults and shows what a system received.
 */
export async function startSimulators(config: SimulatorConfig, port = 0): Promise<RunningSimulators> {
  const faults = new SimulatorFaults({ latencyMs: config.latencyMs, faultRate: config.faultRate });
  const stores = new Map<string, SimulatorStore>();
  const app = Fastify({ logger: false, bodyLimit: 30 * 1024 * 1024 });
  app.addContentTypeParser(
    ['application/xml', 'text/xml', 'application/soap+xml'],
    { parseAs: 'string' },
    (_r, body, done) => done(null, body),
  );
  for (const simulator of SIMULATORS) {
    const store = new SimulatorStore(simulator.connector, config.stateDir);
    stores.set(simulator.connector, store);
    await app.register(
      async (scoped) => {
        scoped.addHook('onRequest', async (request, reply) => {
          const operation = request.routeOptions.config.operation;
          if (!operation) return;
          await faults.latency();
          const fault = faults.take(simulator.connector, operation);
          if (fault === 'unavailable')
            return reply
              .code(503)
              .send({ error: 'ServiceUnavailable', message: 'The service is temporarily unavailable' });
          if (fault === 'timeout') {
            // Never answers: the caller's own time limit ends the call.
            reply.hijack();
            return;
          }
          if (fault === 'lost_answer') request.loseAnswer = true;
        });
        scoped.addHook('onSend', async (request, _reply, payload) => {
          if (request.loseAnswer) request.raw.socket.destroy();
          return payload;
        });
        await simulator.register(scoped, store, config);
      },
      { prefix: simulator.prefix },
    );
  }
  app.post<{ Body: PlannedFault }>('/_control/faults', async (request, reply) => {
    const body = request.body;
    if (
      !body ||
      typeof body.system !== 'string' ||
      !SIMULATOR_FAULTS.includes(body.fault) ||
      !Number.isInteger(body.times) ||
      body.times < 1
    )
      return reply
        .code(400)
        .send({ error: 'A fault needs system, fault (unavailable, timeout, lost_answer) and times' });
    faults.plan(body);
    return { planned: true };
  });
  app.delete('/_control/faults', async () => {
    faults.clear();
    return { cleared: true };
  });
  app.get<{ Params: { system: string } }>('/_control/state/:system', async (request, reply) => {
    const store = stores.get(request.params.system);
    return store ? store.snapshot() : reply.code(404).send({ error: 'No such system' });
  });
  const url = await app.listen({ host: '127.0.0.1', port });
  return { url, faults, stores, close: () => app.close() };
}
