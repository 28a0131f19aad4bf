import { z } from 'zod';
import { defineJobKind } from '../../jobs/defineJobKind';

/**
 * Reads a sent letter's delivery status from Digital Post and writes it on the case: one job per
 * check, the next written by the one before while the letter is on its way. The handler is loaded
 * when a job first runs, so the job registry never waits on the engine's modules.
 */
export const digitalPostStatusJob = defineJobKind({
  name: 'digitalPost.status',
  title: { da: 'Leveringsstatus for brev i Digital Post', en: 'Delivery status of a Digital Post letter' },
  payload: z
    .object({
      caseId: z.string(),
      caseStepId: z.number().int().positive(),
      messageUuid: z.string().uuid(),
      /** 1 for the first check after sending. */
      poll: z.number().int().positive(),
      /** When the letter was sent: past the time limit a letter with no receipt goes to a person. */
      sentAt: z.string(),
    })
    .strict(),
  maxAttempts: 5,
  timeoutMs: 60_000,
  async run(services, payload, context) {
    const { readDeliveryStatus } = await import('./digitalPostDelivery');
    await readDeliveryStatus(services, payload, context);
  },
});
