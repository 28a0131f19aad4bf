import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import {
  checkProcessDefinition,
  DEFAULT_PROCESS,
  issueText,
  ZProcessDefinition,
  type ProcessProblem,
  type TProcessDefinition,
  type TProcessSaved,
  type TSaveProcessBody,
} from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { canonicalJson } from '../audit/auditHash';
import { storedDefinition } from '../catalog/latestServices';
import { DomainError, notFound } from '../errors/DomainError';
import { bpmnToProcess } from './bpmnToProcess';

function refused(problems: ProcessProblem[]): DomainError {
  return new DomainError(
    'invalid',
    'process_invalid',
    {
      da: `Processen kan ikke gemmes: ${problems
        .slice(0, 3)
        .map((p) => p.da)
        .join(' ')}`,
      en: `The process cannot be saved: ${problems
        .slice(0, 3)
        .map((p) => p.en)
        .join(' ')}`,
    },
    problems.map((p) => ({
      path: p.stepId ? `process.steps.${p.stepId}` : 'process',
      message: { da: p.da, en: p.en },
    })),
  );
}

/**
 * Saves a service's process, sent as BPMN 2.0 XML or as the JSON definition, as a NEW version of
 * the service (the rest of the definition as in the newest version), so running cases keep the
 * version they started with. Refused whole, every problem by step, in both languages; refused when
 * another version was saved since `baseVersion`; nothing new when the process is the newest
 * version's already (a retry saves once). Audited.
 */
export async function saveServiceProcess(
  deps: { db: Db },
  actor: Actor,
  serviceId: string,
  body: TSaveProcessBody,
): Promise<TProcessSaved> {
  requirePermission(actor, 'catalog.manage');
  const { rows } = await deps.db.execute<{ version: number; definition: unknown }>(
    sql`SELECT version, definition FROM services WHERE id = ${serviceId} AND active ORDER BY version DESC LIMIT 1`,
  );
  const latest = rows[0];
  if (!latest) throw notFound({ da: 'Servicen', en: 'The service' });
  const current = storedDefinition(latest.definition);
  const outcomes = current.outcomes.map((o) => o.id);

  let process: TProcessDefinition | undefined;
  let problems: ProcessProblem[];
  if (body.xml !== undefined) {
    ({ definition: process, problems } = await bpmnToProcess(body.xml, outcomes));
  } else {
    const parsed = ZProcessDefinition.safeParse(body.process);
    if (parsed.success) {
      process = parsed.data;
      problems = checkProcessDefinition(process, outcomes);
    } else
      problems = parsed.error.issues.slice(0, 50).map((issue) => {
        const text = issueText(issue);
        const where = issue.path.join('.');
        return { da: `${where}: ${text.da}`, en: `${where}: ${text.en}` };
      });
  }
  if (!process || problems.length > 0) throw refused(problems);

  if (canonicalJson(process) === canonicalJson(current.process ?? DEFAULT_PROCESS))
    return { id: serviceId, version: latest.version, changed: false };
  if (body.baseVersion !== latest.version)
    throw new DomainError('conflict', 'process_stale', {
      da: `Version ${latest.version} er gemt, siden du åbnede version ${body.baseVersion}. Åbn den nyeste og gem igen.`,
      en: `Version ${latest.version} was saved after you opened version ${body.baseVersion}. Open the newest and save again.`,
    });

  const version = latest.version + 1;
  const definition = { ...(latest.definition as Record<string, unknown>), version, process };
  return deps.db.transaction(async (tx) => {
    const { rows: inserted } = await tx.execute<{ version: number }>(sql`
      INSERT INTO services (id, version, definition) VALUES (${serviceId}, ${version}, ${JSON.stringify(definition)}::jsonb)
      ON CONFLICT DO NOTHING RETURNING version`);
    if (inserted.length === 0)
      throw new DomainError('conflict', 'process_stale', {
        da: `Version ${version} er lige blevet gemt af en anden. Åbn den nyeste og gem igen.`,
        en: `Version ${version} was just saved by someone else. Open the newest and save again.`,
      });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'catalog.process.save',
      entityType: 'service',
      entityId: serviceId,
      details: {
        version,
        from: latest.version,
        format: body.xml !== undefined ? 'bpmn' : 'json',
        steps: process.steps.length,
      },
    });
    return { id: serviceId, version, changed: true };
  });
}
