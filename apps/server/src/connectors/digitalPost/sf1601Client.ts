import { randomUUID } from 'node:crypto';
import { ConnectorError, type ConnectorCall, type DigitalPostConnector } from '@indgang/domain';
import { connectorRequest, type ConnectorResponse, type ResolvedEndpoint } from '../connectorRequest';
import { kombiRequestXml, type MemoLetter } from './memoMessage';
import { checkMemoMessage, MEMO_NAMESPACE } from './memoRules';
import { POST_STATUS_NAMESPACE, deliveryFromReceipts, readPostStatus } from './postStatus';
import { DIGITAL_POST_MESSAGE_NAMESPACE, uuidV5 } from './uuidV5';
import { child, childText, readXml } from './xmlTree';

/** Who sends: the municipality's CVR number and the name the recipient sees. */
export interface DigitalPostSender {
  cvr: string;
  label: string;
}

/** The example sender the simulators use (CVR 12345678, as in Digitaliseringsstyrelsen's examples). */
export const EXAMPLE_SENDER: DigitalPostSender = { cvr: '12345678', label: 'Eksempel Kommune' };

/**
 * The sender from the environment: `INDGANG_DIGITAL_POST_SENDER_CVR` (8 digits) and
 * `INDGANG_DIGITAL_POST_SENDER_NAME`. Required when Digital Post is live; on the simulator the
 * example sender is used when they are unset.
 */
export function digitalPostSender(env: NodeJS.ProcessEnv): DigitalPostSender {
  const cvr = env.INDGANG_DIGITAL_POST_SENDER_CVR;
  const label = env.INDGANG_DIGITAL_POST_SENDER_NAME;
  const live =
    Boolean(env.INDGANG_DIGITAL_POST_URL) && !['off', 'simulator'].includes(env.INDGANG_DIGITAL_POST ?? '');
  if (!cvr && !live) return EXAMPLE_SENDER;
  if (!cvr || !/^\d{8}$/.test(cvr))
    throw new Error(
      `INDGANG_DIGITAL_POST_SENDER_CVR must be the municipality's CVR number (8 digits) to send Digital Post, got "${cvr ?? ''}"`,
    );
  if (!label)
    throw new Error(
      'INDGANG_DIGITAL_POST_SENDER_NAME must name the municipality (the sender recipients see)',
    );
  return { cvr, label };
}

/** CPR numbers never leave in an error text (the operations page shows it). */
const withoutCpr = (text: string) => text.replace(/\b\d{6}-?\d{4}\b/g, '**********');

/**
 * Digital Post through Serviceplatformen's SF1601 (KombiPostAfsend): a letter is a MeMo 1.2
 * message in a `kombi_request` with KombiValgKode `Automatisk Valg`, so a recipient exempt from
 * Digital Post gets it on paper through remote print. The message's UUID is derived from the call's
 * key, so a retry after a lost answer sends the same message (Digital Post knows it by its UUID).
 * The message is checked against the MeMo rules first: one that breaks them is refused here, in
 * Danish and English, and never sent. Receipts (PKO_PostStatus) are read by the message's UUID.
 *
 * Not built: the SAML token of KOMBIT's security token service that the real Serviceplatformen
 * requires besides the OCES certificate, and a receiver of PKO_PostStatus from Beskedfordeleren
 * (SF1461) that answers the status read; the simulator stands in for both.
 */
