import { z } from 'zod';
import { ZText } from '../forms/ZText';
import { ZProcessDefinition } from '../process/ProcessDefinition';

/** A reason a process is refused, by the step it concerns, in Danish and English. */
export const ZProcessProblem = z
  .object({ stepId: z.string().optional(), da: z.string(), en: z.string() })
  .meta({ id: 'ProcessProblem' });

export const ZProcessServiceCard = z.object({
  id: z.string(),
  name: ZText,
  version: z.number().int(),
  /** Whether the service has a process of its own (else a case is one caseworker task). */
  ownProcess: z.boolean(),
  steps: z.number().int(),
});
export const ZProcessServiceList = z.object({ services: z.array(ZProcessServiceCard) });
export type TProcessServiceList = z.infer<typeof ZProcessServiceList>;

export const ZServiceProcess = z
  .object({
    service: z.object({
      id: z.string(),
      name: ZText,
      version: z.number().int(),
      outcomes: z.array(z.object({ id: z.string(), label: ZText })),
    }),
    /** Every installed version of the service, newest first; a running case keeps its own. */
    versions: z.array(z.object({ version: z.number().int(), active: z.boolean(), createdAt: z.string() })),
    latestVersion: z.number().int(),
    ownProcess: z.boolean(),
    process: ZProcessDefinition,
    /** What checkProcessDefinition finds (empty for a saved version, which was checked when saved). */
    problems: z.array(ZProcessProblem),
  })
  .meta({ id: 'ServiceProcess' });
export type TServiceProcess = z.infer<typeof ZServiceProcess>;

export const ZServiceProcessParams = z
  .object({
    id: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[a-z0-9-]+$/),
  })
  .strict();
export const ZServiceProcessQuery = z
  .object({ version: z.coerce.number().int().positive().optional() })
  .strict();

/** A new process for a service, as BPMN 2.0 XML (`xml`) or as the JSON definition (`process`). */
export const ZSaveProcessBody = z
  .object({
    /** The version the configurator edited: refused when another was saved since. */
    baseVersion: z.number().int().positive(),
    xml: z.string().max(2_000_000).optional(),
    process: z.unknown().optional(),
  })
  .strict()
  .refine((b) => (b.xml === undefined) !== (b.process === undefined), {
    message: 'send either xml or process',
  });
export type TSaveProcessBody = z.infer<typeof ZSaveProcessBody>;

export const ZProcessSaved = z.object({
  id: z.string(),
  version: z.number().int(),
  /** False when the process was the same as the newest version's: nothing was saved. */
  changed: z.boolean(),
});
export type TProcessSaved = z.infer<typeof ZProcessSaved>;
