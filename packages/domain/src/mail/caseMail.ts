import { eventTypeSql } from '../cases/appendCaseEvent';
import { sql } from 'drizzle-orm';
import { textOf } from '@indgang/schemas';
import { executePrepared, type Db } from '@indgang/db';
import { storedDefinition } from '../catalog/latestServices';
import { delegationInForce } from '../delegations/delegationInForce';
import { danishDate, todayInDenmark } from '../time/isoDate';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * The mail's Message-ID, derived from the job that sends it (`jobMessageId`): a job re-run after
   * a crash sends the same id, so the receiving side can recognise the repeat (decision 9).
   */
  messageId?: string;
}

/** The Message-ID of the mail a job sends: the same on every attempt of that job. */
export const jobMessageId = (jobId: string, domain: string) => `<job-${jobId}@${domain}>`;
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export const CASE_MAIL_KINDS = ['receipt', 'returned', 'resolved', 'message'] as const;
export type CaseMailKind = (typeof CASE_MAIL_KINDS)[number];

interface MailRow {
  number: string;
  dueDate: string;
  /** The pinned version as stored: read through storedDefinition. */
  definition: unknown;
  email: string | null;
  displayName: string;
  lastBody: string | null;
  reason: string | null;
  /** The outcome's Danish label as the case keeps it, or the caseworker's free text. */
  outcome: string | null;
}

/**
 * The mail a case event sends the one the case belongs to, in Danish: the receipt with the case
 * number, a return with its reason and message, a message, or the resolution. A case a deputy
 * submitted for her leader goes to the deputy while her delegation for the unit is in force, and to
 * the leader after it. Null when the recipient has no address.
 */
export async function composeCaseMail(
  deps: { db: Pick<Db, 'execute'> },
  caseId: string,
  kind: CaseMailKind,
  publicUrl: string,
): Promise<MailMessage | null> {
  const { db } = deps;
  const { rows } = await executePrepared<MailRow>(
    db,
    sql`
    SELECT c.number, c.due_date AS "dueDate", c.outcome, s.definition, u.email, u.display_name AS "displayName",
      (SELECT body FROM case_events e WHERE e.case_id = c.id AND NOT e.internal AND e.type IN (${eventTypeSql('returned')}, ${eventTypeSql('resolved')}, ${eventTypeSql('message_to_submitter')}) ORDER BY e.id DESC LIMIT 1) AS "lastBody",
      (SELECT data->'reason'->>'da' FROM case_events e WHERE e.case_id = c.id AND e.type = ${eventTypeSql('returned')} ORDER BY e.id DESC LIMIT 1) AS reason
    FROM cases c JOIN services s ON s.id = c.service_id AND s.version = c.service_version
    JOIN users u ON u.id = CASE WHEN c.on_behalf_of_user_id IS NULL OR EXISTS (
        SELECT 1 FROM delegations d JOIN org_units du ON du.id = d.unit_id JOIN org_units cu ON cu.id = c.unit_id JOIN users su ON su.id = c.submitted_by_user_id
        WHERE d.to_person_id = su.person_id AND starts_with(cu.path, du.path) AND ${delegationInForce(todayInDenmark())})
      THEN c.submitted_by_user_id ELSE c.on_behalf_of_user_id END
    WHERE c.id = ${caseId}`,
  );
  const c = rows[0];
  if (!c?.email) return null;
  const service = textOf(storedDefinition(c.definition).name, 'da');
  const link = `${publicUrl}/sager/${caseId}`;
  const greeting = `Kære ${c.displayName}\n\n`;
  const sign = `\n\nSe sagen i Indgang: ${link}\n\nVenlig hilsen\nKoncernservice`;
  switch (kind) {
    case 'receipt':
      return {
        to: c.email,
        subject: `Kvittering: ${service} – sag ${c.number}`,
        text: `${greeting}Vi har modtaget din indberetning "${service}". Sagsnummeret er ${c.number}. Forventet færdig: ${danishDate(c.dueDate)}.${sign}`,
      };
    case 'returned':
      return {
        to: c.email,
        subject: `Vi mangler oplysninger: sag ${c.number}`,
        text: `${greeting}Sag ${c.number} (${service}) venter på dig. Årsag: ${c.reason ?? ''}.\n\n${c.lastBody ?? ''}\n\nSvar i sagen i Indgang, så fortsætter vi.${sign}`,
      };
    case 'message':
      return {
        to: c.email,
        subject: `Ny besked i sag ${c.number}`,
        text: `${greeting}${c.lastBody ?? ''}${sign}`,
      };
    case 'resolved':
      return {
        to: c.email,
        subject: `Sag ${c.number} er løst`,
        text: `${greeting}Sag ${c.number} (${service}) er løst.${c.outcome ? ` Udfald: ${c.outcome}.` : ''}\n\n${c.lastBody ?? ''}${sign}`,
      };
  }
}
