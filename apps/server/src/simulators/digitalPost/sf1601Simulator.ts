import { createHash, randomUUID } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';
import { KOMBI_CHOICES, type KombiChoice } from '../../connectors/digitalPost/memoMessage';
import { checkMemoMessage, MEMO_NAMESPACE } from '../../connectors/digitalPost/memoRules';
import { CHANNELS, POST_STATUS_NAMESPACE, STATUS_CODES } from '../../connectors/digitalPost/postStatus';
import { child, childText, readXml } from '../../connectors/digitalPost/xmlTree';
import { SIMULATOR_PREFIXES } from '../../connectors/clientList';
import type { SimulatorStore } from '../SimulatorStore';
import type { SimulatorPlugin } from '../startSimulators';

/**
 * The fake recipients the simulated Digital Post treats apart (day 00, so no real person has them):
 * one exempt from Digital Post (fritaget: a letter goes to remote print and is sent on paper) and one
 * CPR does not know (the letter fails). Every other day-00 number has a Digital Post inbox; any
 * other number is refused, so no real person's number is ever kept.
 */
export const SIMULATED_RECIPIENTS = { exempt: '0001709001', unknown: '0001709002' } as const;

/** How long the simulated Digital Post takes from receiving a letter to its final receipt. */
export const DELIVERY_DELAY_MS = 1000;

/** What the simulated Digital Post keeps of a message it received. */
export interface SimulatedMessage {
  messageUuid: string;
  transmissionId: string;
  kombiValgKode: KombiChoice;
  senderCvr: string;
  recipient: string;
  label: string;
  legalNotification: boolean;
  mandatory: boolean;
  files: Array<{ filename: string; encodingFormat: string; bytes: number }>;
  receivedAt: string;
  /** SHA-256 of the request: the same UUID with other content is refused, the same request is one message. */
  sha256: string;
  channel: (typeof CHANNELS)[keyof typeof CHANNELS];
  failure: { code: string; text: string } | null;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });

/** SF1601's answer, `kombi_response`, as the real service writes it. */
function kombiResponse(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply
    .code(status)
    .type('application/xml; charset=utf-8')
    .send(builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, kombi_response: body }));
}

/** A refusal in the service's own words: Result false and the error under SvarReaktion. */
const refuse = (reply: FastifyReply, status: number, fejlId: string, fejlTekst: string) =>
  kombiResponse(reply, status, {
    Result: 'false',
    HovedoplysningerSvarREST: { SvarReaktion: { Fejl: { FejlId: fejlId, FejlTekst: fejlTekst } } },
  });

const isFakeCpr = (cpr: string) => /^00\d{8}$/.test(cpr);

/** The receipts (PKO_PostStatus) a message has by now: received at once, the outcome after the delay. */
function receipts(message: SimulatedMessage, now: number) {
  const received = Date.parse(message.receivedAt);
  const settled = new Date(received + DELIVERY_DELAY_MS).toISOString();
  const event = (at: string, code: string, fejl?: { code: string; text: string }) => ({
    TransmissionId: message.transmissionId,
    MessageUUID: message.messageUuid,
    KanalKode: message.channel,
    TransaktionsDatoTid: at,
    TransaktionsStatusKode: code,
    ...(fejl ? { FejlDetaljer: { FejlKode: fejl.code, FejlTekst: fejl.text } } : {}),
  });
  const done = now >= received + DELIVERY_DELAY_MS;
  if (message.failure) return done ? [event(settled, STATUS_CODES.failed, message.failure)] : [];
  if (message.channel === CHANNELS.physical)
    return [
      event(message.receivedAt, STATUS_CODES.receivedPrint),
      ...(done ? [event(settled, STATUS_CODES.printed)] : []),
    ];
  return [
    event(message.receivedAt, STATUS_CODES.receivedDigital),
    ...(done ? [event(settled, STATUS_CODES.deliveredDigital)] : []),
  ];
}

/**
 * Serviceplatformen's SF1601 "Print/Digital Post" as a simulator: `POST
 * /service/KombiPostAfsend_1/kombi` takes a `kombi_request` (KombiValgKode and a MeMo message),
 * validates the message by the MeMo rules and answers `kombi_response` (Result, TransmissionID) or
 * a refusal in Danish (Fejl: FejlId, FejlTekst). A message is known by its messageUUID: the same
 * request again is the same message (answered as the first time, nothing sent twice); the same UUID
 * with other content is refused. The exempt recipient's letter goes to remote print under
 * `Automatisk Valg` (and fails under `Digital Post`); the unknown one fails. Receipts
 * (PKO_PostStatus, as Beskedfordeleren delivers them) are read by messageUUID at `GET
 * /beskedfordeler/PKO_PostStatus`, the outcome appearing after a short delay.
 */
