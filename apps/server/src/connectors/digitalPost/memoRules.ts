import { readXml, child, childText, type XmlElement } from './xmlTree';

/**
 * The rules of the MeMo message format (Digitaliseringsstyrelsen's "MeddelelsesModel", version 1.2)
 * that Indgang checks before a letter leaves, and that the Digital Post simulator checks on what it
 * receives. Digitaliseringsstyrelsen published no XSD for 1.2 (the schema and schematron were
 * withdrawn with it; their library and the test environment validate), so these rules are written
 * from the published material:
 * - the element names, their namespace and their order (an XSD sequence): MeMo's own element
 *   descriptions as generated from the 1.1/1.2 schema (itk-dev/serviceplatformen, python-serviceplatformen),
 *   and the official minimum and full examples;
 * - which elements are required: those the same models require (MessageHeader: messageType,
 *   messageUUID, label, Sender, Recipient; Sender: senderID, idType, label; Recipient: recipientID,
 *   idType; MessageBody: createdDateTime, MainDocument; MainDocument: at least one File; File:
 *   encodingFormat, filename, language, content);
 * - the value rules: messageType DIGITALPOST or NEMSMS, a UUID as messageUUID, booleans as
 *   true/false, dates and times as xs:date/xs:dateTime, CPR as 10 and CVR as 8 digits (MeMo 1.1's
 *   change notes), base64 content, `memoVersion` 1.1 or 1.2 (`memoSchVersion` only with 1.1);
 * - the business rules Digital Post added in November 2024: file names without < > : " / \ | ? *,
 *   line breaks or special spaces, and action links absolute https addresses; and a Digital Post
 *   message (not an SMS) must have a body with a main document.
 * Parts Indgang never sends (attention data, contact points, content data, forwarding and reply
 * data, representatives, reservations) are checked for their place only, not their contents.
 */
export const MEMO_NAMESPACE = 'https://DigitalPost.dk/MeMo-1';

export interface MemoProblem {
  /** Where: the element path from the message, e.g. MessageHeader/Sender/senderID. */
  path: string;
  da: string;
  en: string;
}

type ValueType =
  | 'text'
  | 'uuid'
  | 'boolean'
  | 'dateTime'
  | 'date'
  | 'base64'
  | 'language'
  | 'mimeType'
  | 'httpsUrl'
  | 'fileName'
  | { oneOf: readonly string[] };

interface ElementRule {
  name: string;
  min: number;
  max: number;
  /** A leaf and the kind of value it holds. */
  type?: ValueType;
  /** Its children, in this order. */
  children?: readonly ElementRule[];
  /** Allowed here; its contents are not checked. */
  opaque?: true;
  /** Its namespace when not MeMo's own (ContentData and attention data reuse other vocabularies). */
  foreign?: true;
}

const one = (name: string, type: ValueType = 'text'): ElementRule => ({ name, min: 1, max: 1, type });
const optional = (name: string, type: ValueType = 'text'): ElementRule => ({ name, min: 0, max: 1, type });
const opaque = (name: string, max = 1): ElementRule => ({ name, min: 0, max, opaque: true });
const MANY = Number.POSITIVE_INFINITY;

const ID_TYPES = ['CPR', 'CVR', 'MyndighedsID'] as const;
export const MESSAGE_TYPES = ['DIGITALPOST', 'NEMSMS'] as const;
export const ACTION_CODES = [
  'AFTALE',
  'BETALING',
  'SELVBETJENING',
  'INFORMATION',
  'UNDERSKRIV',
  'BEKRAEFT',
  'FORBEREDELSE',
  'TILMELDING',
] as const;

const FILE: ElementRule = {
  name: 'File',
  min: 1,
  max: MANY,
  children: [
    one('encodingFormat', 'mimeType'),
    one('filename', 'fileName'),
    one('language', 'language'),
    one('content', 'base64'),
  ],
};

const ACTION: ElementRule = {
  name: 'Action',
  min: 0,
  max: MANY,
  children: [
    one('label'),
    one('actionCode', { oneOf: ACTION_CODES }),
    optional('startDateTime', 'dateTime'),
    optional('endDateTime', 'dateTime'),
    opaque('Reservation'),
    { name: 'EntryPoint', min: 0, max: 1, children: [one('url', 'httpsUrl')] },
  ],
};

const document = (name: string, idName: string, min: number, max: number, actions = true): ElementRule => ({
  name,
  min,
  max,
  children: [optional(idName), optional('label'), FILE, ...(actions ? [ACTION] : [])],
});

