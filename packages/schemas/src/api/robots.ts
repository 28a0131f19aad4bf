import { z } from 'zod';
import { ZTimestamp } from './common';

/**
 * A topic robots fetch work from, e.g. `boerneattest.bestil`: lower-case letters, digits, dots,
 * dashes and underscores, as process definitions name them on their robot steps.
 */
export const ZRobotTopic = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,79}$/,
    'A topic is 1–80 lower-case letters, digits, dots, dashes or underscores',
  );

// ---- Administration (session) ----

export const ZRobotCreateBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    topics: z.array(ZRobotTopic).min(1).max(20),
  })
  .strict()
  .meta({ examples: [{ name: 'Børneattest-robotten', topics: ['boerneattest.bestil'] }] });

export const ZRobotCreated = z
  .object({
    id: z.string(),
    name: z.string(),
    topics: z.array(z.string()),
    token: z
      .string()
      .describe(
        'The credential to send as `Authorization: Bearer <token>`. Shown only in this answer: only its hash is kept.',
      ),
  })
  .meta({
    examples: [
      {
        id: '3f0c1f9e-6a53-4d8f-9f3b-2b7f4f2c9a10',
        name: 'Børneattest-robotten',
        topics: ['boerneattest.bestil'],
        token: '3f0c1f9e-6a53-4d8f-9f3b-2b7f4f2c9a10.q5Jx0yq3hV2lQ9sXo3C1mP7bB8dN4eR6tU0wZ2aK1fY',
      },
    ],
  });

export const ZRobotSummary = z.object({
  id: z.string(),
  name: z.string(),
  topics: z.array(z.string()),
  createdAt: ZTimestamp,
  createdBy: z.string().describe('The name of the administrator who created the credential.'),
  revokedAt: ZTimestamp.nullable(),
  lastContactAt: ZTimestamp.nullable(),
});

/** How much work a topic holds, by state. */
export const ZRobotTopicCounts = z.object({
  topic: z.string(),
  waiting: z.number().int(),
  /** Waiting for a retry after a robot failed it. */
  retrying: z.number().int(),
  locked: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  businessError: z.number().int(),
});

export const ZRobotsOverview = z
  .object({
    robots: z.array(ZRobotSummary),
    topics: z.array(ZRobotTopicCounts),
    mayManage: z.boolean().describe('Whether the user may create and revoke credentials.'),
  })
  .meta({
    examples: [
      {
        robots: [
          {
            id: '3f0c1f9e-6a53-4d8f-9f3b-2b7f4f2c9a10',
            name: 'Børneattest-robotten',
            topics: ['boerneattest.bestil'],
            createdAt: '2026-12-01T08:00:00.000Z',
            createdBy: 'Ida Administrator',
            revokedAt: null,
            lastContactAt: '2026-12-04T09:15:02.000Z',
          },
        ],
        topics: [
          {
            topic: 'boerneattest.bestil',
            waiting: 4,
            retrying: 1,
            locked: 2,
            done: 120,
            failed: 1,
            businessError: 3,
          },
        ],
        mayManage: true,
      },
    ],
  });

// ---- The robot API (bearer credential) ----

export const ZRobotItemParams = z.object({ id: z.string().min(1).max(100) });

export const ZFetchAndLockBody = z
  .object({
    topic: ZRobotTopic,
    maxItems: z.number().int().min(1).max(100).default(10).describe('At most this many items (1–100).'),
    leaseSeconds: z
      .number()
      .int()
      .min(10)
      .max(3600)
      .default(300)
      .describe('How long the items stay locked to this robot (10–3600 s); extend it while working.'),
  })
  .strict()
  .meta({ examples: [{ topic: 'boerneattest.bestil', maxItems: 5, leaseSeconds: 300 }] });

export const ZLockedWorkItem = z.object({
  id: z.string(),
  topic: z.string(),
  payload: z.record(z.string(), z.unknown()).describe('What the item carries for the work, nothing more.'),
  attempts: z.number().int().describe('How many times the item has been locked, this time included.'),
  lockedUntil: ZTimestamp,
});

