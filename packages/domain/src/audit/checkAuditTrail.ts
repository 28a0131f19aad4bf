import type { Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from './appendAudit';
import { auditChainId, readAnchors, type AnchorFiles, type AnchorReading } from './auditAnchor';
import { sealAuditChain } from './sealAuditChain';
import { verifyAuditChain, type AuditVerification } from './verifyAuditChain';

export type AuditCheck = AuditVerification & {
  /** A line of the anchor file that is unreadable or not signed by the trusted key. */
  anchorFileProblem: AnchorReading['badLine'];
  keyId: string | null;
};

/**
 * Seals what is final, then verifies the whole chain and, when anchor files are configured,
 * checks it against every signed head in the anchor file. A line not signed by the trusted key
 * fails the check too: the anchors themselves must be beyond doubt. An auditor's check is itself
 * audited; `actor` is null for the operator's command line.
 */
export async function checkAuditTrail(
  deps: { db: Db; anchors: AnchorFiles | null },
  actor: Actor | null,
): Promise<AuditCheck> {
  if (actor) requirePermission(actor, 'audit.read');
  await sealAuditChain({ db: deps.db });
  let check: AuditCheck;
  if (!deps.anchors) {
    check = { ...(await verifyAuditChain({ db: deps.db })), anchorFileProblem: null, keyId: null };
  } else {
    const reading = await readAnchors(deps.anchors);
    const verification = await verifyAuditChain(
      { db: deps.db },
      {
        anchors: reading.anchors,
        chainId: await auditChainId({ db: deps.db }),
      },
    );
    check = {
      ...verification,
      ok: verification.ok && reading.badLine === null,
      anchorFileProblem: reading.badLine,
      keyId: reading.keyId,
    };
  }
  if (actor) {
    await deps.db.transaction((tx) =>
      appendAudit(tx, {
        actorUserId: actor.userId,
        action: 'audit.verify',
        entityType: 'audit_log',
        details: { ok: check.ok, entries: check.entries, reason: check.reason },
      }),
    );
  }
  return check;
}
