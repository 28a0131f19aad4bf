import { z } from 'zod';

export const ZHealth = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['postgres', 'embedded']),
});

export type THealth = z.infer<typeof ZHealth>;

/** The OpenAPI document itself (described by the OpenAPI specification, not here). */
export const ZOpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** Prometheus metrics in the text exposition format. */
export const ZMetricsText = z.string().describe('Prometheus text format');
