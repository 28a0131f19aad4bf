import type { Db } from '@indgang/db';
import {
  anchorAuditChain,
  openAnchorSigner,
  readAnchors,
  type AnchorFiles,
  type AnchorLine,
  type AnchorSigner,
} from './auditAnchor';
import { repeatEvery } from '../jobs/repeatEvery';
import { sealAuditChain } from './sealAuditChain';

export interface SealerLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

/**
 * Seals the audit chain every `sealEveryMs`, and every `anchorEveryMs` signs its head and appends
 * it to the anchor file outside the database (also written to the log, so a copy leaves the
 * machine). A chain that no longer holds the last anchored head is reported, never re-anchored.
 */
export async function startAuditSealer(
  deps: { db: Db },
  options: { anchors: AnchorFiles | null; sealEveryMs: number; anchorEveryMs: number; log: SealerLog },
) {
  const { db } = deps;
  const { anchors, log } = options;
  let last: AnchorLine | null = null;
  let signer: AnchorSigner | null = null;
  if (anchors) {
    signer = await openAnchorSigner({ db }, anchors);
    if (signer.created)
      log.warn(
        { keyFile: anchors.keyFile, keyId: signer.keyId },
        'created the audit signing key; keep a copy of its public key (.pub) and of the anchor file outside this machine',
      );
    const reading = await readAnchors(anchors);
    if (reading.badLine)
      log.error(
        { anchorFile: anchors.anchorFile, ...reading.badLine },
        'the audit anchor file has a line not signed by the audit key',
      );
    last = reading.anchors.at(-1) ?? null;
  }
  let lastAnchorAt = 0;
  let warnedTampered = false;
  let forceAnchor = false;
  const loop = repeatEvery(
    options.sealEveryMs,
    async () => {
      await sealAuditChain({ db });
      if (!anchors || !signer || (!forceAnchor && Date.now() - lastAnchorAt < options.anchorEveryMs)) return;
      const result = await anchorAuditChain({ db }, signer, anchors, last);
      lastAnchorAt = Date.now();
      if (result.anchored) {
        last = result.anchored;
        warnedTampered = false;
        log.info({ auditAnchor: result.anchored }, 'audit chain head anchored');
      } else if (result.tampered && !warnedTampered) {
        warnedTampered = true;
        log.error(
          { anchoredPos: last?.pos, anchoredAt: last?.at },
          'the audit chain no longer holds its last anchored head: it was rewritten; not anchoring',
        );
      }
    },
    (err) => log.warn({ err }, 'audit sealing failed'),
  );
  return {
    /** Seals and anchors what is left, then stops. */
    async stop() {
      await loop.stop();
      forceAnchor = true;
      await loop.run();
    },
  };
}
