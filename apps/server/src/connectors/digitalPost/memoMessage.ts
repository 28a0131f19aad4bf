import { XMLBuilder } from 'fast-xml-parser';
import { MEMO_NAMESPACE } from './memoRules';

/** What Indgang puts in a MeMo message: the parts of the format a letter to a person needs. */
export interface MemoLetter {
  messageUuid: string;
  /** The title in the recipient's inbox. */
  label: string;
  /** The short text of the notification the recipient gets (mail or app); the label when absent. */
  notification?: string;
  mandatory: boolean;
  legalNotification: boolean;
  sender: { cvr: string; label: string };
  recipient: { cpr: string };
  /** The sender's case reference (ContentData/CaseID): a case number and the system it lives in. */
  caseReference?: { caseId: string; caseSystem: string };
  createdAt: string;
  mainDocument: {
    label?: string;
    files: Array<{ encodingFormat: string; filename: string; language: string; content: Buffer }>;
  };
}

/** MeMo's own prefix for its namespace, as Digitaliseringsstyrelsen's examples write it. */
const m = (name: string) => `memo:${name}`;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressBooleanAttributes: false,
});

/** Leaves out the elements a letter does not have, so the XML carries only what is set. */
function present(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/**
 * The MeMo 1.2 message (memo:Message) as an object fast-xml-parser builds, its elements in the
 * order the format fixes. Booleans are written as xs:boolean (`true`/`false`), the documents base64.
 */
function messageObject(letter: MemoLetter): Record<string, unknown> {
  return {
    '@_xmlns:memo': MEMO_NAMESPACE,
    '@_memoVersion': '1.2',
    [m('MessageHeader')]: present({
      [m('messageType')]: 'DIGITALPOST',
      [m('messageUUID')]: letter.messageUuid,
      [m('label')]: letter.label,
      [m('notification')]: letter.notification,
      [m('mandatory')]: String(letter.mandatory),
      [m('legalNotification')]: String(letter.legalNotification),
      [m('Sender')]: {
        [m('senderID')]: letter.sender.cvr,
        [m('idType')]: 'CVR',
        [m('label')]: letter.sender.label,
      },
      [m('Recipient')]: {
        [m('recipientID')]: letter.recipient.cpr,
        [m('idType')]: 'CPR',
      },
      [m('ContentData')]: letter.caseReference
        ? {
            [m('CaseID')]: {
              [m('caseID')]: letter.caseReference.caseId,
              [m('caseSystem')]: letter.caseReference.caseSystem,
            },
          }
        : undefined,
    }),
    [m('MessageBody')]: {
      [m('createdDateTime')]: letter.createdAt,
      [m('MainDocument')]: present({
        [m('label')]: letter.mainDocument.label,
        [m('File')]: letter.mainDocument.files.map((f) => ({
          [m('encodingFormat')]: f.encodingFormat,
          [m('filename')]: f.filename,
          [m('language')]: f.language,
          [m('content')]: f.content.toString('base64'),
        })),
      }),
    },
  };
}

/** The message as XML (the memo:Message element alone, to stand in a request). */
export function memoMessageXml(letter: MemoLetter): string {
  return builder.build({ [m('Message')]: messageObject(letter) }) as string;
}

/**
 * How KombiPostAfsend delivers: `Automatisk Valg` sends to the Digital Post inbox, or on paper
 * through remote print when the recipient is exempt (fritaget); the others force one channel.
 */
export const KOMBI_CHOICES = ['Automatisk Valg', 'Digital Post', 'Fysisk Post', 'NemSMS'] as const;
export type KombiChoice = (typeof KOMBI_CHOICES)[number];

/** SF1601's request: `kombi_request` with the channel choice (KombiValgKode) and the MeMo message. */
export function kombiRequestXml(choice: KombiChoice, letter: MemoLetter): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    kombi_request: { KombiValgKode: choice, [m('Message')]: messageObject(letter) },
  }) as string;
}
