import type { DeliveryStatus } from '@indgang/domain';
import { childText, type XmlElement } from './xmlTree';

/**
 * Digital Post's receipts: for each message, SF1601 sends `PKO_PostStatus` messages (through the
 * municipalities' Beskedfordeler) naming the channel (`KanalKode`) and what happened
 * (`TransaktionsStatusKode`, with `FejlDetaljer` when it failed). The status codes are those of
 * KOMBIT's description of PKO_PostStatus, as public integrations read them.
 */
export const POST_STATUS_NAMESPACE = 'http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types';

export const CHANNELS = { digital: 'Digital Post', physical: 'Fysisk Post' } as const;

export const STATUS_CODES = {
  failed: 'Fejlet',
  receivedDigital: 'Modtaget Digital Post',
  deliveredDigital: 'Afleveret Digital Post',
  receivedPrint: 'Modtaget Fjern-print',
  ready: 'Klar',
  printed: 'Afleveret til print og kuvertering',
  dispatched: 'Afsendt',
  postDanmark: 'Modtaget Post Danmark',
} as const;

/** Physical-letter events that mean the letter is on its way on paper. */
const ON_PAPER: readonly string[] = [
  STATUS_CODES.receivedPrint,
  STATUS_CODES.ready,
  STATUS_CODES.printed,
  STATUS_CODES.dispatched,
  STATUS_CODES.postDanmark,
];

export interface PostStatusEvent {
  messageUuid: string;
  channel: string;
  at: string;
  code: string;
  error: { code: string; text: string } | null;
}

export function readPostStatus(element: XmlElement): PostStatusEvent {
  const error = element.children.find((c) => c.local === 'FejlDetaljer');
  return {
    messageUuid: (childText(element, 'MessageUUID') ?? '').toLowerCase(),
    channel: childText(element, 'KanalKode') ?? '',
    at: childText(element, 'TransaktionsDatoTid') ?? '',
    code: childText(element, 'TransaktionsStatusKode') ?? '',
    error: error
      ? { code: childText(error, 'FejlKode') ?? '', text: childText(error, 'FejlTekst') ?? '' }
      : null,
  };
}

/**
 * Where a message stands by its receipts: failed if any receipt says so; delivered once Digital
 * Post delivered it to the inbox; printed once remote print took it (the recipient is exempt), as far
 * as its latest receipt on paper says;
 * otherwise still on its way.
 */
export function deliveryFromReceipts(events: PostStatusEvent[]): {
  status: DeliveryStatus;
  at: string | null;
  reason: string | null;
} {
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  const failed = sorted.find((e) => e.code === STATUS_CODES.failed);
  if (failed)
    return {
      status: 'failed',
      at: failed.at || null,
      reason: failed.error ? `${failed.error.text} (${failed.error.code})` : failed.code,
    };
  const delivered = sorted.find(
    (e) => e.channel === CHANNELS.digital && e.code === STATUS_CODES.deliveredDigital,
  );
  if (delivered) return { status: 'delivered', at: delivered.at || null, reason: null };
  // The latest step on paper tells how far the printed letter has come.
  const printed = sorted.findLast((e) => e.channel === CHANNELS.physical && ON_PAPER.includes(e.code));
  if (printed) return { status: 'exempt_printed', at: printed.at || null, reason: printed.code };
  return { status: 'pending', at: null, reason: null };
}