/** The message, as the rules above read it. */
const MESSAGE: ElementRule = {
  name: 'Message',
  min: 1,
  max: 1,
  children: [
    {
      name: 'MessageHeader',
      min: 1,
      max: 1,
      children: [
        one('messageType', { oneOf: MESSAGE_TYPES }),
        one('messageUUID', 'uuid'),
        optional('messageID'),
        optional('messageCode'),
        one('label'),
        optional('notification'),
        optional('additionalNotification'),
        optional('reply', 'boolean'),
        optional('replyByDateTime', 'dateTime'),
        optional('doNotDeliverUntilDate', 'date'),
        optional('mandatory', 'boolean'),
        optional('legalNotification', 'boolean'),
        optional('postType'),
        {
          name: 'Sender',
          min: 1,
          max: 1,
          children: [
            one('senderID'),
            one('idType', { oneOf: ID_TYPES }),
            optional('idTypeLabel'),
            one('label'),
            opaque('AttentionData'),
            opaque('ContactPoint'),
            opaque('Representative'),
          ],
        },
        {
          name: 'Recipient',
          min: 1,
          max: 1,
          children: [
            one('recipientID'),
            one('idType', { oneOf: ID_TYPES }),
            optional('idTypeLabel'),
            optional('label'),
            opaque('AttentionData'),
            opaque('ContactPoint'),
          ],
        },
        opaque('ContentData'),
        opaque('ForwardData'),
        opaque('ReplyData', MANY),
      ],
    },
    {
      name: 'MessageBody',
      min: 0,
      max: 1,
      children: [
        one('createdDateTime', 'dateTime'),
        document('MainDocument', 'mainDocumentID', 1, 1),
        document('AdditionalDocument', 'additionalDocumentID', 0, MANY),
        document('TechnicalDocument', 'technicalDocumentID', 0, MANY, false),
      ],
    },
  ],
};

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const MIME = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/i;
/** Characters Digital Post refuses in file names since November 2024. */
const FILE_NAME_FORBIDDEN = /[<>:"/\\|?*\r\n\u00a0\u2000-\u200a\u2028\u205f\u2060\u3000]/u;

function valueProblem(type: ValueType, value: string): { da: string; en: string } | null {
  if (value === '') return { da: 'er tom', en: 'is empty' };
  if (typeof type === 'object')
    return type.oneOf.includes(value)
      ? null
      : {
          da: `skal være en af ${type.oneOf.join(', ')}, ikke "${value}"`,
          en: `must be one of ${type.oneOf.join(', ')}, not "${value}"`,
        };
  switch (type) {
    case 'text':
      return null;
    case 'uuid':
      return UUID.test(value) ? null : { da: 'er ikke et UUID', en: 'is not a UUID' };
    case 'boolean':
      return value === 'true' || value === 'false'
        ? null
        : { da: 'skal være true eller false', en: 'must be true or false' };
    case 'dateTime':
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : { da: 'er ikke et tidspunkt (xs:dateTime)', en: 'is not a date and time (xs:dateTime)' };
    case 'date':
      return DATE.test(value) ? null : { da: 'er ikke en dato (xs:date)', en: 'is not a date (xs:date)' };
    case 'base64':
      return value.length % 4 === 0 && BASE64.test(value)
        ? null
        : { da: 'er ikke base64-kodet', en: 'is not base64 encoded' };
    case 'language':
      return /^[a-z]{2}$/.test(value)
        ? null
        : {
            da: 'skal være en sprogkode på to bogstaver (fx da)',
            en: 'must be a two-letter language code (e.g. da)',
          };
    case 'mimeType':
      return MIME.test(value)
        ? null
        : {
            da: 'er ikke en MIME-type (fx application/pdf)',
            en: 'is not a MIME type (e.g. application/pdf)',
          };
    case 'httpsUrl':
      return /^https:\/\/[^\s/]+/.test(value)
        ? null
        : {
            da: 'skal være en absolut https-adresse',
            en: 'must be an absolute https address',
          };
    case 'fileName':
      return FILE_NAME_FORBIDDEN.test(value)
        ? {
            da: 'indeholder tegn, Digital Post ikke tillader i filnavne (< > : " / \\ | ? * linjeskift)',
            en: 'contains characters Digital Post does not allow in file names (< > : " / \\ | ? * line breaks)',
          }
        : null;
  }
}

/** Checks an element's children against a sequence of rules, in order, and each child's contents. */
function checkSequence(
  element: XmlElement,
  rules: readonly ElementRule[],
  path: string,
  problems: MemoProblem[],
) {
  let index = 0;
  const kids = element.children;
  for (const rule of rules) {
    let count = 0;
    while (index < kids.length && kids[index]!.local === rule.name) {
      const kid = kids[index]!;
      const at = `${path}/${rule.name}`;
      if (!rule.foreign && kid.ns !== MEMO_NAMESPACE)
        problems.push({
          path: at,
          da: `${at} er ikke i MeMo-navnerummet (${MEMO_NAMESPACE})`,
          en: `${at} is not in the MeMo namespace (${MEMO_NAMESPACE})`,
        });
      checkElement(kid, rule, at, problems);
      count += 1;
      index += 1;
    }
    const at = `${path}/${rule.name}`;
    if (count < rule.min)
      problems.push({
        path: at,
        da: `${at} mangler (påkrævet i MeMo)`,
        en: `${at} is missing (required in MeMo)`,
      });
    if (count > rule.max)
      problems.push({
        path: at,
        da: `${at} må kun forekomme ${rule.max === 1 ? 'én gang' : `${rule.max} gange`}`,
        en: `${at} may occur only ${rule.max === 1 ? 'once' : `${rule.max} times`}`,
      });
  }
  for (const extra of kids.slice(index)) {
    const known = rules.some((r) => r.name === extra.local);
    problems.push({
      path: `${path}/${extra.local}`,
      da: known
        ? `${path}/${extra.local} står på et forkert sted (MeMo fastlægger rækkefølgen)`
        : `${path}/${extra.local} er ikke et MeMo-element her`,
      en: known
        ? `${path}/${extra.local} is out of place (MeMo fixes the order)`
        : `${path}/${extra.local} is not a MeMo element here`,
    });
  }
}

function checkElement(element: XmlElement, rule: ElementRule, path: string, problems: MemoProblem[]) {
  if (rule.opaque) return;
  if (rule.children) {
    checkSequence(element, rule.children, path, problems);
    return;
  }
  if (element.children.length > 0)
    problems.push({
      path,
      da: `${path} skal være en værdi, ikke indeholde elementer`,
      en: `${path} must be a value, not contain elements`,
    });
  const problem = valueProblem(rule.type ?? 'text', element.text);
  if (problem) problems.push({ path, da: `${path} ${problem.da}`, en: `${path} ${problem.en}` });
}

/** CPR (10 digits) and CVR (8 digits) as MeMo requires them of senders and recipients. */
function checkParty(party: XmlElement | undefined, idName: string, path: string, problems: MemoProblem[]) {
  const idType = childText(party, 'idType', MEMO_NAMESPACE);
  const id = childText(party, idName, MEMO_NAMESPACE);
  if (id === null || idType === null) return;
  const digits = idType === 'CPR' ? 10 : idType === 'CVR' ? 8 : null;
  if (digits !== null && !new RegExp(`^\\d{${digits}}$`).test(id))
    problems.push({
      path: `${path}/${idName}`,
      da: `${path}/${idName} skal være et ${idType}-nummer på ${digits} cifre`,
      en: `${path}/${idName} must be a ${idType} number of ${digits} digits`,
    });
}

/** Every problem of a MeMo message element (memo:Message); none when it may be sent. */
export function checkMemoMessage(message: XmlElement): MemoProblem[] {
  const problems: MemoProblem[] = [];
  if (message.local !== 'Message' || message.ns !== MEMO_NAMESPACE)
    return [
      {
        path: message.name,
        da: `Roden skal være Message i MeMo-navnerummet (${MEMO_NAMESPACE}), ikke ${message.name}`,
        en: `The root must be Message in the MeMo namespace (${MEMO_NAMESPACE}), not ${message.name}`,
      },
    ];
  const version = message.attrs.memoVersion;
  if (version !== '1.2' && version !== '1.1')
    problems.push({
      path: 'Message/@memoVersion',
      da: `Message/@memoVersion skal være 1.2 (eller 1.1), ikke ${version ?? 'tom'}`,
      en: `Message/@memoVersion must be 1.2 (or 1.1), not ${version ?? 'empty'}`,
    });
  if (version === '1.1' && !message.attrs.memoSchVersion)
    problems.push({
      path: 'Message/@memoSchVersion',
      da: 'Message/@memoSchVersion mangler (påkrævet i MeMo 1.1)',
      en: 'Message/@memoSchVersion is missing (required in MeMo 1.1)',
    });
  checkSequence(message, MESSAGE.children!, 'Message', problems);
  const header = child(message, 'MessageHeader', MEMO_NAMESPACE);
  checkParty(child(header, 'Sender', MEMO_NAMESPACE), 'senderID', 'Message/MessageHeader/Sender', problems);
  checkParty(
    child(header, 'Recipient', MEMO_NAMESPACE),
    'recipientID',
    'Message/MessageHeader/Recipient',
    problems,
  );
  if (childText(header, 'messageType', MEMO_NAMESPACE) === 'DIGITALPOST' && !child(message, 'MessageBody'))
    problems.push({
      path: 'Message/MessageBody',
      da: 'Message/MessageBody mangler: et brev i Digital Post skal have et hoveddokument',
      en: 'Message/MessageBody is missing: a Digital Post letter must have a main document',
    });
  return problems;
}

/** Checks a MeMo message given as XML text: not well-formed XML is one problem, in the parser's words. */
export function checkMemoXml(xml: string): MemoProblem[] {
  const read = readXml(xml);
  if ('error' in read)
    return [
      {
        path: '',
        da: `Meddelelsen er ikke gyldig XML: ${read.error}`,
        en: `The message is not valid XML: ${read.error}`,
      },
    ];
  return checkMemoMessage(read.root);
}