export const sf1601Simulator: SimulatorPlugin = {
  connector: 'digitalPost',
  prefix: SIMULATOR_PREFIXES.digitalPost,
  register(app, store: SimulatorStore) {
    app.post<{ Body: string }>(
      '/service/KombiPostAfsend_1/kombi',
      { config: { operation: 'kombiPostAfsend' } },
      async (request, reply) => {
        if (!request.headers['x-transaktionsid'])
          return refuse(reply, 400, 'MANGLER_TRANSAKTIONSID', 'Headeren x-TransaktionsId mangler.');
        const body = typeof request.body === 'string' ? request.body : '';
        const read = readXml(body);
        if ('error' in read)
          return refuse(reply, 400, 'UGYLDIG_XML', `Anmodningen er ikke gyldig XML: ${read.error}`);
        const root = read.root;
        if (root.local !== 'kombi_request')
          return refuse(reply, 400, 'UGYLDIG_ANMODNING', `Roden skal være kombi_request, ikke ${root.name}.`);
        const choice = childText(root, 'KombiValgKode') as KombiChoice | null;
        if (!choice || !KOMBI_CHOICES.includes(choice))
          return refuse(
            reply,
            400,
            'UGYLDIG_KOMBIVALGKODE',
            `KombiValgKode skal være en af ${KOMBI_CHOICES.join(', ')}, ikke "${choice ?? ''}".`,
          );
        const message = child(root, 'Message', MEMO_NAMESPACE);
        if (!message)
          return refuse(
            reply,
            400,
            'MANGLER_MEDDELELSE',
            'Anmodningen indeholder ingen MeMo-meddelelse (memo:Message).',
          );
        const problems = checkMemoMessage(message);
        if (problems.length > 0)
          return refuse(
            reply,
            400,
            'MEMO_VALIDERINGSFEJL',
            `Meddelelsen overholder ikke MeMo: ${problems.map((p) => p.da).join('; ')}.`,
          );
        const header = child(message, 'MessageHeader', MEMO_NAMESPACE);
        const recipient = child(header, 'Recipient', MEMO_NAMESPACE);
        const recipientId = childText(recipient, 'recipientID') ?? '';
        if (childText(recipient, 'idType') !== 'CPR' || !isFakeCpr(recipientId))
          return refuse(
            reply,
            400,
            'UKENDT_MODTAGER',
            'Testmiljøet modtager kun post til fiktive CPR-numre (dag 00).',
          );
        const messageUuid = (childText(header, 'messageUUID') ?? '').toLowerCase();
        const sha256 = createHash('sha256').update(body).digest('hex');
        const earlier = store.get<SimulatedMessage>('messages', messageUuid);
        if (earlier) {
          if (earlier.sha256 !== sha256)
            return refuse(
              reply,
              400,
              'DUBLET_MESSAGEUUID',
              `messageUUID ${messageUuid} er allerede brugt til en anden meddelelse.`,
            );
          return kombiResponse(reply, 200, {
            Result: 'true',
            TransmissionID: earlier.transmissionId,
            HovedoplysningerSvarREST: {
              SvarReaktion: {
                Advis: {
                  AdvisId: 'DUBLET',
                  AdvisTekst: 'Meddelelsen er allerede modtaget og sendes ikke igen.',
                },
              },
            },
          });
        }
        const exempt = recipientId === SIMULATED_RECIPIENTS.exempt;
        const unknown = recipientId === SIMULATED_RECIPIENTS.unknown;
        const physical = exempt && choice !== 'Digital Post';
        const failure = unknown
          ? { code: '1001', text: 'Modtageren findes ikke i CPR.' }
          : exempt && choice === 'Digital Post'
            ? { code: '1002', text: 'Modtageren er fritaget for Digital Post.' }
            : null;
        const body_ = child(message, 'MessageBody', MEMO_NAMESPACE);
        const files = (child(body_, 'MainDocument', MEMO_NAMESPACE)?.children ?? [])
          .filter((c) => c.local === 'File')
          .map((f) => ({
            filename: childText(f, 'filename') ?? '',
            encodingFormat: childText(f, 'encodingFormat') ?? '',
            bytes: Buffer.from(childText(f, 'content') ?? '', 'base64').length,
          }));
        const sender = child(header, 'Sender', MEMO_NAMESPACE);
        const stored = store.put<SimulatedMessage>('messages', messageUuid, {
          messageUuid,
          transmissionId: randomUUID(),
          kombiValgKode: choice,
          senderCvr: childText(sender, 'senderID') ?? '',
          recipient: recipientId,
          label: childText(header, 'label') ?? '',
          legalNotification: childText(header, 'legalNotification') === 'true',
          mandatory: childText(header, 'mandatory') === 'true',
          files,
          receivedAt: new Date().toISOString(),
          sha256,
          channel: physical ? CHANNELS.physical : CHANNELS.digital,
          failure,
        });
        return kombiResponse(reply, 200, { Result: 'true', TransmissionID: stored.transmissionId });
      },
    );

    app.get<{ Querystring: { MessageUUID?: string } }>(
      '/beskedfordeler/PKO_PostStatus',
      { config: { operation: 'postStatus' } },
      async (request, reply) => {
        const uuid = (request.query.MessageUUID ?? '').toLowerCase();
        const message = uuid ? store.get<SimulatedMessage>('messages', uuid) : undefined;
        return reply.type('application/xml; charset=utf-8').send(
          builder.build({
            '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
            PostStatusListe: {
              '@_xmlns': POST_STATUS_NAMESPACE,
              PKO_PostStatus: message ? receipts(message, Date.now()) : [],
            },
          }),
        );
      },
    );
  },
};
