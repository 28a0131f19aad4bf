import { z } from 'zod';
import { ZKpiBody } from '../benefits/benefitSchemas';

/** Request schemas of routes that had them inline: parameters of the benefit routes and the KPI update. */
export const ZUuidParams = z.object({ id: z.string().uuid() });
export const ZProjectParams = z.object({ id: z.string().uuid(), projectId: z.string().uuid() });
export const ZKpiParams = z.object({ id: z.string().uuid(), kpiId: z.string().uuid() });
export const ZKpiUpdateBody = ZKpiBody.extend({ expectedVersion: z.number().int().positive().optional() });
