import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { CONNECTOR_TITLES, LOOKUP_NAMES, type ConnectorMode, type ConnectorName } from '@indgang/schemas';
import type { Db } from '@indgang/db';
import type { Actor } from '../../access/Actor';
import { appendAudit } from '../../audit/appendAudit';
import { DomainError } from '../../errors/DomainError';
import { enqueueJob } from '../../jobs/enqueueJob';
import { lookupOperation } from './lookupList';

export interface LookupRequest {
  name: string;
  input: unknown;
}

/**
 * A user asks a municipal system to read something (a hire's name and address from CPR, her own
 * payslips). Checked at once (the name, the input, whether she may ask it); then written with the
 * job that calls the system, and the read is audited. Answers the lookup's id to poll: the web
 * request never waits on the system.
 */
export async function requestLookup(
  deps: { db: Db; modes: Record<ConnectorName, ConnectorMode> },
  actor: Actor,
  request: LookupRequest,
): Promise<{ id: string }> {
  const operation = lookupOperation(request.name);
  if (!operation)
    throw new DomainError('invalid', 'lookup_unknown', {
      da: `Opslaget "${request.name}" findes ikke. Mulige opslag: ${LOOKUP_NAMES.join(', ')}.`,
      en: `There is no lookup "${request.name}". Possible lookups: ${LOOKUP_NAMES.join(', ')}.`,
    });
  const parsed = operation.input.safeParse(request.input);
  if (!parsed.success)
    throw new DomainError(
      'invalid',
      'lookup_input',
      {
        da: `Opslaget "${operation.title.da}" fik ikke de oplysninger, det skal bruge.`,
        en: `The lookup "${operation.title.en}" did not get the information it needs.`,
      },
      parsed.error.issues.map((issue) => ({
        path: ['input', ...issue.path].join('.'),
        message: { da: 'Ugyldig værdi', en: issue.message },
      })),
    );
  if (deps.modes[operation.connector] === 'off') {
    const title = CONNECTOR_TITLES[operation.connector];
    throw new DomainError('unprocessable', 'connector_off', {
      da: `${title.da} er ikke forbundet til Indgang, så opslaget kan ikke laves her. Slå op direkte i ${title.da}.`,
      en: `${title.en} is not connected to Indgang, so the lookup cannot be made here. Look it up directly in ${title.en}.`,
    });
  }
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    const subject = await operation.authorize(tx, actor, parsed.data);
    await tx.execute(sql`
      INSERT INTO connector_lookups (id, user_id, operation, input)
      VALUES (${id}, ${actor.userId}, ${operation.name}, ${JSON.stringify(parsed.data)}::jsonb)`);
    await enqueueJob(
      tx,
      'connector.lookup',
      { lookupId: id },
      { idempotencyKey: `lookup:${id}`, connector: operation.connector },
    );
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'connector.lookup',
      entityType: 'lookup',
      entityId: id,
      subjectPersonId: subject.personId,
      details: { lookup: operation.name, what: subject.what },
    });
  });
  return { id };
}
