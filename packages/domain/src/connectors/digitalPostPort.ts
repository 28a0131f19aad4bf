import type { ConnectorCall } from './ConnectorCall';

/** Digital Post (SF1601): a MeMo 1.2 message to a person, and its delivery status read back. */
export interface DigitalPostLetter {
  recipientCpr: string;
  /** The message's label, shown in the recipient's inbox. */
  label: string;
  legalNotification: boolean;
  mandatory: boolean;
  document: { fileName: string; content: Buffer; language: 'da' | 'en' };
}

export type DeliveryStatus = 'pending' | 'delivered' | 'exempt_printed' | 'failed';

export interface DigitalPostConnector {
  /** Sends once per key: the message UUID comes from the call's key. */
  send(letter: DigitalPostLetter, call: ConnectorCall): Promise<{ messageUuid: string }>;
  status(
    input: { messageUuid: string },
    call: ConnectorCall,
  ): Promise<{ status: DeliveryStatus; at: string | null; reason: string | null }>;
}
