import type { ConnectorCall } from './ConnectorCall';

/**
 * Digital Post (SF1601 KombiPostAfsend on Serviceplatformen): a letter to a person as a MeMo 1.2
 * message, and its delivery status read back. The sender (the municipality's CVR number and name)
 * is the client's configuration, not the letter's.
 */
export interface DigitalPostLetter {
  /** The recipient's CPR number, ten digits. */
  recipientCpr: string;
  /** The message's label: its title in the recipient's inbox. */
  label: string;
  /** The letter has legal effect (MeMo `legalNotification`), e.g. a decision or an employment letter. */
  legalNotification: boolean;
  /** The recipient cannot opt out of it (MeMo `mandatory`). */
  mandatory: boolean;
  document: { fileName: string; content: Buffer; language: 'da' | 'en' };
  /** Indgang's case number, sent as the message's case reference (MeMo `ContentData/CaseID`). */
  caseNumber: string | null;
  /** When the letter was made (MeMo `createdDateTime`): the same on every retry of one letter. */
  createdAt: string;
}

/**
 * - `pending`: received, not yet delivered (or no receipt yet);
 * - `delivered`: in the recipient's Digital Post inbox;
 * - `exempt_printed`: the recipient is exempt from Digital Post (fritaget), so the letter went to
 *   remote print and is sent on paper;
 * - `failed`: it could not be delivered either way (the reason says why).
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'exempt_printed' | 'failed';

export interface DigitalPostConnector {
  /**
   * Sends once per key: the message UUID is derived from the call's key (and case), so a retry
   * sends the same message, which Digital Post recognises. A message that breaks the MeMo format is
   * refused before it is sent.
   */
  send(letter: DigitalPostLetter, call: ConnectorCall): Promise<{ messageUuid: string }>;
  status(
    input: { messageUuid: string },
    call: ConnectorCall,
  ): Promise<{ status: DeliveryStatus; at: string | null; reason: string | null }>;
}
