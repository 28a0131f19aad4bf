import { z } from 'zod';
import {
  CONNECTOR_CALL_OUTCOMES,
  CONNECTOR_MODES,
  CONNECTOR_NAMES,
  LOOKUP_NAMES,
  LOOKUP_STATUSES,
} from '../connectors/connectorNames';
import { ZTimestamp } from './common';

const ZBoth = z.object({ da: z.string(), en: z.string() });

/** A user asks a municipal system to read something; the input is checked by the lookup itself. */
export const ZLookupBody = z
  .object({
    name: z.enum(LOOKUP_NAMES).describe('What to read'),
    input: z.record(z.string(), z.unknown()).describe("The lookup's input, e.g. { cpr } or { personId }"),
  })
  .strict();
export type TLookupBody = z.infer<typeof ZLookupBody>;

export const ZLookupParams = z.object({ id: z.string().uuid() }).strict();

export const ZLookupCreated = z.object({ id: z.string().uuid() });

export const ZLookupState = z.object({
  id: z.string().uuid(),
  name: z.enum(LOOKUP_NAMES),
  status: z.enum(LOOKUP_STATUSES),
  result: z.unknown().describe("The system's answer, as far as the asker may see it (when done)"),
  error: ZBoth.nullable().describe('Why it failed, in Danish and English (when failed)'),
});
export type TLookupState = z.infer<typeof ZLookupState>;

/** One municipal system as the operations page shows it. */
export const ZConnectorState = z.object({
  name: z.enum(CONNECTOR_NAMES),
  title: ZBoth,
  mode: z.enum(CONNECTOR_MODES),
  lastSuccessAt: ZTimestamp.nullable(),
  lastError: z
    .object({
      at: ZTimestamp,
      operation: z.string(),
      outcome: z.enum(CONNECTOR_CALL_OUTCOMES),
      text: z.string().nullable().describe("The system's own words, or what went wrong"),
    })
    .nullable(),
  callsLastDay: z.number().int(),
  failedLastDay: z.number().int(),
  queue: z.object({
    waiting: z.number().int().describe('Jobs for the system not yet done'),
    failing: z.number().int().describe('Jobs that failed and wait to be tried again'),
    dead: z.number().int().describe('Jobs given up: they need a person (retry on the jobs list)'),
  }),
});
export type TConnectorState = z.infer<typeof ZConnectorState>;

export const ZConnectorsOverview = z.object({ connectors: z.array(ZConnectorState) });
export type TConnectorsOverview = z.infer<typeof ZConnectorsOverview>;
