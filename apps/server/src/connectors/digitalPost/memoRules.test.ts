import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { kombiRequestXml, memoMessageXml, type MemoLetter } from './memoMessage';
import { checkMemoXml, MEMO_NAMESPACE } from './memoRules';
import { uuidV5 } from './uuidV5';
import { child, readXml } from './xmlTree';

const letter: MemoLetter = {
  messageUuid: '0b6f1c1e-6f63-5a3e-9d1f-2b1f0a7c9e11',
  label: 'Ansættelsesbrev',
  mandatory: false,
  legalNotification: true,
  sender: { cvr: '12345678', label: 'Eksempel Kommune' },
  recipient: { cpr: '0001709003' },
  caseReference: { caseId: 'S-2026-000042', caseSystem: 'Indgang' },
  createdAt: '2026-03-02T09:15:00.000Z',
  mainDocument: {
    label: 'Ansættelsesbrev',
    files: [
      {
        encodingFormat: 'application/pdf',
        filename: 'S-2026-000042-brev.pdf',
        language: 'da',
        content: Buffer.from('%PDF-1.7 test'),
      },
    ],
  },
};

// The XML as an ordered tree, to take elements out of a good message or move them.
type Node = Record<string, unknown>;
const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
});
const orderedBuilder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
});
const nameOf = (node: Node) => Object.keys(node).find((k) => k !== ':@')!;

/** The message with the element at `path` (memo: names below Message, e.g. MessageHeader/label) changed. */
function edit(xml: string, path: string, change: (siblings: Node[], index: number) => void): string {
  const tree = orderedParser.parse(xml) as Node[];
  let siblings = tree;
  const parts = ['Message', ...path.split('/')];
  for (const [depth, part] of parts.entries()) {
    const index = siblings.findIndex((n) => nameOf(n) === `memo:${part}`);
    if (index < 0) throw new Error(`no ${part} in ${path}`);
    if (depth === parts.length - 1) change(siblings, index);
    else siblings = siblings[index]![`memo:${part}`] as Node[];
  }
  return orderedBuilder.build(tree) as string;
}
const without = (xml: string, path: string) => edit(xml, path, (siblings, i) => siblings.splice(i, 1));
const withValue = (xml: string, path: string, value: string) =>
  edit(xml, path, (siblings, i) => {
    const name = nameOf(siblings[i]!);
    siblings[i] = { [name]: [{ '#text': value }] };
  });

const good = memoMessageXml(letter);