export function createSf1601Client(
  endpoint: ResolvedEndpoint,
  sender: DigitalPostSender,
): DigitalPostConnector {
  return {
    async send(letter, call) {
      const messageUuid = messageUuidFor(sender, call);
      const memo: MemoLetter = {
        messageUuid,
        label: letter.label,
        mandatory: letter.mandatory,
        legalNotification: letter.legalNotification,
        sender,
        recipient: { cpr: letter.recipientCpr },
        caseReference: letter.caseNumber ? { caseId: letter.caseNumber, caseSystem: 'Indgang' } : undefined,
        createdAt: letter.createdAt,
        mainDocument: {
          label: letter.label,
          files: [
            {
              encodingFormat: 'application/pdf',
              filename: letter.document.fileName,
              language: letter.document.language,
              content: letter.document.content,
            },
          ],
        },
      };
      const body = kombiRequestXml('Automatisk Valg', memo);
      refuseInvalid(body);
      const response = await connectorRequest(
        endpoint,
        {
          method: 'POST',
          path: 'service/KombiPostAfsend_1/kombi',
          headers: {
            'content-type': 'application/xml; charset=utf-8',
            accept: 'application/xml',
            'x-transaktionsid': randomUUID(),
            'x-transaktionstid': new Date().toISOString(),
          },
          body,
        },
        call,
      );
      const answer = kombiResponse(response);
      if (!answer.ok) throw new ConnectorError('refused', answer.code, withoutCpr(answer.text));
      return { messageUuid };
    },

    async status({ messageUuid }, call) {
      const response = await connectorRequest(
        endpoint,
        {
          method: 'GET',
          path: `beskedfordeler/PKO_PostStatus?MessageUUID=${encodeURIComponent(messageUuid)}`,
          headers: { accept: 'application/xml', 'x-transaktionsid': randomUUID() },
        },
        call,
      );
      const read = readXml(response.text());
      if (response.status !== 200 || 'error' in read)
        throw new ConnectorError(
          response.status >= 400 && response.status < 500 ? 'refused' : 'transient',
          `http_${response.status}`,
          withoutCpr('error' in read ? read.error : response.text().slice(0, 300)),
        );
      const receipts = read.root.children
        .filter((c) => c.local === 'PKO_PostStatus' && c.ns === POST_STATUS_NAMESPACE)
        .map(readPostStatus)
        .filter((e) => e.messageUuid === messageUuid.toLowerCase());
      return deliveryFromReceipts(receipts);
    },
  };
}

/**
 * The message's UUID: name-based (v5) from the sender, the case and the call's key, so every retry
 * of one step's letter is the same message, and no two installations or cases share one.
 */
export const messageUuidFor = (sender: DigitalPostSender, call: Pick<ConnectorCall, 'key' | 'caseId'>) =>
  uuidV5(`${sender.cvr}/${call.caseId ?? '-'}/${call.key}`, DIGITAL_POST_MESSAGE_NAMESPACE);

/** Refuses a request whose MeMo message breaks the format, before anything is sent. */
function refuseInvalid(kombiRequest: string) {
  const read = readXml(kombiRequest);
  const message = 'error' in read ? undefined : child(read.root, 'Message', MEMO_NAMESPACE);
  const problems = message
    ? checkMemoMessage(message)
    : [{ path: '', da: 'anmodningen har ingen MeMo-meddelelse', en: 'the request has no MeMo message' }];
  if (problems.length === 0) return;
  const da = problems.map((p) => p.da).join('; ');
  const en = problems.map((p) => p.en).join('; ');
  throw new ConnectorError('refused', 'memo_invalid', withoutCpr(en), {
    da: `Brevet er ikke sendt, fordi det ikke overholder Digital Posts format (MeMo): ${withoutCpr(da)}.`,
    en: `The letter was not sent because it breaks Digital Post's format (MeMo): ${withoutCpr(en)}.`,
  });
}

/**
 * SF1601's answer: `kombi_response` with `Result` true and a `TransmissionID`, or a refusal with
 * `Fejl` (FejlId, FejlTekst) under HovedoplysningerSvarREST/SvarReaktion, in the service's words.
 */
function kombiResponse(
  response: ConnectorResponse,
): { ok: true } | { ok: false; code: string; text: string } {
  const read = readXml(response.text());
  if ('error' in read)
    return {
      ok: false,
      code: `http_${response.status}`,
      text: `Unreadable answer (${response.status}): ${read.error}`,
    };
  const result = childText(read.root, 'Result');
  if (response.status === 200 && result === 'true') return { ok: true };
  const reaction = child(child(read.root, 'HovedoplysningerSvarREST'), 'SvarReaktion');
  const fejl = child(reaction, 'Fejl');
  return {
    ok: false,
    code: childText(fejl, 'FejlId') ?? `http_${response.status}`,
    text: childText(fejl, 'FejlTekst') ?? `KombiPostAfsend answered ${response.status} without a reason`,
  };
}
