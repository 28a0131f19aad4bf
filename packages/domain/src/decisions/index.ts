export { parseDecisionTables, DECISIONS_NAMESPACE } from './parseDecisionTables';
export { evaluateDecisionTable } from './evaluateDecisionTable';
export { selectDecisionVersion } from './selectDecisionVersion';
export { evaluateDecision } from './evaluateDecision';
export type * from './types';
export { HIT_POLICIES, AGGREGATIONS } from './types';
export {
  installDecisionTables,
  currentDecisionTable,
  decideWithStoredTable,
  recordCaseDecision,
  type StoredDecision,
} from './storedDecisions';
