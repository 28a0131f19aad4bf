import { z } from 'zod';
import { defineJobKind } from '../../jobs/defineJobKind';

/**
 * Reads what a user asked of a municipal system. Someone is waiting for the answer: few attempts,
 * close together, and a dead job tells her so.
 */
export const lookupJob = defineJobKind({
  name: 'connector.lookup',
  title: { da: 'Opslag i et andet system', en: 'Lookup in another system' },
  payload: z.object({ lookupId: z.string().uuid() }).strict(),
  maxAttempts: 3,
  timeoutMs: 20_000,
  backoffSeconds: (attempt) => attempt,
  async run(services, payload, context) {
    const { runLookup } = await import('./runLookup');
    await runLookup(services, payload, context);
  },
  async onDead(services, payload) {
    const { failLookup } = await import('./runLookup');
    await failLookup(services, payload);
  },
});
