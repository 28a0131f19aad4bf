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
export { listDecisionTables } from './listDecisionTables';
export { readDecisionTable } from './readDecisionTable';
export { saveDecisionRevision } from './saveDecisionRevision';
export { testDecisionTable } from './testDecisionTable';
export { testDecisionOnCase } from './testDecisionOnCase';
export { listRecentDecisions } from './listRecentDecisions';
