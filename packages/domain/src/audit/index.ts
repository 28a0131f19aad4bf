export { appendAudit, type AuditEntry, type Tx } from './appendAudit';
export { verifyAuditChain, type AuditVerification } from './verifyAuditChain';
export { sealAuditChain } from './sealAuditChain';
export { auditHash, canonicalJson, GENESIS_HASH } from './auditHash';
export { listAudit } from './listAudit';
