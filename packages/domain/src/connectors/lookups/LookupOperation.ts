import type { z } from 'zod';
import type { ConnectorName, LookupName } from '@indgang/schemas';
import type { Actor } from '../../access/Actor';
import type { Tx } from '../../audit/appendAudit';
import type { ConnectorCall } from '../ConnectorCall';
import type { Connectors } from '../Connectors';

/** Whom a read concerns, for the audit trail (personal data reads are logged). */
export interface LookupSubject {
  personId: string | null;
  /** What was read, in plain words for the audit trail (never the answer). */
  what: string;
  /**
   * What `run` needs that only the request's transaction can read (the person's CPR number, by
   * which the system knows her): kept with the lookup, never shown to the asker, and merged into
   * the input the job passes to `run`.
   */
  forRun?: Record<string, unknown>;
}

/**
 * A read a user asks of a municipal system. The request is checked and written at once (the web
 * request never waits on the system); a job calls the system and keeps the answer for the asker
 * alone, who polls for it. Declared once per name in LOOKUPS.
 */
export interface LookupOperation<Input = unknown> {
  name: LookupName;
  connector: ConnectorName;
  title: { da: string; en: string };
  /** The input, checked at the edge (a bad one is a 400 in both languages). */
  input: z.ZodType<Input>;
  /**
   * In the request's transaction: may this actor ask this (her own payslips, a person in the units
   * she leads, a CPR number for a hire)? Throws a DomainError ('forbidden' or 'not_found') if not;
   * returns whom the read concerns for the audit trail.
   */
  authorize(tx: Tx, actor: Actor, input: Input): Promise<LookupSubject>;
  /**
   * In the job, outside any transaction: calls the system and returns what the asker may see
   * (a protected address left out, a CPR number masked without the permission). JSON only.
   * `input` is the asker's input with authorize's `forRun` merged in.
   */
  run(connectors: Connectors, input: Input, call: ConnectorCall, actor: Actor): Promise<unknown>;
}
