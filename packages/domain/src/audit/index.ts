export { appendAudit, type AuditEntry, type Tx } from './appendAudit';
export { verifyAuditChain, type AuditVerification } from './verifyAuditChain';
export { auditHash, canonicalJson, GENESIS_HASH } from './auditHash';
export { listAudit } from './listAudit';
