export { appendAudit, type AuditEntry, type Tx } from './appendAudit';
export { verifyAuditChain, type AuditVerification, type AuditBreak } from './verifyAuditChain';
export { sealAuditChain } from './sealAuditChain';
export {
  anchorAuditChain,
  auditChainId,
  keyIdOf,
  openAnchorSigner,
  readAnchors,
  type AnchorFiles,
  type AnchorLine,
  type AnchorReading,
  type AnchorSigner,
} from './auditAnchor';
export { auditHash, canonicalJson, GENESIS_HASH } from './auditHash';
export { listAudit } from './listAudit';
export { checkAuditTrail, type AuditCheck } from './checkAuditTrail';
export { startAuditSealer, type SealerLog } from './startAuditSealer';