describe('MeMo 1.2 messages', () => {
  it('builds a letter that passes the MeMo rules, its elements in MeMo order and namespace', () => {
    expect(checkMemoXml(good)).toEqual([]);
    const read = readXml(good);
    if ('error' in read) throw new Error(read.error);
    expect(read.root).toMatchObject({ ns: MEMO_NAMESPACE, local: 'Message', attrs: { memoVersion: '1.2' } });
    const header = child(read.root, 'MessageHeader')!;
    expect(header.children.map((c) => c.local)).toEqual([
      'messageType',
      'messageUUID',
      'label',
      'mandatory',
      'legalNotification',
      'Sender',
      'Recipient',
      'ContentData',
    ]);
    expect(header.children.every((c) => c.ns === MEMO_NAMESPACE)).toBe(true);
    const file = child(child(child(read.root, 'MessageBody'), 'MainDocument'), 'File')!;
    expect(Buffer.from(child(file, 'content')!.text, 'base64').toString()).toBe('%PDF-1.7 test');
    expect(child(header, 'legalNotification')!.text).toBe('true');
  });

  it('escapes text, so a label with < & " stays text', () => {
    const xml = memoMessageXml({ ...letter, label: 'Løn & "tillæg" <2026>' });
    expect(checkMemoXml(xml)).toEqual([]);
    const read = readXml(xml);
    if ('error' in read) throw new Error(read.error);
    expect(child(child(read.root, 'MessageHeader'), 'label')!.text).toBe('Løn & "tillæg" <2026>');
  });

  it('passes the minimum message of the format: header with type, UUID, label, sender and recipient; a body with one file', () => {
    const minimum = `<?xml version="1.0" encoding="UTF-8"?>
      <m:Message xmlns:m="${MEMO_NAMESPACE}" memoVersion="1.2">
        <m:MessageHeader>
          <m:messageType>DIGITALPOST</m:messageType>
          <m:messageUUID>3F2504E0-4F89-11D3-9A0C-0305E82C3301</m:messageUUID>
          <m:label>Brev</m:label>
          <m:Sender><m:senderID>12345678</m:senderID><m:idType>CVR</m:idType><m:label>Kommunen</m:label></m:Sender>
          <m:Recipient><m:recipientID>0001709003</m:recipientID><m:idType>CPR</m:idType></m:Recipient>
        </m:MessageHeader>
        <m:MessageBody>
          <m:createdDateTime>2026-03-02T12:00:00Z</m:createdDateTime>
          <m:MainDocument>
            <m:File>
              <m:encodingFormat>text/plain</m:encodingFormat><m:filename>Brev.txt</m:filename>
              <m:language>da</m:language><m:content>SGVq</m:content>
            </m:File>
          </m:MainDocument>
        </m:MessageBody>
      </m:Message>`;
    expect(checkMemoXml(minimum)).toEqual([]);
  });

  const required = [
    'MessageHeader',
    'MessageHeader/messageType',
    'MessageHeader/messageUUID',
    'MessageHeader/label',
    'MessageHeader/Sender',
    'MessageHeader/Sender/senderID',
    'MessageHeader/Sender/idType',
    'MessageHeader/Sender/label',
    'MessageHeader/Recipient',
    'MessageHeader/Recipient/recipientID',
    'MessageHeader/Recipient/idType',
    'MessageBody/createdDateTime',
    'MessageBody/MainDocument',
    'MessageBody/MainDocument/File',
    'MessageBody/MainDocument/File/encodingFormat',
    'MessageBody/MainDocument/File/filename',
    'MessageBody/MainDocument/File/language',
    'MessageBody/MainDocument/File/content',
  ];
  it.each(required)('refuses a message without %s, naming it in Danish and English', (path) => {
    const problems = checkMemoXml(without(good, path));
    expect(problems).toContainEqual({
      path: `Message/${path}`,
      da: `Message/${path} mangler (påkrævet i MeMo)`,
      en: `Message/${path} is missing (required in MeMo)`,
    });
  });

  it('refuses a Digital Post letter without a body, and a message without memoVersion', () => {
    expect(checkMemoXml(without(good, 'MessageBody'))).toEqual([
      expect.objectContaining({
        path: 'Message/MessageBody',
        da: expect.stringContaining('et brev i Digital Post skal have et hoveddokument'),
      }),
    ]);
    expect(checkMemoXml(good.replace(' memoVersion="1.2"', ''))).toEqual([
      expect.objectContaining({ path: 'Message/@memoVersion', en: expect.stringContaining('must be 1.2') }),
    ]);
  });

  it.each([
    ['MessageHeader/messageType', 'LETTER', 'must be one of DIGITALPOST, NEMSMS, not "LETTER"'],
    ['MessageHeader/messageUUID', 'step-12', 'is not a UUID'],
    ['MessageHeader/mandatory', 'yes', 'must be true or false'],
    ['MessageHeader/Recipient/recipientID', '000170-9003', 'must be a CPR number of 10 digits'],
    ['MessageHeader/Sender/senderID', '1234567', 'must be a CVR number of 8 digits'],
    ['MessageHeader/Sender/idType', 'SE', 'must be one of CPR, CVR, MyndighedsID, not "SE"'],
    ['MessageBody/createdDateTime', '2. marts 2026', 'is not a date and time (xs:dateTime)'],
    [
      'MessageBody/MainDocument/File/filename',
      'brev/2026.pdf',
      'contains characters Digital Post does not allow',
    ],
    ['MessageBody/MainDocument/File/language', 'dansk', 'must be a two-letter language code'],
    ['MessageBody/MainDocument/File/content', 'not base64!', 'is not base64 encoded'],
    ['MessageBody/MainDocument/File/encodingFormat', 'pdf', 'is not a MIME type'],
    ['MessageHeader/label', '', 'is empty'],
  ])('refuses %s = "%s": %s', (path, value, words) => {
    const problems = checkMemoXml(withValue(good, path, value));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe(`Message/${path}`);
    expect(problems[0]!.en).toContain(words);
    expect(problems[0]!.da).not.toBe(problems[0]!.en);
  });

  it('refuses elements out of MeMo order, elements MeMo lacks, and elements outside its namespace', () => {
    const reordered = edit(good, 'MessageHeader/label', (siblings, i) => {
      const [label] = siblings.splice(i, 1);
      siblings.unshift(label!);
    });
    expect(checkMemoXml(reordered).map((p) => p.en)).toContain(
      'Message/MessageHeader/messageType is out of place (MeMo fixes the order)',
    );
    const extra = edit(good, 'MessageHeader/label', (siblings, i) =>
      siblings.splice(i + 1, 0, { 'memo:subject': [{ '#text': 'x' }] }),
    );
    expect(checkMemoXml(extra).map((p) => p.en)).toContain(
      'Message/MessageHeader/subject is not a MeMo element here',
    );
    const foreign = good.replace(
      '<memo:label>Ansættelsesbrev</memo:label>',
      '<label>Ansættelsesbrev</label>',
    );
    expect(checkMemoXml(foreign).map((p) => p.en)).toContain(
      `Message/MessageHeader/label is not in the MeMo namespace (${MEMO_NAMESPACE})`,
    );
    expect(checkMemoXml(good.replace(MEMO_NAMESPACE, 'https://DigitalPost.dk/MeMo-2'))[0]!.en).toContain(
      'The root must be Message in the MeMo namespace',
    );
  });

  it('refuses an action link that is not https, and XML that is not well-formed', () => {
    const action = edit(good, 'MessageBody/MainDocument/File', (siblings, i) =>
      siblings.splice(i + 1, 0, {
        'memo:Action': [
          { 'memo:label': [{ '#text': 'Se sagen' }] },
          { 'memo:actionCode': [{ '#text': 'SELVBETJENING' }] },
          { 'memo:EntryPoint': [{ 'memo:url': [{ '#text': 'http://indgang.example/sag' }] }] },
        ],
      }),
    );
    expect(checkMemoXml(action)).toEqual([
      expect.objectContaining({
        path: 'Message/MessageBody/MainDocument/Action/EntryPoint/url',
        en: expect.stringContaining('must be an absolute https address'),
      }),
    ]);
    expect(checkMemoXml(good.slice(0, -20))[0]!.da).toContain('Meddelelsen er ikke gyldig XML');
  });

  it('puts the message in a kombi_request with the channel choice', () => {
    const read = readXml(kombiRequestXml('Automatisk Valg', letter));
    if ('error' in read) throw new Error(read.error);
    expect(read.root.local).toBe('kombi_request');
    expect(read.root.children.map((c) => [c.local, c.ns])).toEqual([
      ['KombiValgKode', null],
      ['Message', MEMO_NAMESPACE],
    ]);
    expect(read.root.children[0]!.text).toBe('Automatisk Valg');
  });
});

describe('uuidV5', () => {
  it('gives the RFC test vector and the same UUID for the same name', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(uuidV5('a', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).not.toBe(
      uuidV5('b', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
    );
  });
});
