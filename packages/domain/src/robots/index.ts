export type { RobotActor } from './RobotActor';
export { robotActorName } from './RobotActor';
export { hashRobotSecret, parseRobotAuthorization, robotToken } from './robotCredential';
export { createRobot } from './createRobot';
export { revokeRobot } from './revokeRobot';
export { robotsOverview } from './robotsOverview';
export { authenticateRobot } from './authenticateRobot';
export { fetchAndLockWorkItems, type FetchAndLockInput } from './fetchAndLockWorkItems';
export { extendWorkItemLease } from './extendWorkItemLease';
export { completeWorkItem } from './completeWorkItem';
export {
  failWorkItem,
  WORK_ITEM_MAX_ATTEMPTS,
  workItemBackoffSeconds,
  type FailWorkItemInput,
} from './failWorkItem';
export { reportWorkItemBusinessError } from './reportWorkItemBusinessError';
export { finishWorkItemStep, type RobotStepServices } from './finishWorkItemStep';