export const ZLockedWorkItems = z.object({ items: z.array(ZLockedWorkItem) }).meta({
  examples: [
    {
      items: [
        {
          id: 'c1b8a2f4-0d3e-4a57-9b61-7e2f5a9c3d10',
          topic: 'boerneattest.bestil',
          payload: { caseNumber: 'S-2026-000123', name: 'Mette Hansen', startDate: '2027-01-01' },
          attempts: 1,
          lockedUntil: '2026-12-04T09:20:00.000Z',
        },
      ],
    },
  ],
});

export const ZExtendLeaseBody = z
  .object({
    leaseSeconds: z.number().int().min(10).max(3600).describe('The new lease, counted from now (10–3600 s).'),
  })
  .strict()
  .meta({ examples: [{ leaseSeconds: 600 }] });

export const ZWorkItemLease = z.object({ id: z.string(), lockedUntil: ZTimestamp }).meta({
  examples: [{ id: 'c1b8a2f4-0d3e-4a57-9b61-7e2f5a9c3d10', lockedUntil: '2026-12-04T09:30:00.000Z' }],
});

const ZOutput = z.record(z.string(), z.unknown());

export const ZCompleteWorkItemBody = z
  .object({
    output: ZOutput.default({}).describe('What the work produced; kept with the item and the step.'),
  })
  .strict()
  .meta({
    examples: [{ output: { orderReference: 'PA-2026-4F7K2Q', orderedAt: '2026-12-04T09:16:40.000Z' } }],
  });

export const ZFailWorkItemBody = z
  .object({
    reason: z.string().trim().min(1).max(1000).describe('Why, in words a caseworker understands.'),
    retry: z
      .enum(['later', 'person'])
      .default('later')
      .describe(
        '`later`: offer the item again after a back-off (after the fifth attempt it goes to a person); `person`: hand the case to a person now.',
      ),
    retryInSeconds: z
      .number()
      .int()
      .min(1)
      .max(86400)
      .optional()
      .describe('With `later`: wait this long instead of the back-off.'),
  })
  .strict()
  .meta({
    examples: [
      { reason: 'Politiets system svarede ikke', retry: 'later' },
      { reason: 'Personen findes ikke i CPR', retry: 'person' },
    ],
  });

export const ZBusinessErrorBody = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .describe('The business outcome, e.g. "the certificate has remarks".'),
    output: ZOutput.default({}),
  })
  .strict()
  .meta({
    examples: [{ reason: 'Børneattesten har anmærkninger', output: { certificateReference: 'BA-88213' } }],
  });

export const WORK_ITEM_OUTCOMES = ['done', 'retry', 'failed', 'business_error'] as const;

export const ZWorkItemOutcome = z
  .object({
    id: z.string(),
    outcome: z.enum(WORK_ITEM_OUTCOMES),
    retryAt: ZTimestamp.nullable().describe('With `retry`: when the item is offered again.'),
    replayed: z.boolean().describe('True when the item was already finished this way: nothing changed.'),
  })
  .meta({
    examples: [
      { id: 'c1b8a2f4-0d3e-4a57-9b61-7e2f5a9c3d10', outcome: 'done', retryAt: null, replayed: false },
    ],
  });

export type TRobotCreateBody = z.infer<typeof ZRobotCreateBody>;
export type TRobotCreated = z.infer<typeof ZRobotCreated>;
export type TRobotSummary = z.infer<typeof ZRobotSummary>;
export type TRobotTopicCounts = z.infer<typeof ZRobotTopicCounts>;
export type TRobotsOverview = z.infer<typeof ZRobotsOverview>;
export type TFetchAndLockBody = z.infer<typeof ZFetchAndLockBody>;
export type TLockedWorkItem = z.infer<typeof ZLockedWorkItem>;
export type TFailWorkItemBody = z.infer<typeof ZFailWorkItemBody>;
export type TBusinessErrorBody = z.infer<typeof ZBusinessErrorBody>;
export type TWorkItemOutcome = z.infer<typeof ZWorkItemOutcome>;

export const ZRobotWhoAmI = z.object({ id: z.string(), name: z.string(), topics: z.array(z.string()) }).meta({
  examples: [
    {
      id: '3f0c1f9e-6a53-4d8f-9f3b-2b7f4f2c9a10',
      name: 'Børneattest-robotten',
      topics: ['boerneattest.bestil'],
    },
  ],
});
