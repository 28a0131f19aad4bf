export { listApprovals, countApprovals, type PendingApproval } from './listApprovals';
export {
  decideApproval,
  APPROVAL_DECISIONS,
  type ApprovalDecision,
  type ApprovalInput,
} from './decideApproval';
export { getPortalCaseSteps, currentSteps, type CurrentStep } from './getCaseSteps';
export { mayDecideApproval } from './approverSql';
