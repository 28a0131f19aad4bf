export {
  idempotencyRecordSql,
  IdempotencyKeyUsed,
  runIdempotent,
  runIdempotentInline,
  IDEMPOTENCY_KEY_HOURS,
  type IdempotencyClaim,
  type IdempotentOutcome,
} from './runIdempotent';
